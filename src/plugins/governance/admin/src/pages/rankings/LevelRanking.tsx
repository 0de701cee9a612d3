import { Badge, Box, Flex, Td, TextButton, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';
import type { RankingGroup, RankingRow } from '../../api/rankings';
import { HeadedTable } from '../../components/DataTable';
import { Panel } from '../../components/Panel';
import { ToneBadge } from '../../components/ToneBadge';
import { useT } from '../../hooks/useT';
import { ExcludedDialog } from './ExcludedDialog';
import { useRankingFormat } from './format';
import { LevelChart } from './LevelChart';

const COLUMNS = [
  'rank',
  'site',
  'articles',
  'articlesChange',
  'rankChange',
  'specialTopics',
  'messages',
  'replies',
  'visits',
  'submitted',
  'adopted',
  'adoptionRate',
] as const;

/** The same widths in every level's table keep the figures in line. */
const COLUMN_WIDTHS = { site: '26%', rank: '6%' };

/**
 * The place against the year before: ↑2, ↓1, — (unchanged), 新 (not listed then). A dash
 * throughout when the year before has no publication to rank by.
 */
const RankChange = ({ row, comparable }: { row: RankingRow; comparable: boolean }) => {
  const t = useT();
  if (!comparable) return <Typography textColor="neutral500">–</Typography>;
  if (!row.previous) return <Badge>{t('rankings.rankChange.new')}</Badge>;
  const up = row.previous.rank - row.rank;
  if (up === 0) {
    return (
      <Typography
        textColor="neutral600"
        title={t('rankings.rankChange.sameTitle', { rank: row.previous.rank })}
      >
        —
      </Typography>
    );
  }
  return (
    <Typography
      textColor={up > 0 ? 'success600' : 'danger600'}
      fontWeight="semiBold"
      title={t('rankings.rankChange.title', { rank: row.previous.rank })}
    >
      {up > 0 ? `↑${up}` : `↓${-up}`}
    </Typography>
  );
};

const SiteCell = ({ row }: { row: RankingRow }) => {
  const t = useT();
  return (
    <Flex gap={2} wrap="wrap">
      <Typography fontWeight="semiBold" textColor={row.site.active ? undefined : 'neutral600'}>
        {row.site.name}
      </Typography>
      {row.site.level === 'county' && row.site.parentName ? (
        <Typography variant="pi" textColor="neutral600">
          {row.site.parentName}
        </Typography>
      ) : null}
      {row.site.active ? null : <ToneBadge tone="neutral">{t('rankings.closed')}</ToneBadge>}
    </Flex>
  );
};

/** The visits counted; below them, when days were flagged, the raw visits and how many days. */
const VisitsCell = ({ row }: { row: RankingRow }) => {
  const t = useT();
  const format = useRankingFormat();
  if (!row.flaggedVisitDays) return <Typography>{format.count(row.visits)}</Typography>;
  return (
    <Flex
      direction="column"
      alignItems="flex-start"
      title={t('rankings.visits.flaggedTitle')}
      data-testid={`ranking-visits-flagged-${row.site.code}`}
    >
      <Typography>{format.count(row.visits)}</Typography>
      <Typography variant="pi" textColor="danger600">
        {t('rankings.visits.raw', { raw: format.count(row.rawVisits ?? row.visits) })}
      </Typography>
      <Typography variant="pi" textColor="danger600">
        {t('rankings.visits.flaggedDays', { days: row.flaggedVisitDays })}
      </Typography>
    </Flex>
  );
};

/**
 * The counted figure the rank is by; beneath it, when some published articles are not counted
 * (trivial or copies), the raw figure and a link to the list of those left out.
 */
const ArticlesCell = ({ row, year, idle }: { row: RankingRow; year: number; idle: boolean }) => {
  const t = useT();
  const format = useRankingFormat();
  const [open, setOpen] = useState(false);
  // Snapshots frozen before the raw figure existed have none.
  const excluded = (row.rawArticles ?? row.articles) - row.articles;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography fontWeight="semiBold" textColor={idle ? 'danger600' : undefined}>
        {format.count(row.articles)}
      </Typography>
      {excluded > 0 ? (
        <TextButton
          onClick={() => setOpen(true)}
          data-testid={`excluded-${row.site.code}`}
          title={t('rankings.excluded.open')}
        >
          <Typography variant="pi" textColor="warning700">
            {t('rankings.excluded.link', {
              raw: format.count(row.rawArticles),
              excluded: format.count(excluded),
            })}
          </Typography>
        </TextButton>
      ) : null}
      {open ? <ExcludedDialog row={row} year={year} onClose={() => setOpen(false)} /> : null}
    </Flex>
  );
};

