import { Button, Td, Tr, Typography } from '@strapi/design-system';
import { Bell } from '@strapi/icons';
import { useState } from 'react';
import { useUrgeSite, type OversightUrge } from '../../../api/oversight';
import { HeadedTable } from '../../../components/DataTable';
import { Panel, PanelNote } from '../../../components/Panel';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { WrapTd } from '../../../components/WrapTd';
import { useNotifiedAction } from '../../../hooks/useNotifiedAction';
import { useT } from '../../../hooks/useT';
import { useOversightFormat } from '../format';

/** The server's limit on an urge's note. */
const MAX_NOTE = 200;
const COLUMNS = ['urgedAt', 'urgedBy', 'note', 'notified'] as const;

/** 催办 for the province: a note for the site's leaders, sent at most once a day per site. */
export const UrgeButton = ({ documentId, site }: { documentId: string; site: string }) => {
  const t = useT();
  const notified = useNotifiedAction();
  const urge = useUrgeSite(documentId);
  const [open, setOpen] = useState(false);
  const send = (note: string) =>
    notified(
      () => urge.mutateAsync(note),
      t('oversight.urge.done', { site }),
      t('oversight.urge.failed')
    );
  return (
    <>
      <Button variant="secondary" startIcon={<Bell />} onClick={() => setOpen(true)}>
        {t('oversight.urge.button')}
      </Button>
      {open ? (
        <ReasonDialog
          title={t('oversight.urge.title', { site })}
          label={t('oversight.urge.note')}
          hint={(length) => t('oversight.urge.noteHint', { length, max: MAX_NOTE })}
          limits={{ min: 0, max: MAX_NOTE }}
          submitLabel={t('oversight.urge.submit')}
          onSend={send}
          onClose={() => setOpen(false)}
        >
          <Typography>{t('oversight.urge.explain')}</Typography>
        </ReasonDialog>
      ) : null}
    </>
  );
};

/** 催办记录: who urged the site, when, with what note, and which leaders were told. */
export const UrgesPanel = ({ urges }: { urges: OversightUrge[] }) => {
  const t = useT();
  const format = useOversightFormat();
  return (
    <Panel title={t('oversight.urge.history')} testId="oversight-site-urges">
      {urges.length === 0 ? (
        <PanelNote>{t('oversight.urge.none')}</PanelNote>
      ) : (
        <HeadedTable prefix="oversight.urge.column" columns={COLUMNS} rows={urges.length}>
          {urges.map((urge) => (
            <Tr key={urge.id}>
              <Td>
                <Typography>{format.dateTime(urge.urgedAt)}</Typography>
              </Td>
              <Td>
                <Typography>{urge.urgedBy}</Typography>
              </Td>
              <WrapTd>
                <Typography>{urge.note ?? '—'}</Typography>
              </WrapTd>
              <WrapTd>
                <Typography>
                  {urge.notified.length === 0
                    ? t('oversight.urge.nobody')
                    : t(urge.emailed ? 'oversight.urge.emailed' : 'oversight.urge.told', {
                        names: urge.notified.join('、'),
                      })}
                </Typography>
              </WrapTd>
            </Tr>
          ))}
        </HeadedTable>
      )}
    </Panel>
  );
};
