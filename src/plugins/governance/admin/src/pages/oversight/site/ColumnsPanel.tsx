import { Flex, Td, Tr, Typography } from '@strapi/design-system';
import type { ColumnState } from '../../../api/oversight';
import { HeadedTable, type RowPlace } from '../../../components/DataTable';
import { Panel, PanelNote } from '../../../components/Panel';
import { ToneBadge } from '../../../components/ToneBadge';
import { useT } from '../../../hooks/useT';
import { useOversightFormat } from '../format';
import { columnDaysLeft } from '../verdicts';

const COLUMN_HEADINGS = [
  'name',
  'kind',
  'rule',
  'lastPublished',
  'idle',
  'published',
  'flags',
] as const;

/** 超期未更新 / 空白栏目 / 剩 3 天 (about to go stale), or nothing for a column in order. */
const ColumnFlags = ({ column, warnDays }: { column: ColumnState; warnDays: number }) => {
  const t = useT();
  const left = columnDaysLeft(column);
  return (
    <Flex gap={2} wrap="wrap">
      {column.stale ? <ToneBadge tone="danger">{t('oversight.columns.stale')}</ToneBadge> : null}
      {column.empty ? <ToneBadge tone="danger">{t('oversight.columns.empty')}</ToneBadge> : null}
      {!column.stale && left !== null && left <= warnDays ? (
        <ToneBadge tone="warning">{t('oversight.columns.soon', { days: left })}</ToneBadge>
      ) : null}
    </Flex>
  );
};

const ColumnRow = ({
  column,
  warnDays,
  ...place
}: { column: ColumnState; warnDays: number } & RowPlace) => {
  const t = useT();
  const format = useOversightFormat();
  const flagged = column.stale || column.empty;
  return (
    <Tr {...place} data-testid={`oversight-column-${column.name}`}>
      <Td>
        <Typography fontWeight="semiBold" textColor={flagged ? 'danger600' : undefined}>
          {column.name}
        </Typography>
      </Td>
      <Td>
        <Typography>{t(`oversight.kind.${column.kind}`)}</Typography>
      </Td>
      <Td>
        <Typography textColor={column.staleAfterDays === null ? 'neutral500' : undefined}>
          {column.staleAfterDays === null
            ? t('oversight.columns.noRule')
            : t('oversight.columns.rule', { days: column.staleAfterDays })}
        </Typography>
      </Td>
      <Td>
        <Typography>{format.date(column.lastPublishedAt)}</Typography>
      </Td>
      <Td>
        <Typography
          textColor={column.stale ? 'danger600' : undefined}
          fontWeight={column.stale ? 'semiBold' : undefined}
        >
          {column.idleDays === null ? '—' : t('oversight.days', { days: column.idleDays })}
        </Typography>
      </Td>
      <Td>
        <Typography>{format.count(column.published)}</Typography>
      </Td>
      <Td>
        <ColumnFlags column={column} warnDays={warnDays} />
      </Td>
    </Tr>
  );
};

/** 栏目: each column's update rule against its last publication; the stale and empty ones marked. */
export const ColumnsPanel = ({
  columns,
  warnDays,
}: {
  columns: ColumnState[];
  warnDays: number;
}) => {
  const t = useT();
  const stale = columns.filter((column) => column.stale).length;
  const empty = columns.filter((column) => column.empty).length;
  return (
    <Panel
      title={t('oversight.site.columns.title')}
      hint={t('oversight.site.columns.hint', { total: columns.length, stale, empty })}
      testId="oversight-columns"
    >
      {columns.length === 0 ? (
        <PanelNote>{t('oversight.columns.none')}</PanelNote>
      ) : (
        <HeadedTable
          prefix="oversight.columns.column"
          columns={COLUMN_HEADINGS}
          rows={columns.length}
        >
          {columns.map((column) => (
            <ColumnRow key={column.name} column={column} warnDays={warnDays} />
          ))}
        </HeadedTable>
      )}
    </Panel>
  );
};
