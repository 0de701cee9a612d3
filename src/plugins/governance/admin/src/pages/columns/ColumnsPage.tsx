import { Box, Button, Flex, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useQueryParams } from '@strapi/strapi/admin';
import { useState } from 'react';
import {
  useColumnSites,
  useSiteColumns,
  type ColumnChange,
  type ManagedColumn,
} from '../../api/columns';
import { HeadedTable, ListTable } from '../../components/DataTable';
import { FilterSelect } from '../../components/FilterSelect';
import { ToneBadge } from '../../components/ToneBadge';
import { WrapTd } from '../../components/WrapTd';
import { useT } from '../../hooks/useT';
import { useOversightFormat } from '../oversight/format';
import { ColumnDialog, DecisionDialog, type EditTarget } from './ColumnDialogs';
import { describeChange, standingBadge, standingText } from './standing';

const COLUMN_HEADS = [
  'name',
  'kind',
  'days',
  'reportCategory',
  'standing',
  'sortOrder',
  'actions',
] as const;
const CHANGE_HEADS = ['proposedAt', 'what', 'proposedBy', 'status', 'decision'] as const;
const STATUS_TONES = { pending: 'warning', applied: 'success', refused: 'danger' } as const;

const ColumnRow = ({
  column,
  province,
  pending,
  onEdit,
}: {
  column: ManagedColumn;
  province: boolean;
  /** A proposal waits for this column: a leader cannot ask again meanwhile. */
  pending: boolean;
  onEdit: (target: EditTarget) => void;
}) => {
  const t = useT();
  const format = useOversightFormat();
  const badge = standingBadge(column.standing);
  const retired = column.retiredAt !== null;
  const days =
    column.kind === 'static'
      ? t('columns.days.none')
      : column.staleAfterDays !== null
        ? t('columns.days.own', { days: column.staleAfterDays })
        : column.standing
          ? t('columns.days.default', { days: column.standing.staleAfterDays ?? '—' })
          : t('columns.days.byKind');
  return (
    <Tr data-testid={`column-row-${column.name}`}>
      <WrapTd minWidth="10rem">
        <Typography fontWeight="semiBold" textColor={retired ? 'neutral500' : undefined}>
          {column.name}
        </Typography>
        {column.formerNames.length > 0 ? (
          <Typography variant="pi" textColor="neutral600" tag="p">
            {t('columns.formerNames', { names: column.formerNames.join('、') })}
          </Typography>
        ) : null}
      </WrapTd>
      <Td>
        <Typography>{t(`oversight.kind.${column.kind}`)}</Typography>
      </Td>
      <Td>
        <Typography>{days}</Typography>
      </Td>
      <Td>
        <Typography>{t(`columns.reportCategory.${column.reportCategory}`)}</Typography>
      </Td>
      <WrapTd minWidth="14rem">
        <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={2} paddingBottom={2}>
          <ToneBadge tone={badge.tone}>{t(`columns.standing.${badge.key}`)}</ToneBadge>
          <Typography variant="pi" textColor="neutral600">
            {retired
              ? t('columns.retiredAt', { date: format.date(column.retiredAt) })
              : standingText(t, column.standing!)}
          </Typography>
        </Flex>
      </WrapTd>
      <Td>
        <Typography>{column.sortOrder}</Typography>
      </Td>
      <Td>
        {retired ? null : pending && !province ? (
          <Typography textColor="neutral600">{t('columns.pendingForColumn')}</Typography>
        ) : (
          <Flex gap={2}>
            <Button size="S" variant="tertiary" onClick={() => onEdit({ kind: 'change', column })}>
              {t(province ? 'columns.action.change' : 'columns.action.proposeChange')}
            </Button>
            <Button
              size="S"
              variant="danger-light"
              onClick={() => onEdit({ kind: 'retire', column })}
            >
              {t(province ? 'columns.action.retire' : 'columns.action.proposeRetire')}
            </Button>
          </Flex>
        )}
      </Td>
    </Tr>
  );
};

const ChangeRow = ({
  change,
  province,
  onDecide,
}: {
  change: ColumnChange;
  province: boolean;
  onDecide: (change: ColumnChange, approve: boolean) => void;
}) => {
  const t = useT();
  const format = useOversightFormat();
  return (
    <Tr data-testid={`column-change-${change.id}`}>
      <Td>
        <Typography>{format.dateTime(change.proposedAt)}</Typography>
      </Td>
      <WrapTd minWidth="16rem">
        <Box paddingTop={2} paddingBottom={2}>
          <Typography tag="p">{describeChange(t, change)}</Typography>
          {change.reason ? (
            <Typography variant="pi" textColor="neutral600" tag="p">
              {t('columns.change.reason', { reason: change.reason })}
            </Typography>
          ) : null}
          {change.standing?.atRisk ? (
            <Typography variant="pi" textColor="danger600" tag="p">
              {t(
                change.status === 'pending'
                  ? 'columns.change.standingAsked'
                  : 'columns.change.standingDecided',
                { standing: standingText(t, change.standing) }
              )}
            </Typography>
          ) : null}
        </Box>
      </WrapTd>
      <Td>
        <Typography>{change.proposedBy}</Typography>
      </Td>
      <Td>
        <ToneBadge tone={STATUS_TONES[change.status]}>
          {t(`columns.status.${change.status}`)}
        </ToneBadge>
      </Td>
      <WrapTd minWidth="12rem">
        {change.status === 'pending' && province ? (
          <Flex gap={2}>
            <Button size="S" variant="success-light" onClick={() => onDecide(change, true)}>
              {t('columns.decision.approve')}
            </Button>
            <Button size="S" variant="danger-light" onClick={() => onDecide(change, false)}>
              {t('columns.decision.refuse')}
            </Button>
          </Flex>
        ) : change.decidedAt ? (
          <Box paddingTop={2} paddingBottom={2}>
            <Typography tag="p">
              {t('columns.change.decided', {
                by: change.decidedBy ?? '—',
                at: format.dateTime(change.decidedAt),
              })}
            </Typography>
            {change.decisionReason ? (
              <Typography variant="pi" textColor="neutral600" tag="p">
                {change.decisionReason}
              </Typography>
            ) : null}
          </Box>
        ) : (
          <Typography textColor="neutral600">{t('columns.change.waiting')}</Typography>
        )}
      </WrapTd>
    </Tr>
  );
};

