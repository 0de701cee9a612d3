import { Page, useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../../permissions';
import { OwnPlacesPage } from './OwnPlacesPage';
import { RankingPanel } from './RankingPanel';

/**
 * 发布排名: the whole ranking for those who may read it (the province); for site members who
 * hold only rankings.own, their own sites' places.
 */
export const RankingsPage = () => {
  const read = useRBAC(PERMISSIONS.rankingsRead);
  const manage = useRBAC(PERMISSIONS.rankingsManage);
  if (read.isLoading || manage.isLoading) return <Page.Loading />;
  if (read.allowedActions.canRead)
    return <RankingPanel canManage={manage.allowedActions.canManage} />;
  return <OwnPlacesPage />;
};