const RankingTableRow = ({
  row,
  comparable,
  year,
}: {
  row: RankingRow;
  comparable: boolean;
  year: number;
}) => {
  const format = useRankingFormat();
  const idle = row.articles === 0;
  const articlesChange = comparable && row.previous ? row.articles - row.previous.articles : null;
  return (
    <Tr data-testid={`ranking-row-${row.site.code}`}>
      <Td>
        <Typography fontWeight="bold">{row.rank}</Typography>
      </Td>
      <Td>
        <SiteCell row={row} />
      </Td>
      <Td>
        <ArticlesCell row={row} year={year} idle={idle} />
      </Td>
      <Td>
        <Typography
          textColor={
            articlesChange === null || articlesChange === 0
              ? 'neutral600'
              : articlesChange > 0
                ? 'success600'
                : 'danger600'
          }
        >
          {articlesChange === null ? '–' : format.delta(articlesChange)}
        </Typography>
      </Td>
      <Td>
        <RankChange row={row} comparable={comparable} />
      </Td>
      <Td>
        <Typography>{format.count(row.specialTopics)}</Typography>
      </Td>
      <Td>
        <Typography>{format.count(row.messages)}</Typography>
      </Td>
      <Td>
        <Typography>{format.count(row.replies)}</Typography>
      </Td>
      <Td>
        <VisitsCell row={row} />
      </Td>
      <Td>
        <Typography>{format.count(row.submitted ?? 0)}</Typography>
      </Td>
      <Td>
        <Typography>{format.count(row.adopted ?? 0)}</Typography>
      </Td>
      <Td>
        <Typography textColor={row.submitted ? undefined : 'neutral500'}>
          {row.submitted ? format.percent(row.adopted / row.submitted) : '–'}
        </Typography>
      </Td>
    </Tr>
  );
};

/** One level's ranking: its sites in rank order with the year before, and a bar chart of their articles. */
export const LevelRanking = ({ group, year }: { group: RankingGroup; year: number }) => {
  const t = useT();
  const format = useRankingFormat();
  const levelName = t(`level.${group.level}`);
  // The first year on record has nothing to compare with: every site would look new.
  const comparable = group.previousTotals.articles > 0;
  const idle = group.rows.filter((row) => row.articles === 0).length;
  const against = comparable
    ? t('rankings.level.against', {
        year: year - 1,
        articles: format.count(group.previousTotals.articles),
        change: format.delta(group.totals.articles - group.previousTotals.articles),
      })
    : t('rankings.summary.noComparison', { year: year - 1 });

  return (
    <Panel
      title={t('rankings.level.title', {
        level: levelName,
        sites: group.totals.sites,
        articles: format.count(group.totals.articles),
      })}
      hint={against + (idle > 0 ? t('rankings.level.idle', { count: idle }) : '')}
      testId={`ranking-level-${group.level}`}
    >
      {group.rows.length > 1 ? (
        <Box paddingLeft={5} paddingRight={5} paddingBottom={4}>
          <LevelChart group={group} />
        </Box>
      ) : null}
      <HeadedTable
        prefix="rankings.column"
        columns={COLUMNS}
        values={{ year: year - 1 }}
        widths={COLUMN_WIDTHS}
        rows={group.rows.length}
      >
        {group.rows.map((row) => (
          <RankingTableRow
            key={row.site.documentId}
            row={row}
            comparable={comparable}
            year={year}
          />
        ))}
      </HeadedTable>
    </Panel>
  );
};
