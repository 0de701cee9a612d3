import { Flex, LinkButton, Typography } from '@strapi/design-system';
import { File } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { useRanking } from '../../api/rankings';
import { YearSelect } from '../../components/YearSelect';
import { useT } from '../../hooks/useT';
import { useLocalTime } from '../../hooks/useLocalTime';
import { useRankingFormat } from './format';
import { LevelRanking } from './LevelRanking';
import { RankingExports } from './RankingExports';
import { RankingSummary } from './RankingSummary';
import { SnapshotPanel } from './SnapshotPanel';
import { useRankingYear } from './useRankingYear';
import { VisitAnomaliesPanel } from './VisitAnomaliesPanel';

/**
 * 发布排名 for the province: the year's live ranking of every site by level, with the year
 * before, the exports, the snapshot the annual notice quotes, and the setting on site members'
 * places.
 */
export const RankingPanel = ({ canManage }: { canManage: boolean }) => {
  const t = useT();
  const format = useRankingFormat();
  const { year: asked, setYear } = useRankingYear();
  const { data, isLoading, isError } = useRanking(asked);
  const { zoneName: timezone } = useLocalTime();

  if (isLoading) return <Page.Loading />;
  if (isError || !data) return <Page.Error />;
  const { live } = data;
  const { year } = live;

  return (
    <Page.Main>
      <Page.Title>{t('rankings.title')}</Page.Title>
      <Layouts.Header
        title={t('rankings.title')}
        subtitle={t('rankings.subtitle', {
          group: live.groupName,
          year: live.year,
          timezone,
          at: format.dateTime(live.computedAt),
        })}
        primaryAction={
          <YearSelect years={data.years} value={year} onChange={(next) => setYear(next)} />
        }
      />
      <Layouts.Action
        startActions={
          <Flex gap={2} wrap="wrap">
            <RankingExports year={year} source="live" variant="secondary" />
            <Typography variant="pi" textColor="neutral600">
              {t('rankings.export.liveHint')}
            </Typography>
          </Flex>
        }
        endActions={
          <LinkButton
            tag={Link}
            to={`/plugins/governance/rankings/notice?year=${year}`}
            variant="tertiary"
            startIcon={<File />}
          >
            {t('notice.open')}
          </LinkButton>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <SnapshotPanel response={data} canManage={canManage} />
          <RankingSummary ranking={live} />
          {live.groups.map((group) => (
            <LevelRanking key={group.level} group={group} year={live.year} />
          ))}
          <VisitAnomaliesPanel ranking={live} />
          <Typography variant="pi" textColor="neutral600">
            {t('rankings.countingRule')}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {t('rankings.countingRule.excluded')}
          </Typography>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