const SiteColumns = ({ site }: { site: string }) => {
  const t = useT();
  const data = useSiteColumns(site);
  const [edit, setEdit] = useState<EditTarget | null>(null);
  const [decision, setDecision] = useState<{ change: ColumnChange; approve: boolean } | null>(null);
  if (data.isLoading) return <Page.Loading />;
  if (data.isError || !data.data) return <Page.Error />;
  const { as, columns, changes } = data.data;
  const province = as === 'province';
  const pendingColumns = new Set(
    changes.filter((c) => c.status === 'pending').map((c) => c.columnId)
  );
  const inUse = columns.filter((c) => c.retiredAt === null);
  const retired = columns.filter((c) => c.retiredAt !== null);
  const row = (column: ManagedColumn) => (
    <ColumnRow
      key={column.id}
      column={column}
      province={province}
      pending={pendingColumns.has(column.id)}
      onEdit={setEdit}
    />
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Flex justifyContent="space-between" alignItems="flex-end">
        <Typography textColor="neutral600">
          {t(province ? 'columns.rule.province' : 'columns.rule.leader')}
        </Typography>
        <Button onClick={() => setEdit({ kind: 'add' })}>
          {t(province ? 'columns.action.add' : 'columns.action.proposeAdd')}
        </Button>
      </Flex>
      <ListTable
        prefix="columns.column"
        columns={COLUMN_HEADS}
        rows={inUse}
        empty={t('columns.empty')}
        renderRow={row}
      />
      {retired.length > 0 ? (
        <Box>
          <Typography variant="delta" tag="h2">
            {t('columns.retiredTitle')}
          </Typography>
          <Box paddingTop={2}>
            <HeadedTable prefix="columns.column" columns={COLUMN_HEADS} rows={retired.length}>
              {retired.map(row)}
            </HeadedTable>
          </Box>
        </Box>
      ) : null}
      <Box>
        <Typography variant="delta" tag="h2">
          {t('columns.changesTitle')}
        </Typography>
        <Box paddingTop={2}>
          <ListTable
            prefix="columns.change.column"
            columns={CHANGE_HEADS}
            rows={changes}
            empty={t('columns.changesEmpty')}
            renderRow={(change) => (
              <ChangeRow
                key={change.id}
                change={change}
                province={province}
                onDecide={(c, approve) => setDecision({ change: c, approve })}
              />
            )}
          />
        </Box>
      </Box>
      {edit ? (
        <ColumnDialog site={site} target={edit} province={province} onClose={() => setEdit(null)} />
      ) : null}
      {decision ? (
        <DecisionDialog
          change={decision.change}
          approve={decision.approve}
          describe={(c) => describeChange(t, c)}
          onClose={() => setDecision(null)}
        />
      ) : null}
    </Flex>
  );
};

/**
 * 栏目管理: each site's columns (栏目) — name, kind, its own days before it is stale, order —
 * with how each stands against its update rule. The province adds, changes and retires them
 * and decides the leaders' proposals; a site's leader proposes changes for their own sites.
 * Retired columns stay listed for history.
 */
export const ColumnsPage = () => {
  const t = useT();
  const sites = useColumnSites();
  const [{ query }, setQuery] = useQueryParams<{ site?: string }>();
  if (sites.isLoading) return <Page.Loading />;
  if (sites.isError || !sites.data) return <Page.Error />;
  const { as, pending } = sites.data;
  const province = as === 'province';
  const chosen =
    sites.data.sites.find((s) => s.documentId === query.site)?.documentId ??
    sites.data.sites[0]?.documentId;
  const options = sites.data.sites.map(
    (s) =>
      [
        s.documentId,
        pending[s.documentId]
          ? t('columns.siteWithPending', { site: s.name, count: pending[s.documentId] })
          : s.name,
      ] as const
  );
  const waiting = Object.values(pending).reduce((sum, n) => sum + n, 0);

  return (
    <Page.Main>
      <Page.Title>{t('columns.title')}</Page.Title>
      <Layouts.Header
        title={t('columns.title')}
        subtitle={t(province ? 'columns.subtitle.province' : 'columns.subtitle.leader')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {sites.data.sites.length === 0 ? (
            <Typography>{t('columns.noSites')}</Typography>
          ) : (
            <>
              <Flex gap={4} alignItems="center">
                <FilterSelect
                  width="24rem"
                  label={t('columns.site')}
                  value={chosen ?? ''}
                  options={options}
                  onChange={(value) => setQuery({ site: value || undefined })}
                />
                {province && waiting > 0 ? (
                  <ToneBadge tone="warning">
                    {t('columns.pendingTotal', { count: waiting })}
                  </ToneBadge>
                ) : null}
              </Flex>
              {chosen ? <SiteColumns key={chosen} site={chosen} /> : null}
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
