import { Flex, Link, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Fragment, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { styled } from 'styled-components';
import { REPORT_URLS } from '../../api/reports';
import { ExportButton } from '../../components/ExportButton';
import { useIntl } from 'react-intl';
import {
  FIRST_STATISTICS_YEAR,
  useMessageStatistics,
  type MessageFigures,
  type MessageStatistics,
} from '../../api/messages';
import { HeadedTable } from '../../components/DataTable';
import { Panel } from '../../components/Panel';
import { StatCards } from '../../components/StatCard';
import { YearSelect } from '../../components/YearSelect';
import { useT } from '../../hooks/useT';
import { useLocalTime } from '../../hooks/useLocalTime';
import { WrapTd } from '../../components/WrapTd';
import { SpotCheckPanel } from './SpotCheckPanel';

const COLUMNS = [
  'site',
  'received',
  'invalid',
  'invalidRate',
  'replied',
  'flagged',
  'repliedOnTime',
  'open',
  'overdue',
  'replyRate',
  'onTimeRate',
  'averageWorkingDays',
  'satisfaction',
  'spotCheck',
  'holdings',
] as const;

/** The same width for the site names in every level's table keeps the figures in line. */
const COLUMN_WIDTHS = { site: '20%' };

/** Counts as numbers, rates as percentages and days with one decimal; '–' where there is nothing to divide. */
const useFormat = () => {
  const { formatNumber } = useIntl();
  const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  return {
    count: (n: number) => formatNumber(n),
    rate: (r: number | null) =>
      r === null ? '–' : formatNumber(r, { style: 'percent', ...oneDecimal }),
    days: (d: number | null) => (d === null ? '–' : formatNumber(d, oneDecimal)),
  };
};

/** 满意 / 基本满意 / 不满意: the three grades, adding up to the ratings given. */
const useSatisfaction = () => {
  const format = useFormat();
  return (f: MessageFigures) =>
    [f.satisfied, f.neutral, f.unsatisfied].map((n) => format.count(n)).join(' / ');
};

/** 满意 1,378 · 基本满意 446 · 不满意 418: a line that breaks between grades, never inside one. */
const Nowrap = styled.span`
  white-space: nowrap;
`;
const Grades = ({ grades }: { grades: string[] }) =>
  grades.map((grade, i) => (
    <Fragment key={grade}>
      {i > 0 && ' · '}
      <Nowrap>{grade}</Nowrap>
    </Fragment>
  ));

const Totals = ({ totals }: { totals: MessageFigures }) => {
  const t = useT();
  const format = useFormat();
  const stats = [
    {
      label: t('statistics.received'),
      value: format.count(totals.received),
      // Every refusal, confirmed or waiting for the province (the 不予受理 card tells them apart).
      hint: t('statistics.invalidHint', {
        count: format.count(totals.invalid + totals.invalidPending),
      }),
    },
    {
      label: t('statistics.replied'),
      value: format.count(totals.replied),
      hint: t('statistics.onTimeHint', { count: format.count(totals.repliedOnTime) }),
    },
    {
      label: t('statistics.replyRate'),
      value: format.rate(totals.replyRate),
      hint: t('statistics.replyRateHint'),
    },
    {
      label: t('statistics.onTimeRate'),
      value: format.rate(totals.onTimeRate),
      hint: t('statistics.onTimeRateHint'),
    },
    {
      // The citizen's view: a message the receiving site answered in its own time may still
      // have come after the deadline the citizen was told.
      label: t('statistics.firstDeadlineOnTimeRate'),
      value: format.rate(totals.firstDeadlineOnTimeRate),
      hint: t('statistics.firstDeadlineOnTimeRateHint', {
        count: format.count(totals.repliedByFirstDeadline),
      }),
    },
    { label: t('statistics.averageWorkingDays'), value: format.days(totals.averageWorkingDays) },
    {
      label: t('statistics.open'),
      value: format.count(totals.open),
      hint: t('statistics.overdueHint', { count: format.count(totals.overdue) }),
    },
    {
      label: t('statistics.satisfaction', { count: format.count(totals.rated) }),
      // 满意率 of the ratings given, the three grades under it adding up to them.
      value: format.rate(totals.satisfactionRate),
      hint: (
        <Grades
          grades={[
            t('statistics.grade.satisfied', { count: format.count(totals.satisfied) }),
            t('statistics.grade.neutral', { count: format.count(totals.neutral) }),
            t('statistics.grade.unsatisfied', { count: format.count(totals.unsatisfied) }),
          ]}
        />
      ),
    },
    {
      label: t('statistics.spotChecked'),
      value: format.count(totals.spotChecked),
      hint: t('statistics.substandardHint', { count: format.count(totals.substandard) }),
    },
    {
      // 不予受理: confirmed by the province, and waiting for it (listed on the desk's tab).
      label: t('statistics.invalid'),
      value: format.count(totals.invalid + totals.invalidPending),
      hint: (
        <>
          {t('statistics.invalidRateHint', { rate: format.rate(totals.invalidRate) })}
          {' · '}
          <Link tag={RouterLink} to="/plugins/governance/messages?tab=invalidPending">
            {t('statistics.invalidPendingHint', { count: format.count(totals.invalidPending) })}
          </Link>
        </>
      ),
    },
    {
      label: t('statistics.flagged'),
      value: format.count(totals.flagged),
      hint: t('statistics.flaggedHint'),
    },
  ];
  return <StatCards stats={stats} testId="statistics-totals" />;
};

/** A site's or a level's figures in the order of COLUMNS; overdue and substandard stand out. */
const FiguresRow = ({
  label,
  figures,
  total = false,
}: {
  label: string;
  figures: MessageFigures;
  total?: boolean;
}) => {
  const format = useFormat();
  const satisfaction = useSatisfaction();
  const weight = total ? 'bold' : undefined;
  const Label = total ? Td : WrapTd;
  const cell = (value: string, alarm = false) => (
    <Td>
      <Typography fontWeight={weight} textColor={alarm ? 'danger600' : undefined}>
        {value}
      </Typography>
    </Td>
  );
  return (
    <Tr>
      {/* A long site name (省军队离休退休干部休养所) wraps rather than push the last columns out of view. */}
      <Label>
        <Typography fontWeight={weight}>{label}</Typography>
      </Label>
      {cell(format.count(figures.received))}
      {/* 已确认 / 待省厅确认: a refusal waiting for the province still counts as unanswered. */}
      {cell(
        `${format.count(figures.invalid)} / ${format.count(figures.invalidPending)}`,
        figures.invalidPending > 0
      )}
      {cell(format.rate(figures.invalidRate))}
      {cell(format.count(figures.replied))}
      {cell(format.count(figures.flagged), figures.flagged > 0)}
      {cell(format.count(figures.repliedOnTime))}
      {cell(format.count(figures.open))}
      {cell(format.count(figures.overdue), figures.overdue > 0)}
      {cell(format.rate(figures.replyRate))}
      {cell(format.rate(figures.onTimeRate))}
      {cell(format.days(figures.averageWorkingDays))}
      {cell(satisfaction(figures))}
      {cell(
        `${format.count(figures.spotChecked)} / ${format.count(figures.substandard)}`,
        figures.substandard > 0
      )}
      {/* 转出 / 退回 (returns received, flagged) / 超期持有 (held past the holding's deadline). */}
      {cell(
        `${format.count(figures.transfersOut)} / ${format.count(figures.returnsReceived)} / ${format.count(figures.overdueHoldings)}`,
        figures.returnsReceived > 0 || figures.overdueHoldings > 0
      )}
    </Tr>
  );
};

const LevelTable = ({ level }: { level: MessageStatistics['levels'][number] }) => {
  const t = useT();
  const levelName = t(`level.${level.level}`);
  return (
    <Panel
      title={t('statistics.levelTitle', { level: levelName, sites: level.sites.length })}
      testId={`statistics-level-${level.level}`}
    >
      <HeadedTable
        prefix="statistics.column"
        columns={COLUMNS}
        widths={COLUMN_WIDTHS}
        rows={level.sites.length + 1}
      >
        {level.sites.map(({ site, figures }) => (
          <FiguresRow key={site.code} label={site.name} figures={figures} />
        ))}
        <FiguresRow
          label={t('statistics.levelTotal', { level: levelName })}
          figures={level.totals}
          total
        />
      </HeadedTable>
    </Panel>
  );
};

/** 留言统计: a year's handling of citizen messages across the group, by level and site, and its spot checks. */
export const MessageStatisticsPage = () => {
  const t = useT();
  const { zoneName: timezone, today } = useLocalTime();
  // The group's year, not the browser's (on New Year's Eve they differ for hours).
  const currentYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(currentYear);
  const { data, isLoading, isError } = useMessageStatistics(year);
  const years = Array.from(
    { length: currentYear - FIRST_STATISTICS_YEAR + 1 },
    (_, i) => currentYear - i
  );

  if (isLoading) return <Page.Loading />;
  if (isError || !data) return <Page.Error />;

  return (
    <Page.Main>
      <Page.Title>{t('statistics.title')}</Page.Title>
      <Layouts.Header
        title={t('statistics.title')}
        subtitle={t('statistics.subtitle', { year: data.year, timezone })}
        primaryAction={
          <Flex gap={2}>
            <ExportButton
              url={REPORT_URLS.messageStatistics}
              params={`year=${data.year}`}
              fileName={t('statistics.exportName', { year: data.year })}
            >
              {t('common.exportXlsx')}
            </ExportButton>
            <YearSelect years={years} value={year} onChange={setYear} minWidth="16rem" />
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Totals totals={data.totals} />
          {/* Keyed by year: a sample belongs to the year it was drawn from. */}
          <SpotCheckPanel key={data.year} year={data.year} />
          {data.levels.map((level) => (
            <LevelTable key={level.level} level={level} />
          ))}
          <Typography variant="pi" textColor="neutral600">
            {t('statistics.countingRule')}
          </Typography>
          <Typography variant="pi" textColor="neutral600" data-testid="statistics-holdings-rule">
            {t('statistics.holdingsRule')}
          </Typography>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
