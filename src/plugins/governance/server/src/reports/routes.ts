import { ACTIONS, requires } from '../permissions';

/**
 * Reports in the admin (`/governance/reports/...`): each page's Excel export under the page's own
 * permission (and, in the service, its site scope), and the notices as Word documents under the
 * permission of the page that drafts them.
 */
export const adminRoutes = [
  {
    method: 'GET',
    path: '/reports/overview',
    handler: 'reports.overview',
    config: requires(ACTIONS.overviewRead),
  },
  {
    method: 'GET',
    path: '/reports/message-statistics',
    handler: 'reports.messageStatistics',
    config: requires(ACTIONS.messagesOversee),
  },
  {
    method: 'GET',
    path: '/reports/oversight',
    handler: 'reports.oversight',
    config: requires(ACTIONS.oversightRead),
  },
  {
    method: 'GET',
    path: '/reports/sites',
    handler: 'reports.sites',
    config: requires(ACTIONS.sitesManage),
  },
  {
    method: 'GET',
    path: '/reports/accounts',
    handler: 'reports.accounts',
    config: requires(ACTIONS.accountsManage),
  },
  {
    method: 'GET',
    path: '/reports/annual-notice',
    handler: 'reports.annualNotice',
    config: requires(ACTIONS.rankingsRead),
  },
  {
    method: 'GET',
    path: '/reports/inspection-notice',
    handler: 'reports.inspectionNotice',
    config: requires(ACTIONS.oversightManage),
  },
];
