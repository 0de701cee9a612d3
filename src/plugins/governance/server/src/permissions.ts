/**
 * The plugin's RBAC actions, declared once. Routes check them with `admin::hasPermissions`,
 * admin pages with `useRBAC`; each concern adds its own actions here.
 */
export const ACTIONS = {
  overviewRead: 'plugin::governance.overview.read',
  sitesManage: 'plugin::governance.sites.manage',
} as const;

export const actionDefinitions = [
  {
    section: 'plugins',
    displayName: '查看站群概览 (Read the website group overview)',
    uid: 'overview.read',
    pluginName: 'governance',
  },
  {
    section: 'plugins',
    displayName: '管理站点与人员 (Manage sites and their members)',
    uid: 'sites.manage',
    pluginName: 'governance',
  },
];

/** Route config requiring the given actions of the admin user. */
export const requires = (...actions: string[]) => ({
  policies: [{ name: 'admin::hasPermissions', config: { actions } }],
});
