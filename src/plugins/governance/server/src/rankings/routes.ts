import { ACTIONS, requires } from '../permissions';

const read = requires(ACTIONS.rankingsRead);
const manage = requires(ACTIONS.rankingsManage);

/** 发布排名 in the admin (`/governance/rankings/...`): the panel and its exports for provincial admins. */
export const adminRoutes = [
  { method: 'GET', path: '/rankings', handler: 'rankings.panel', config: read },
  { method: 'GET', path: '/rankings/export', handler: 'rankings.export', config: read },
  { method: 'GET', path: '/rankings/notice', handler: 'rankings.notice', config: read },
  // The articles a year's ranking does not count (trivial or copies), per site.
  { method: 'GET', path: '/rankings/excluded', handler: 'rankings.excluded', config: read },
  // Versions are added, read and listed; no route edits or removes one.
  { method: 'POST', path: '/rankings/snapshots', handler: 'rankings.freeze', config: manage },
  {
    method: 'GET',
    path: '/rankings/snapshots',
    handler: 'rankings.snapshotVersions',
    config: read,
  },
  {
    method: 'GET',
    path: '/rankings/snapshots/:version',
    handler: 'rankings.snapshotVersion',
    config: read,
  },
  { method: 'PUT', path: '/rankings/settings', handler: 'rankings.settings', config: manage },
  // A site member's own places; the service answers nothing unless the province allows it.
  {
    method: 'GET',
    path: '/rankings/own',
    handler: 'rankings.own',
    config: requires(ACTIONS.rankingsOwn),
  },
];

/** The visit beacon the sites' pages call: public, light, counted in memory (see visits.ts). */
export const publicRoutes = [
  { method: 'POST', path: '/visits', handler: 'rankings.visit', config: { prefix: '' } },
];
