import {
  Box,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useOverview, type LevelFigures } from '../../api/overview';
import { ColumnHeads } from '../../components/ColumnHeads';
import { StatCard } from '../../components/StatCard';
import { getTranslation } from '../../pluginId';

const LEVEL_COLUMNS = [
  'level',
  'sites',
  'articles',
  'specialTopics',
  'messages',
  'replies',
  'replyRate',
] as const;

export const OverviewPage = () => {
  const { formatMessage, formatNumber } = useIntl();
  const [year, setYear] = useState<number | undefined>(undefined);
  const { data, isLoading, isError } = useOverview(year);
  const t = (id: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage: id }, values);

  if (isLoading) return <Page.Loading />;
  if (isError || !data) return <Page.Error />;

  const rate = (part: number, whole: number) =>
    whole === 0 ? '–' : formatNumber(part / whole, { style: 'percent', maximumFractionDigits: 1 });
  const levelName = (level: LevelFigures['level']) => t(`level.${level}`);

  return (
    <Page.Main>
      <Page.Title>{t('overview.title')}</Page.Title>
      <Layouts.Header
        title={t('overview.title')}
        subtitle={t('overview.subtitle', {
          group: data.groupName,
          year: data.year,
          timezone: data.timezone,
        })}
        primaryAction={
          <Box minWidth="16rem">
            <SingleSelect
              aria-label={t('overview.year')}
              value={String(data.year)}
              onChange={(value: string | number) => setYear(Number(value))}
            >
              {data.years.map((y) => (
                <SingleSelectOption key={y} value={String(y)}>
                  {t('overview.yearOption', { year: y })}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Grid.Root gap={4}>
            <Grid.Item col={3} s={6} xs={12}>
              <StatCard label={t('overview.sites')} value={formatNumber(data.totals.sites)} />
            </Grid.Item>
            <Grid.Item col={3} s={6} xs={12}>
              <StatCard
                label={t('overview.articles', { year: data.year })}
                value={formatNumber(data.totals.articles)}
                hint={t('overview.specialTopicsHint', {
                  count: formatNumber(data.totals.specialTopics),
                })}
              />
            </Grid.Item>
            <Grid.Item col={3} s={6} xs={12}>
              <StatCard label={t('overview.messages')} value={formatNumber(data.totals.messages)} />
            </Grid.Item>
            <Grid.Item col={3} s={6} xs={12}>
              <StatCard
                label={t('overview.replies')}
                value={formatNumber(data.totals.replies)}
                hint={t('overview.replyRateHint', {
                  rate: rate(data.totals.replies, data.totals.messages),
                })}
              />
            </Grid.Item>
          </Grid.Root>

          <Box background="neutral0" hasRadius shadow="tableShadow">
            <Box padding={5} paddingBottom={3}>
              <Typography variant="delta" tag="h2">
                {t('overview.byLevel')}
              </Typography>
            </Box>
            <Table colCount={LEVEL_COLUMNS.length} rowCount={data.levels.length + 2}>
              <ColumnHeads prefix="overview.column" columns={LEVEL_COLUMNS} />
              <Tbody>
                {[...data.levels, { level: 'total' as const, ...data.totals }].map((row) => (
                  <Tr key={row.level}>
                    <Td>
                      <Typography fontWeight={row.level === 'total' ? 'bold' : undefined}>
                        {row.level === 'total' ? t('overview.total') : levelName(row.level)}
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
              </Tbody>
            </Table>
          </Box>
          <Typography variant="pi" textColor="neutral600">
            {t('overview.countingRule', { timezone: data.timezone })}
          </Typography>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
