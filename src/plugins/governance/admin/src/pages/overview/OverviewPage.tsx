import { Flex, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import { REPORT_URLS } from '../../api/reports';
import { ExportButton } from '../../components/ExportButton';
import { useIntl } from 'react-intl';
import { useOverview, type Overview } from '../../api/overview';
import { HeadedTable } from '../../components/DataTable';
import { Panel } from '../../components/Panel';
import { StatCards } from '../../components/StatCard';
import { YearSelect } from '../../components/YearSelect';
import { useLocalTime } from '../../hooks/useLocalTime';
import { useT } from '../../hooks/useT';

const LEVEL_COLUMNS = [
  'level',
  'sites',
  'articles',
  'specialTopics',
  'messages',
  'replies',
  'replyRate',
] as const;

/** Replies as a share of messages: 66.7%; a dash without messages. */
const useRate = () => {
  const { formatNumber } = useIntl();
  return (part: number, whole: number) =>
    whole === 0 ? '–' : formatNumber(part / whole, { style: 'percent', maximumFractionDigits: 1 });
};

/** 分级统计: each level's figures, then the group's. */
const LevelTable = ({ overview }: { overview: Overview }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const rate = useRate();
  return (
    <Panel title={t('overview.byLevel')}>
      <HeadedTable
        prefix="overview.column"
        columns={LEVEL_COLUMNS}
        rows={overview.levels.length + 1}
      >
        {[...overview.levels, { level: 'total' as const, ...overview.totals }].map((row) => (
          <Tr key={row.level}>
            <Td>
              <Typography fontWeight={row.level === 'total' ? 'bold' : undefined}>
                {row.level === 'total' ? t('overview.total') : t(`level.${row.level}`)}
              </Typography>
            </Td>
            <Td>
              <Typography>{formatNumber(row.sites)}</Typography>
            </Td>
            <Td>
              <Typography>{formatNumber(row.articles)}</Typography>
            </Td>
            <Td>
              <Typography>{formatNumber(row.specialTopics)}</Typography>
            </Td>
            <Td>
              <Typography>{formatNumber(row.messages)}</Typography>
            </Td>
            <Td>
              <Typography>{formatNumber(row.replies)}</Typography>
            </Td>
            <Td>
              <Typography>{rate(row.replies, row.messages)}</Typography>
            </Td>
          </Tr>
        ))}
      </HeadedTable>
    </Panel>
  );
};

/** 站群概览: the group's sites, articles, messages and replies of a year, by level. */
export const OverviewPage = () => {
  const t = useT();
  const { formatNumber } = useIntl();
  const rate = useRate();
  const [year, setYear] = useState<number | undefined>(undefined);
  const { data, isLoading, isError } = useOverview(year);
  const { zoneName } = useLocalTime();

  if (isLoading) return <Page.Loading />;
  if (isError || !data) return <Page.Error />;

  return (
    <Page.Main>
      <Page.Title>{t('overview.title')}</Page.Title>
      <Layouts.Header
        title={t('overview.title')}
        subtitle={t('overview.subtitle', {
          group: data.groupName,
          year: data.year,
          timezone: zoneName,
        })}
        primaryAction={
          <Flex gap={2}>
            <ExportButton
              url={REPORT_URLS.overview}
              params={`year=${data.year}`}
              fileName={t('overview.exportName', { year: data.year })}
            >
              {t('common.exportXlsx')}
            </ExportButton>
            <YearSelect years={data.years} value={data.year} onChange={setYear} minWidth="16rem" />
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <StatCards
            stats={[
              { label: t('overview.sites'), value: formatNumber(data.totals.sites) },
              {
                label: t('overview.articles', { year: data.year }),
                value: formatNumber(data.totals.articles),
                hint: t('overview.specialTopicsHint', {
                  count: formatNumber(data.totals.specialTopics),
                }),
              },
              { label: t('overview.messages'), value: formatNumber(data.totals.messages) },
              {
                label: t('overview.replies'),
                value: formatNumber(data.totals.replies),
                hint: t('overview.replyRateHint', {
                  rate: rate(data.totals.replies, data.totals.messages),
                }),
              },
            ]}
          />
          <LevelTable overview={data} />
          <Typography variant="pi" textColor="neutral600">
            {t('overview.countingRule')}
          </Typography>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
