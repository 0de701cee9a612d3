import {
  Box,
  EmptyStateLayout,
  Flex,
  Grid,
  Loader,
  Searchbar,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useMemo, useState } from 'react';
import {
  SITE_LEVELS,
  VETO_RULES,
  useOversight,
  useOversightAlerts,
  type OversightListResponse,
  type RuleStatus,
  type SiteLevel,
  type SiteOversight,
} from '../../api/oversight';
import { ColumnHeads } from '../../components/ColumnHeads';
import { RuleStatusBadge } from '../../components/RuleStatusBadge';
import { StatCard } from '../../components/StatCard';
import { useT } from '../../hooks/useT';
import { useOversightFormat } from './format';
import { AlertsTable, Section, SiteName, VerdictLight } from './OversightCells';
import { nearestDaysLeft } from './verdicts';

const STATUSES: RuleStatus[] = ['tripped', 'warning', 'ok'];
const SORTS = ['status', 'name', 'daysLeft'] as const;
type Sort = (typeof SORTS)[number];
const RECENT_ALERTS = 10;

/** The columns after the site and its rules. */
const FIGURE_COLUMNS = ['status', 'replyRate', 'onTimeRate', 'backlog', 'expiredAccounts'] as const;
/** The site table's headings, under `oversight.`: the site, each veto rule, the figures. */
const SITE_TABLE_COLUMNS = [
  'column.site',
  ...VETO_RULES.map((rule) => `rule.${rule}`),
  ...FIGURE_COLUMNS.map((column) => `column.${column}`),
];

interface Filters {
  status: RuleStatus | '';
  level: SiteLevel | '';
  city: string;
  query: string;
}

const matches = (row: SiteOversight, filters: Filters) =>
  (!filters.status || row.status === filters.status) &&
  (!filters.level || row.site.level === filters.level) &&
  (!filters.city || row.site.city === filters.city) &&
  (!filters.query || row.site.name.includes(filters.query.trim()));

/**
 * The rows in the chosen order. The server's own order (the failing first, then the nearest to
 * failing) is the default; ties in the others keep it.
 */
const sorted = (rows: SiteOversight[], sort: Sort) => {
  if (sort === 'status') return rows;
  const byName = (a: SiteOversight, b: SiteOversight) =>
    a.site.name.localeCompare(b.site.name, 'zh');
  // Two sites that time alone does not trip (Infinity − Infinity) are equal too.
  const byDaysLeft = (a: SiteOversight, b: SiteOversight) =>
    nearestDaysLeft(a) - nearestDaysLeft(b) || 0;
  // Array.prototype.sort is stable: equal rows keep the server's order.
  return [...rows].sort(sort === 'name' ? byName : byDaysLeft);
};

/** 3 个站点已触发否决 / 预警 / 正常, with the number of sites watched. */
const Summary = ({ rows, warnDays }: { rows: SiteOversight[]; warnDays: number }) => {
  const t = useT();
  const format = useOversightFormat();
  const count = (status: RuleStatus) =>
    format.count(rows.filter((row) => row.status === status).length);
  return (
    <Grid.Root gap={4}>
      <Grid.Item col={3} s={6} xs={12}>
        <StatCard label={t('oversight.summary.sites')} value={format.count(rows.length)} />
      </Grid.Item>
      <Grid.Item col={3} s={6} xs={12}>
        <StatCard
          label={t('oversight.summary.tripped')}
          value={count('tripped')}
          hint={t('oversight.summary.trippedHint')}
        />
      </Grid.Item>
      <Grid.Item col={3} s={6} xs={12}>
        <StatCard
          label={t('oversight.summary.warning')}
          value={count('warning')}
          hint={t('oversight.summary.warningHint', { days: warnDays })}
        />
      </Grid.Item>
      <Grid.Item col={3} s={6} xs={12}>
        <StatCard label={t('oversight.summary.ok')} value={count('ok')} />
      </Grid.Item>
    </Grid.Root>
  );
};

