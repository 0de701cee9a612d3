import { Box, Flex, Loader, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useMemo, useState } from 'react';
import { searchParams } from '../../api/searchParams';
import { REPORT_URLS } from '../../api/reports';
import { ExportButton } from '../../components/ExportButton';
import {
  VETO_RULES,
  useOversight,
  useOversightAlerts,
  type OversightListResponse,
  type RuleStatus,
  type SiteOversight,
} from '../../api/oversight';
import { ListTable } from '../../components/DataTable';
import { Panel, PanelNote } from '../../components/Panel';
import { RuleStatusBadge } from '../../components/RuleStatusBadge';
import { StatCards } from '../../components/StatCard';
import { useQueryChoice } from '../../hooks/useQueryChoice';
import { ToneBadge } from '../../components/ToneBadge';
import { useT } from '../../hooks/useT';
import { useOversightFormat } from './format';
import { AlertsTable, SiteName, VerdictLight } from './OversightCells';
import {
  NO_FILTERS,
  OversightFilters,
  STATUS_CHOICES,
  filtered,
  type Filters,
  type Sort,
} from './OversightFilters';
import { useTimeZoneNote } from '../../components/TimeZoneNote';

const RECENT_ALERTS = 10;

/** The columns after the site and its rules. */
const FIGURE_COLUMNS = [
  'status',
  'replyRate',
  'onTimeRate',
  'backlog',
  'expiredAccounts',
  'brokenLinks',
] as const;
/** The site table's headings, under `oversight.`: the site, each veto rule, the figures. */
const SITE_TABLE_COLUMNS = [
  'column.site',
  ...VETO_RULES.map((rule) => `rule.${rule}`),
  ...FIGURE_COLUMNS.map((column) => `column.${column}`),
];

/** 3 个站点已触发否决 / 预警 / 正常, with the number of sites watched. */
const Summary = ({ rows, warnDays }: { rows: SiteOversight[]; warnDays: number }) => {
  const t = useT();
  const format = useOversightFormat();
  const count = (status: RuleStatus) =>
    format.count(rows.filter((row) => row.status === status).length);
  return (
    <StatCards
      stats={[
        { label: t('oversight.summary.sites'), value: format.count(rows.length) },
        {
          label: t('oversight.summary.tripped'),
          value: count('tripped'),
          hint: t('oversight.summary.trippedHint'),
        },
        {
          label: t('oversight.summary.warning'),
          value: count('warning'),
          hint: t('oversight.summary.warningHint', { days: warnDays }),
        },
        { label: t('oversight.summary.ok'), value: count('ok') },
      ]}
    />
  );
};

/** 访问量异常 N 天 (of which 持续异常增长 M 天): this year's flagged visit days, listed on the site's page. */
const VisitAnomalyBadge = ({ days }: { days: NonNullable<SiteOversight['visitAnomalies']> }) => {
  const t = useT();
  if (days.length === 0) return null;
  const ramp = days.filter((d) => d.kind === 'ramp').length;
  return (
    <Box paddingTop={1}>
      <ToneBadge tone="danger" title={t('visitAnomalies.badgeTitle')}>
        {ramp > 0
          ? t('visitAnomalies.badgeRamp', { days: days.length, ramp })
          : t('visitAnomalies.badge', { days: days.length })}
      </ToneBadge>
    </Box>
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
        <VisitAnomalyBadge days={row.visitAnomalies ?? []} />
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
      <Td>
        <Typography
          textColor={row.brokenLinks > 0 ? 'warning600' : 'neutral500'}
          fontWeight={row.brokenLinks > 0 ? 'semiBold' : undefined}
        >
          {format.count(row.brokenLinks)}
        </Typography>
      </Td>
    </Tr>
  );
};

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
    body = <PanelNote textColor="danger600">{t('oversight.alerts.loadFailed')}</PanelNote>;
  } else if (alerts.data.data.length === 0) {
    body = <PanelNote>{t('oversight.alerts.empty')}</PanelNote>;
  } else {
    body = <AlertsTable alerts={alerts.data.data} showSite />;
  }
  const total = alerts.data?.meta.pagination.total;
  return (
    <Panel
      title={t('oversight.alerts.title')}
      hint={
        total !== undefined && total > RECENT_ALERTS
          ? t('oversight.alerts.recentOf', { shown: RECENT_ALERTS, total })
          : undefined
      }
      testId="oversight-recent-alerts"
    >
      {body}
    </Panel>
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
 * one traffic light per rule, with its messages, review backlog, expired accounts and links that
 * do not open (不可用链接, a figure, no rule); each site
 * opens on the evidence behind its verdicts.
 */
export const OversightPage = () => {
  const t = useT();
  const { withTimeZoneNote } = useTimeZoneNote();
  const format = useOversightFormat();
  const { data, isLoading, isError } = useOversight();
  // The status in the address: the home page links the failing and the warned sites here.
  const [status, setStatus] = useQueryChoice('status', STATUS_CHOICES, '');
  const [others, setOthers] = useState<Filters>(NO_FILTERS);
  const filters = useMemo(() => ({ ...others, status }), [others, status]);
  const [sort, setSort] = useState<Sort>('status');

  const rows = useMemo(() => data?.data ?? [], [data]);
  const cities = useMemo(
    () =>
      [...new Set(rows.flatMap((row) => (row.site.city ? [row.site.city] : [])))].sort((a, b) =>
        a.localeCompare(b, 'zh')
      ),
    [rows]
  );
  const visible = useMemo(() => filtered(rows, filters, sort), [rows, filters, sort]);

  if (isLoading) return <Page.Loading />;
  if (isError || !data) return <Page.Error />;

  return (
    <Page.Main>
      <Page.Title>{t('oversight.title')}</Page.Title>
      <Layouts.Header
        title={t('oversight.title')}
        subtitle={withTimeZoneNote(
          t('oversight.subtitle', {
            sites: rows.length,
            at: format.dateTime(data.meta.computedAt),
          })
        )}
        primaryAction={
          <ExportButton
            url={REPORT_URLS.oversight}
            params={searchParams({ ...filters })}
            fileName={t('oversight.exportName')}
          >
            {t('common.exportXlsx')}
          </ExportButton>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Summary rows={rows} warnDays={data.meta.veto.warnDays} />
          <OversightFilters
            filters={filters}
            cities={cities}
            sort={sort}
            onFilter={({ status: chosen, ...change }) => {
              if (chosen !== undefined) setStatus(chosen);
              setOthers((current) => ({ ...current, ...change }));
            }}
            onSort={setSort}
          />
          <Panel
            title={t('oversight.sites.title')}
            hint={t('oversight.sites.shown', { shown: visible.length, total: rows.length })}
            testId="oversight-sites"
          >
            <ListTable
              prefix="oversight"
              columns={SITE_TABLE_COLUMNS}
              rows={visible}
              empty={t('oversight.empty')}
              renderRow={(row) => <SiteRow key={row.site.documentId} row={row} />}
            />
          </Panel>
          <RulesNote meta={data.meta} />
          <RecentAlerts />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
