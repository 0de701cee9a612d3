import { ACTIONS, requires } from '../permissions';
import { ARTICLE } from '../uids';

const read = requires(ACTIONS.oversightRead);
const manage = requires(ACTIONS.oversightManage);
const own = requires(ACTIONS.oversightOwn);
/** The province with `oversight.read`, or a site member with `oversight.own` for their sites: the controller decides. */
const readOrOwn = { policies: ['admin::isAuthenticatedAdmin'] };

/** Whoever may read articles (in the Content Manager) may read their sites' columns to file them. */
const articleReaders = {
  policies: [
    {
      name: 'admin::hasPermissions',
      config: { actions: [['plugin::content-manager.explorer.read', ARTICLE]] },
    },
  ],
};

/** 站群监测 in the admin (`/governance/oversight/...`), and the columns it judges (`/governance/columns`). */
export const adminRoutes = [
  { method: 'GET', path: '/columns', handler: 'oversight.columns', config: articleReaders },
  // 栏目管理: the province (sites.manage) manages every site's columns; a leader proposes for theirs.
  {
    method: 'GET',
    path: '/column-management',
    handler: 'oversight.columnSites',
    config: readOrOwn,
  },
  {
    method: 'GET',
    path: '/column-management/sites/:documentId',
    handler: 'oversight.siteColumns',
    config: readOrOwn,
  },
  {
    method: 'POST',
    path: '/column-management/sites/:documentId/changes',
    handler: 'oversight.changeColumns',
    config: readOrOwn,
  },
  {
    method: 'POST',
    path: '/column-management/changes/:id/decision',
    handler: 'oversight.decideColumnChange',
    config: requires(ACTIONS.sitesManage),
  },
  { method: 'GET', path: '/oversight', handler: 'oversight.list', config: read },
  { method: 'GET', path: '/oversight/own', handler: 'oversight.own', config: own },
  {
    method: 'GET',
    path: '/oversight/sites/:documentId',
    handler: 'oversight.site',
    config: readOrOwn,
  },
  {
    method: 'POST',
    path: '/oversight/sites/:documentId/urge',
    handler: 'oversight.urge',
    config: manage,
  },
  { method: 'GET', path: '/oversight/alerts', handler: 'oversight.alerts', config: read },
  {
    method: 'GET',
    path: '/oversight/notices/draft',
    handler: 'oversight.noticeDraft',
    config: manage,
  },
  { method: 'GET', path: '/oversight/notices', handler: 'oversight.notices', config: manage },
  { method: 'POST', path: '/oversight/notices', handler: 'oversight.createNotice', config: manage },
  {
    method: 'GET',
    path: '/oversight/rectifications',
    handler: 'oversight.rectifications',
    config: readOrOwn,
  },
  {
    method: 'POST',
    path: '/oversight/rectifications/:id/evidence',
    handler: 'oversight.submitEvidence',
    config: own,
  },
  {
    method: 'POST',
    path: '/oversight/rectifications/:id/review',
    handler: 'oversight.reviewTask',
    config: manage,
  },
];