const SiteRow = ({ row }: { row: SiteOversight }) => {
  const format = useOversightFormat();
  const t = useT();
  const byRule = new Map(row.rules.map((verdict) => [verdict.rule, verdict]));
  const { reviewBacklog: backlog } = row;
  return (
    <Tr data-testid={`oversight-row-${row.site.code}`}>
      <Td>
        <SiteName site={row.site} />
      </Td>
      {VETO_RULES.map((rule) => {
        const verdict = byRule.get(rule);
        return (
          <Td key={rule}>
            {verdict ? (
              <VerdictLight verdict={verdict} />
            ) : (
              <Typography textColor="neutral500">–</Typography>
            )}
          </Td>
        );
      })}
      <Td>
        <RuleStatusBadge status={row.status} />
      </Td>
      <Td>
        <Typography>{format.percent(row.replies.replyRate)}</Typography>
      </Td>
      <Td>
        <Typography>{format.percent(row.replies.onTimeRate)}</Typography>
      </Td>
      <Td>
        <Flex direction="column" alignItems="flex-start">
          <Typography textColor={backlog.waiting > 0 ? undefined : 'neutral500'}>
            {format.count(backlog.waiting)}
          </Typography>
          {backlog.oldestDays !== null && backlog.waiting > 0 ? (
            <Typography variant="pi" textColor="neutral600">
              {t('oversight.backlog.oldest', { days: backlog.oldestDays })}
            </Typography>
          ) : null}
        </Flex>
      </Td>
      <Td>
        <Typography
          textColor={row.expiredAccounts > 0 ? 'danger600' : 'neutral500'}
          fontWeight={row.expiredAccounts > 0 ? 'semiBold' : undefined}
        >
          {format.count(row.expiredAccounts)}
        </Typography>
      </Td>
    </Tr>
  );
};

const SiteTable = ({ rows }: { rows: SiteOversight[] }) => (
  <Table colCount={SITE_TABLE_COLUMNS.length} rowCount={rows.length + 1}>
    <ColumnHeads prefix="oversight" columns={SITE_TABLE_COLUMNS} />
    <Tbody>
      {rows.map((row) => (
        <SiteRow key={row.site.documentId} row={row} />
      ))}
    </Tbody>
  </Table>
);

/** 最近预警: the last alerts raised on any site, and whom they were sent to. */
const RecentAlerts = () => {
  const t = useT();
  const alerts = useOversightAlerts({ page: 1, pageSize: RECENT_ALERTS });
  let body: React.ReactNode;
  if (alerts.isLoading) {
    body = (
      <Box padding={5}>
        <Loader small>{t('oversight.loading')}</Loader>
      </Box>
    );
  } else if (alerts.isError || !alerts.data) {
    body = (
      <Box padding={5} paddingTop={0}>
        <Typography textColor="danger600">{t('oversight.alerts.loadFailed')}</Typography>
      </Box>
    );
  } else if (alerts.data.data.length === 0) {
    body = (
      <Box padding={5} paddingTop={0}>
        <Typography textColor="neutral600">{t('oversight.alerts.empty')}</Typography>
      </Box>
    );
  } else {
    body = <AlertsTable alerts={alerts.data.data} showSite />;
  }
  const total = alerts.data?.meta.pagination.total;
  return (
    <Section
      title={t('oversight.alerts.title')}
      hint={
        total !== undefined && total > RECENT_ALERTS
          ? t('oversight.alerts.recentOf', { shown: RECENT_ALERTS, total })
          : undefined
      }
      testId="oversight-recent-alerts"
    >
      {body}
    </Section>
  );
};

/** 判定口径: the thresholds the verdicts were judged by, as the server sent them. */
const RulesNote = ({ meta }: { meta: OversightListResponse['meta'] }) => {
  const t = useT();
  return (
    <Typography variant="pi" textColor="neutral600">
      {t('oversight.rules.note', { ...meta.veto, ...meta.staleAfterDays })}
    </Typography>
  );
};

