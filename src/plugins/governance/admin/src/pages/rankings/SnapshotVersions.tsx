import { Flex, Td, Tr, Typography } from '@strapi/design-system';
import { FileXls } from '@strapi/icons';
import { rankingExportQuery, RANKINGS_EXPORT_URL, useSnapshotVersions } from '../../api/rankings';
import { HeadedTable } from '../../components/DataTable';
import { ExportButton } from '../../components/ExportButton';
import { useT } from '../../hooks/useT';
import { useRankingFormat } from './format';

const VERSION_COLUMNS = ['version', 'takenAt', 'takenBy', 'reason', 'changes', 'export'] as const;

/**
 * 冻结版本: every version of the year, newest first, each with who froze it, when, why it
 * replaced the one before and how many figures it changed; each can be exported as frozen.
 * Shown once a year has been frozen more than once: nothing is replaced without trace.
 */
export const SnapshotVersions = ({ year, latest }: { year: number; latest: number }) => {
  const t = useT();
  const format = useRankingFormat();
  const { data } = useSnapshotVersions(year, latest > 1);
  if (latest <= 1 || !data) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="ranking-versions">
      <Typography variant="delta" tag="h3">
        {t('rankings.versions.title', { count: data.versions.length })}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {t('rankings.versions.explain')}
      </Typography>
      <HeadedTable
        prefix="rankings.versions.column"
        columns={VERSION_COLUMNS}
        rows={data.versions.length}
      >
        {data.versions.map((version) => (
          <Tr key={version.version}>
            <Td>
              <Typography fontWeight={version.version === latest ? 'bold' : undefined}>
                {t(
                  version.version === latest
                    ? 'rankings.versions.current'
                    : 'rankings.versions.name',
                  { version: version.version }
                )}
              </Typography>
            </Td>
            <Td>
              <Typography>{format.dateTime(version.takenAt)}</Typography>
            </Td>
            <Td>
              <Typography>{version.takenBy}</Typography>
            </Td>
            <Td>
              <Typography>
                {version.reason
                  ? version.reason
                  : version.note
                    ? t('rankings.snapshot.note', { note: version.note })
                    : t('rankings.versions.first')}
              </Typography>
            </Td>
            <Td>
              <Typography>
                {version.version === 1
                  ? '—'
                  : t('rankings.versions.changes', { count: version.changedFigures })}
              </Typography>
            </Td>
            <Td>
              <ExportButton
                url={RANKINGS_EXPORT_URL}
                params={rankingExportQuery(year, 'xlsx', 'snapshot', version.version)}
                fileName={t('rankings.versions.fileName', { year, version: version.version })}
                icon={<FileXls />}
                variant="ghost"
              >
                {t('rankings.versions.export')}
              </ExportButton>
            </Td>
          </Tr>
        ))}
      </HeadedTable>
    </Flex>
  );
};
