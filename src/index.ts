import type { Core } from '@strapi/strapi';
import { proxyExposureWarning } from '../config/server';
import { applyContentManagerViews } from './content-manager-views';
import { removeStrapiDefaultTokens } from './default-api-tokens';

// The application's own lifecycle stays thin: the website group's rules live in the
// `governance` plugin (src/plugins/governance).
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const exposed = proxyExposureWarning(strapi.config.get<Core.Config.Server>('server'));
    if (exposed) strapi.log.warn(exposed);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // SQLite (the demo, small deployments): write-ahead logging flushes once per commit instead
    // of twice and lets reads run beside a write. The setting stays in the database file; a
    // commit is still flushed to disk before it returns (synchronous stays FULL).
    if (strapi.db.dialect.client === 'sqlite')
      await strapi.db.connection.raw('pragma journal_mode = WAL');
    // Here rather than in the plugin's bootstrap: the roles include the admin's own actions
    // (managing users), which Strapi registers only after every plugin has bootstrapped.
    await strapi.plugin('governance').service('sites').ensureRoles();
    await applyContentManagerViews(strapi);
    // After the admin's own start-up, which makes two API tokens on a fresh installation.
    await removeStrapiDefaultTokens(strapi);
  },
};