/**
 * 站群监测 for the province: every open site against the national veto rules (国办秘函〔2019〕19号),
 * one traffic light per rule, with its messages, review backlog and expired accounts; each site
 * opens on the evidence behind its verdicts.
 */
export const OversightPage = () => {
  const t = useT();
  const format = useOversightFormat();
  const { data, isLoading, isError } = useOversight();
  const [filters, setFilters] = useState<Filters>({ status: '', level: '', city: '', query: '' });
  const [sort, setSort] = useState<Sort>('status');
  const filter = (change: Partial<Filters>) => setFilters((current) => ({ ...current, ...change }));

  const rows = useMemo(() => data?.data ?? [], [data]);
  const cities = useMemo(
    () =>
      [...new Set(rows.flatMap((row) => (row.site.city ? [row.site.city] : [])))].sort((a, b) =>
        a.localeCompare(b, 'zh')
      ),
    [rows]
  );
  const visible = useMemo(
    () =>
      sorted(
        rows.filter((row) => matches(row, filters)),
        sort
      ),
    [rows, filters, sort]
  );

  if (isLoading) return <Page.Loading />;
  if (isError || !data) return <Page.Error />;

  return (
    <Page.Main>
      <Page.Title>{t('oversight.title')}</Page.Title>
      <Layouts.Header
        title={t('oversight.title')}
        subtitle={t('oversight.subtitle', {
          sites: rows.length,
          at: format.dateTime(data.meta.computedAt),
        })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Summary rows={rows} warnDays={data.meta.veto.warnDays} />
          <Flex gap={4} wrap="wrap" alignItems="flex-end">
            <Box minWidth="16rem">
              <Searchbar
                name="search"
                value={filters.query}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  filter({ query: event.target.value })
                }
                onClear={() => filter({ query: '' })}
                clearLabel={t('oversight.filter.searchClear')}
                placeholder={t('oversight.filter.search')}
              >
                {t('oversight.filter.search')}
              </Searchbar>
            </Box>
            <Box minWidth="14rem">
              <SingleSelect
                aria-label={t('oversight.filter.status')}
                placeholder={t('oversight.filter.status')}
                value={filters.status}
                onChange={(value: string | number) =>
                  filter({ status: String(value) as RuleStatus })
                }
                onClear={() => filter({ status: '' })}
              >
                {STATUSES.map((status) => (
                  <SingleSelectOption key={status} value={status}>
                    {t(`oversight.status.${status}`)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Box minWidth="14rem">
              <SingleSelect
                aria-label={t('oversight.filter.level')}
                placeholder={t('oversight.filter.level')}
                value={filters.level}
                onChange={(value: string | number) => filter({ level: String(value) as SiteLevel })}
                onClear={() => filter({ level: '' })}
              >
                {SITE_LEVELS.map((level) => (
                  <SingleSelectOption key={level} value={level}>
                    {t(`oversight.level.${level}`)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Box minWidth="14rem">
              <SingleSelect
                aria-label={t('oversight.filter.city')}
                placeholder={t('oversight.filter.city')}
                value={filters.city}
                onChange={(value: string | number) => filter({ city: String(value) })}
                onClear={() => filter({ city: '' })}
              >
                {cities.map((city) => (
                  <SingleSelectOption key={city} value={city}>
                    {city}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Box minWidth="16rem">
              <SingleSelect
                aria-label={t('oversight.sort.label')}
                value={sort}
                onChange={(value: string | number) => setSort(String(value) as Sort)}
              >
                {SORTS.map((name) => (
                  <SingleSelectOption key={name} value={name}>
                    {t(`oversight.sort.${name}`)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
          </Flex>
          <Section
            title={t('oversight.sites.title')}
            hint={t('oversight.sites.shown', { shown: visible.length, total: rows.length })}
            testId="oversight-sites"
          >
            {visible.length > 0 ? (
              <SiteTable rows={visible} />
            ) : (
              <EmptyStateLayout content={t('oversight.empty')} />
            )}
          </Section>
          <RulesNote meta={data.meta} />
          <RecentAlerts />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
