import { ACTION_KEYS, ACTIONS, PLUGIN_ACTIONS, PLUGIN_NAME } from '../../shared/permissions';

/**
 * The plugin's RBAC actions come from one table shared with the admin (shared/permissions.ts).
 * Routes check them with `admin::hasPermissions`, admin pages with `useRBAC`.
 */
export { ACTIONS };

/** What bootstrap registers with Strapi's action provider, one entry per action of the table. */
export const actionDefinitions = ACTION_KEYS.map((key) => ({
  section: 'plugins',
  displayName: PLUGIN_ACTIONS[key].displayName,
  uid: PLUGIN_ACTIONS[key].uid,
  pluginName: PLUGIN_NAME,
}));

/** Route config requiring the given actions of the admin user. */
export const requires = (...actions: string[]) => ({
  policies: [{ name: 'admin::hasPermissions', config: { actions } }],
});
