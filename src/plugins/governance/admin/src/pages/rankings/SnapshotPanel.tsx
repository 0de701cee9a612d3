import {
  Box,
  Button,
  Divider,
  Field,
  Flex,
  Td,
  TextButton,
  Toggle,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Lock, WarningCircle } from '@strapi/icons';
import { useState } from 'react';
import { useRankingSettings, type RankingResponse } from '../../api/rankings';
import { HeadedTable } from '../../components/DataTable';
import { RaisedBox } from '../../components/Panel';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';
import { useRankingFormat } from './format';
import { FreezeDialog } from './FreezeDialog';
import { RankingExports } from './RankingExports';
import { SnapshotVersions } from './SnapshotVersions';

const CHANGE_COLUMNS = ['site', 'field', 'frozen', 'live', 'change'] as const;

/** How many changed figures show before 全部显示. */
const FIRST_CHANGES = 8;

/** The live figures that no longer match the snapshot, frozen → live. */
const ChangedSinceSnapshot = ({
  changes,
}: {
  changes: RankingResponse['changedSinceSnapshot'];
}) => {
  const t = useT();
  const format = useRankingFormat();
  const [all, setAll] = useState(false);
  const shown = all ? changes : changes.slice(0, FIRST_CHANGES);
  const sites = new Set(changes.map((change) => change.site.documentId)).size;
  return (
    // Not the design system's Alert: its body is a paragraph (no table inside) and it always offers to close.
    <Box
      background="warning100"
      borderColor="warning200"
      borderStyle="solid"
      borderWidth="1px"
      hasRadius
      padding={4}
      data-testid="ranking-changed"
      role="status"
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex gap={2}>
          <WarningCircle fill="warning600" aria-hidden />
          <Typography fontWeight="bold" textColor="warning700">
            {t('rankings.changed.title', { sites, count: changes.length })}
          </Typography>
        </Flex>
        <Typography>{t('rankings.changed.explain')}</Typography>
        <HeadedTable prefix="rankings.changed.column" columns={CHANGE_COLUMNS} rows={shown.length}>
          {shown.map((change) => (
            <Tr key={`${change.site.documentId}-${change.field}`}>
              <Td>
                <Typography>{change.site.name}</Typography>
              </Td>
              <Td>
                <Typography>{t(`rankings.field.${change.field}`)}</Typography>
              </Td>
              <Td>
                <Typography>{format.count(change.frozen)}</Typography>
              </Td>
              <Td>
                <Typography fontWeight="semiBold">{format.count(change.live)}</Typography>
              </Td>
              <Td>
                <Typography textColor={change.live > change.frozen ? 'success600' : 'danger600'}>
                  {format.delta(change.live - change.frozen)}
                </Typography>
              </Td>
            </Tr>
          ))}
        </HeadedTable>
        {changes.length > FIRST_CHANGES ? (
          <TextButton onClick={() => setAll(!all)}>
            {all
              ? t('rankings.changed.fewer')
              : t('rankings.changed.all', { count: changes.length })}
          </TextButton>
        ) : null}
      </Flex>
    </Box>
  );
};

/** 允许各站点人员查看本站名次: the province's switch, or its state for those who may not change it. */
const MembersSeeOwnPlace = ({ value, canManage }: { value: boolean; canManage: boolean }) => {
  const t = useT();
  const notified = useNotifiedAction();
  const settings = useRankingSettings();
  const save = (membersSeeOwnPlace: boolean) =>
    notified(
      () => settings.mutateAsync({ membersSeeOwnPlace }),
      t(membersSeeOwnPlace ? 'rankings.setting.opened' : 'rankings.setting.closed'),
      t('rankings.setting.failed')
    );
  return (
    <Box data-testid="ranking-setting">
      {canManage ? (
        <Field.Root name="membersSeeOwnPlace" hint={t('rankings.setting.hint')}>
          <Field.Label>{t('rankings.setting.label')}</Field.Label>
          <Box maxWidth="20rem">
            <Toggle
              onLabel={t('rankings.setting.on')}
              offLabel={t('rankings.setting.off')}
              checked={value}
              disabled={settings.isLoading}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => save(event.target.checked)}
            />
          </Box>
          <Field.Hint />
        </Field.Root>
      ) : (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="sigma" textColor="neutral600">
            {t('rankings.setting.label')}
          </Typography>
          <Typography>{t(value ? 'rankings.setting.isOn' : 'rankings.setting.isOff')}</Typography>
        </Flex>
      )}
    </Box>
  );
};

/**
 * The year's snapshot: who froze it and when, its exports, what moved since, and 冻结排名 for
 * those who manage rankings; beside it the setting on site members' places.
 */
export const SnapshotPanel = ({
  response,
  canManage,
}: {
  response: RankingResponse;
  canManage: boolean;
}) => {
  const t = useT();
  const format = useRankingFormat();
  const [freezing, setFreezing] = useState(false);
  const { snapshot, live } = response;
  const year = live.year;

  return (
    <RaisedBox padding={5} data-testid="ranking-snapshot-panel">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={6} wrap="wrap">
          <Flex direction="column" alignItems="flex-start" gap={1} data-testid="ranking-snapshot">
            {snapshot ? (
              <>
                <Flex gap={2}>
                  <Lock fill="success600" aria-hidden />
                  <Typography variant="omega" fontWeight="bold">
                    {t('rankings.snapshot.frozen', {
                      version: snapshot.version,
                      at: format.dateTime(snapshot.takenAt),
                      by: snapshot.takenBy,
                    })}
                  </Typography>
                </Flex>
                {snapshot.reason ? (
                  <Typography textColor="neutral700">
                    {t('rankings.snapshot.reason', {
                      reason: snapshot.reason,
                      count: snapshot.changedFigures,
                    })}
                  </Typography>
                ) : null}
                {snapshot.note ? (
                  <Typography textColor="neutral700">
                    {t('rankings.snapshot.note', { note: snapshot.note })}
                  </Typography>
                ) : null}
                <Typography variant="pi" textColor="neutral600">
                  {t('rankings.snapshot.frozenHint')}
                </Typography>
              </>
            ) : (
              <>
                <Typography variant="omega" fontWeight="bold">
                  {t('rankings.snapshot.none', { year })}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {t('rankings.snapshot.noneHint')}
                </Typography>
              </>
            )}
          </Flex>
          <Flex gap={2} wrap="wrap">
            {snapshot ? <RankingExports year={year} source="snapshot" variant="tertiary" /> : null}
            {canManage ? (
              <Button
                variant={snapshot ? 'secondary' : 'default'}
                startIcon={<Lock />}
                onClick={() => setFreezing(true)}
              >
                {t(snapshot ? 'rankings.freeze.again' : 'rankings.freeze.button')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
        {snapshot ? <SnapshotVersions year={year} latest={snapshot.version} /> : null}
        {response.changedSinceSnapshot.length > 0 ? (
          <ChangedSinceSnapshot changes={response.changedSinceSnapshot} />
        ) : null}
        <Divider />
        <MembersSeeOwnPlace value={response.membersSeeOwnPlace} canManage={canManage} />
      </Flex>
      {freezing ? (
        <FreezeDialog year={year} refreeze={snapshot !== null} onClose={() => setFreezing(false)} />
      ) : null}
    </RaisedBox>
  );
};
