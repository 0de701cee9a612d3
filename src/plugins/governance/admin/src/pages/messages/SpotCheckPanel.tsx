import { Button, Td, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useDrawSpotCheckSample, type Verdict } from '../../api/messages';
import { HeadedTable } from '../../components/DataTable';
import { Panel, PanelNote } from '../../components/Panel';
import { ToneBadge } from '../../components/ToneBadge';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';
import { CaseDialog } from './CaseDialog';
import { DeadlineBadge } from './DeadlineBadge';
import { useLocalTime } from '../../hooks/useLocalTime';

const SAMPLE_COLUMNS = ['subject', 'site', 'replied', 'deadline', 'verdict'] as const;

const SAMPLE_SIZE = 10;

/**
 * 答复质量抽查: draws a random sample of the year's replied messages not yet checked; each opens
 * its case, where the verdict is given. The list marks what was checked since the draw.
 */
export const SpotCheckPanel = ({ year }: { year: number }) => {
  const t = useT();
  const { formatDate } = useLocalTime();
  const notified = useNotifiedAction();
  const draw = useDrawSpotCheckSample();
  const [verdicts, setVerdicts] = useState<Record<number, Verdict>>({});
  const [openId, setOpenId] = useState<number | null>(null);
  const sample = draw.data;

  const drawSample = async () => {
    setVerdicts({});
    await notified(
      () => draw.mutateAsync({ year, size: SAMPLE_SIZE }),
      t('statistics.sample.drawn')
    );
  };

  return (
    <Panel
      title={t('statistics.sample.title')}
      hint={t('statistics.sample.intro', { year, size: SAMPLE_SIZE })}
      action={
        <Button variant="secondary" loading={draw.isLoading} onClick={drawSample}>
          {t(sample ? 'statistics.sample.redraw' : 'statistics.sample.draw')}
        </Button>
      }
      testId="spot-check-panel"
    >
      {sample && sample.length === 0 ? (
        <PanelNote>{t('statistics.sample.empty', { year })}</PanelNote>
      ) : null}
      {sample && sample.length > 0 ? (
        <HeadedTable
          prefix="statistics.sample.column"
          columns={SAMPLE_COLUMNS}
          rows={sample.length}
        >
          {sample.map((item) => (
            <Tr key={item.id}>
              <Td>
                <Button variant="ghost" onClick={() => setOpenId(item.id)}>
                  {item.subject}
                </Button>
              </Td>
              <Td>
                <Typography>{item.site?.name ?? '—'}</Typography>
              </Td>
              <Td>
                <Typography>
                  {item.repliedAt ? formatDate(item.repliedAt, { dateStyle: 'medium' }) : '—'}
                </Typography>
              </Td>
              <Td>
                {/* A refusal (不予受理) is sampled too: its status says what is to be judged. */}
                {item.status === 'rejected' ? (
                  <ToneBadge tone="warning">{t('messages.status.rejected')}</ToneBadge>
                ) : (
                  <DeadlineBadge deadline={item.deadline} />
                )}
              </Td>
              <Td>
                {verdicts[item.id] ? (
                  <ToneBadge tone={verdicts[item.id] === 'standard' ? 'success' : 'danger'}>
                    {t(`messages.verdict.${verdicts[item.id]}`)}
                  </ToneBadge>
                ) : (
                  <Typography textColor="neutral600">{t('statistics.sample.unchecked')}</Typography>
                )}
              </Td>
            </Tr>
          ))}
        </HeadedTable>
      ) : null}
      {openId !== null ? (
        <CaseDialog
          id={openId}
          onClose={() => setOpenId(null)}
          onSpotChecked={(verdict) => setVerdicts((checked) => ({ ...checked, [openId]: verdict }))}
        />
      ) : null}
    </Panel>
  );
};
