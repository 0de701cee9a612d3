import { Box, EmptyStateLayout, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useOwnPlaces, type OwnPlaceResponse } from '../../api/rankings';
import { RaisedBox } from '../../components/Panel';
import { useT } from '../../hooks/useT';
import { useRankingFormat } from './format';
import { useRankingYear } from './useRankingYear';
import { YearSelect } from '../../components/YearSelect';

type Place = OwnPlaceResponse['places'][number];

/** One of the member's sites: its place in its level, its articles, and the year before. */
const PlaceCard = ({ place, year }: { place: Place; year: number }) => {
  const t = useT();
  const format = useRankingFormat();
  const { row, levelSites, lowestRank } = place;
  const up = row.previous ? row.previous.rank - row.rank : 0;
  return (
    <RaisedBox padding={6} width="100%" height="100%" data-testid={`own-place-${row.site.code}`}>
      <Flex direction="column" alignItems="flex-start" gap={3}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="sigma" textColor="neutral600">
            {t(`level.${row.site.level}`)}
          </Typography>
          <Typography variant="beta" tag="h2">
            {row.site.name}
          </Typography>
        </Flex>
        <Flex gap={2} alignItems="baseline">
          <Typography variant="alpha" tag="p" textColor="primary600">
            {t('rankings.own.rank', { rank: row.rank })}
          </Typography>
          <Typography textColor="neutral700">
            {t('rankings.own.ofLowest', { lowest: lowestRank })}
          </Typography>
        </Flex>
        <Typography variant="pi" textColor="neutral600">
          {t(levelSites === lowestRank ? 'rankings.own.level' : 'rankings.own.levelTies', {
            level: t(`level.${row.site.level}`),
            sites: levelSites,
          })}
        </Typography>
        <Typography>
          {t('rankings.own.articles', { year, count: format.count(row.articles) })}
        </Typography>
        <Typography textColor="neutral700">
          {row.previous
            ? t('rankings.own.previous', {
                year: year - 1,
                rank: row.previous.rank,
                count: format.count(row.previous.articles),
              })
            : t('rankings.own.noPrevious', { year: year - 1 })}
          {row.previous && up !== 0 ? (
            <Typography textColor={up > 0 ? 'success600' : 'danger600'} fontWeight="semiBold">
              {' '}
              {up > 0 ? `↑${up}` : `↓${-up}`}
            </Typography>
          ) : null}
        </Typography>
      </Flex>
    </RaisedBox>
  );
};

/** 发布排名 for site members: their own sites' places, once the province has opened them. */
export const OwnPlacesPage = () => {
  const t = useT();
  const { year, setYear } = useRankingYear();
  const { data, isLoading, isError } = useOwnPlaces(year);

  if (isLoading) return <Page.Loading />;
  if (isError || !data) return <Page.Error />;

  return (
    <Page.Main>
      <Page.Title>{t('rankings.own.title')}</Page.Title>
      <Layouts.Header
        title={t('rankings.own.title')}
        subtitle={t('rankings.own.subtitle', { year: data.year })}
        primaryAction={
          <YearSelect years={data.years} value={data.year} onChange={(next) => setYear(next)} />
        }
      />
      <Layouts.Content>
        {!data.allowed ? (
          <Box data-testid="own-places-closed">
            <EmptyStateLayout content={t('rankings.own.closed')} />
          </Box>
        ) : data.places.length === 0 ? (
          <EmptyStateLayout content={t('rankings.own.none', { year: data.year })} />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Grid.Root gap={4}>
              {data.places.map((place) => (
                <Grid.Item key={place.row.site.documentId} col={4} s={6} xs={12}>
                  <PlaceCard place={place} year={data.year} />
                </Grid.Item>
              ))}
            </Grid.Root>
            <Typography variant="pi" textColor="neutral600">
              {t('rankings.own.hint')}
            </Typography>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
