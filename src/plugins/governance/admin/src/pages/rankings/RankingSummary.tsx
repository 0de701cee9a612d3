import { Flex, Grid, Td, Tr, Typography } from '@strapi/design-system';
import type { Ranking, RankingTotals } from '../../api/rankings';
import { HeadedTable } from '../../components/DataTable';
import { Panel, RaisedBox } from '../../components/Panel';
import { StatCard } from '../../components/StatCard';
import { useT } from '../../hooks/useT';
import { useRankingFormat } from './format';

const COLUMNS = [
  'level',
  'sites',
  'articles',
  'change',
  'specialTopics',
  'messages',
  'replies',
  'visits',
  'daily',
] as const;

/** "+1,026（+13.1%）", or a dash when the year before has nothing to compare with. */
const useChange = () => {
  const format = useRankingFormat();
  return (now: number, before: number) => {
    const growth = format.growth(now, before);
    return growth === null ? '–' : `${format.delta(now - before)}（${growth}）`;
  };
};

const TotalsRow = ({
  label,
  totals,
  previous,
  days,
  bold = false,
}: {
  label: string;
  totals: RankingTotals;
  previous: RankingTotals;
  days: number;
  bold?: boolean;
}) => {
  const format = useRankingFormat();
  const change = useChange();
  const weight = bold ? 'bold' : undefined;
  const cells = [
    format.count(totals.sites),
    format.count(totals.articles),
    change(totals.articles, previous.articles),
    format.count(totals.specialTopics),
    format.count(totals.messages),
    format.count(totals.replies),
    format.count(totals.visits),
    format.daily(totals.visits, days),
  ];
  return (
    <Tr>
      <Td>
        <Typography fontWeight={weight}>{label}</Typography>
      </Td>
      {cells.map((value, i) => (
        <Td key={COLUMNS[i + 1]}>
          <Typography fontWeight={weight}>{value}</Typography>
        </Td>
      ))}
    </Tr>
  );
};

/** 访问量较高的市、县网站: the most visited sites of the year. */
const TopVisited = ({ sites }: { sites: Ranking['topVisited'] }) => {
  const t = useT();
  const format = useRankingFormat();
  return (
    <RaisedBox padding={5} width="100%" height="100%" data-testid="ranking-top-visited">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">
          {t('rankings.topVisited.title')}
        </Typography>
        {sites.length === 0 ? (
          <Typography textColor="neutral600">{t('rankings.topVisited.none')}</Typography>
        ) : (
          sites.map(({ site, visits }, i) => (
            <Flex key={site.documentId} justifyContent="space-between" gap={2}>
              <Typography>
                {i + 1}. {site.name}
                {site.parentName ? (
                  <Typography textColor="neutral600" variant="pi">
                    （{site.parentName}）
                  </Typography>
                ) : null}
              </Typography>
              <Typography textColor="neutral700">{format.count(visits)}</Typography>
            </Flex>
          ))
        )}
        <Typography variant="pi" textColor="neutral600">
          {t('rankings.topVisited.hint')}
        </Typography>
      </Flex>
    </RaisedBox>
  );
};

/** Each level's totals against the year before, and the group's. */
const LevelTotals = ({ ranking }: { ranking: Ranking }) => {
  const t = useT();
  const { totals, previousTotals, year, days } = ranking;
  return (
    <Panel
      title={t('rankings.summary.byLevel', { year: year - 1 })}
      testId="ranking-levels-summary"
    >
      <HeadedTable
        prefix="rankings.summary.column"
        columns={COLUMNS}
        rows={ranking.groups.length + 1}
      >
        {ranking.groups.map((group) => (
          <TotalsRow
            key={group.level}
            label={t(`level.${group.level}`)}
            totals={group.totals}
            previous={group.previousTotals}
            days={days}
          />
        ))}
        <TotalsRow
          label={t('overview.total')}
          totals={totals}
          previous={previousTotals}
          days={days}
          bold
        />
      </HeadedTable>
    </Panel>
  );
};

/** The headline figures of the year, each level's totals against the year before, and the most visited sites. */
export const RankingSummary = ({ ranking }: { ranking: Ranking }) => {
  const t = useT();
  const format = useRankingFormat();
  const change = useChange();
  const { totals, previousTotals, year, days } = ranking;
  const previousYear = year - 1;
  const articlesChange = change(totals.articles, previousTotals.articles);

  const cards = [
    {
      label: t('rankings.summary.articles', { year }),
      value: format.count(totals.articles),
      hint:
        previousTotals.articles > 0
          ? t('rankings.summary.againstYear', { year: previousYear, change: articlesChange })
          : t('rankings.summary.noComparison', { year: previousYear }),
    },
    {
      label: t('rankings.summary.specialTopics'),
      value: format.count(totals.specialTopics),
      hint: t('rankings.summary.previousCount', {
        year: previousYear,
        count: format.count(previousTotals.specialTopics),
      }),
    },
    {
      label: t('rankings.summary.messages'),
      value: format.count(totals.messages),
      hint: t('rankings.summary.repliesHint', { count: format.count(totals.replies) }),
    },
    {
      label: t('rankings.summary.visits'),
      value: format.count(totals.visits),
      hint: t('rankings.summary.dailyHint', { daily: format.daily(totals.visits, days), days }),
    },
  ];

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="ranking-summary">
      <Grid.Root gap={4}>
        <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
          <Grid.Root gap={4} width="100%">
            {cards.map((card) => (
              <Grid.Item key={card.label} col={6} xs={12} direction="column" alignItems="stretch">
                <StatCard {...card} />
              </Grid.Item>
            ))}
          </Grid.Root>
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <TopVisited sites={ranking.topVisited} />
        </Grid.Item>
      </Grid.Root>
      <LevelTotals ranking={ranking} />
    </Flex>
  );
};
