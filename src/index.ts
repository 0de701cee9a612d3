import type { Core } from '@strapi/strapi';
import { proxyExposureWarning } from '../config/server';
import { applyContentManagerViews } from './content-manager-views';
import { removeStrapiDefaultTokens } from './default-api-tokens';
import { startWriteAheadLog, stopWriteAheadLog } from './sqlite/write-ahead-log';

// The application's own lifecycle stays thin: the website group's rules live in the
// `governance` plugin (src/plugins/governance).
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const exposed = proxyExposureWarning(strapi.config.get<Core.Config.Server>('server'));
    if (exposed) strapi.log.warn(exposed);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await startWriteAheadLog(strapi);
    // Here rather than in the plugin's bootstrap: the roles include the admin's own actions
    // (managing users), which Strapi registers only after every plugin has bootstrapped.
    await strapi.plugin('governance').service('sites').ensureRoles();
    await applyContentManagerViews(strapi);
    // After the admin's own start-up, which makes two API tokens on a fresh installation.
    await removeStrapiDefaultTokens(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await stopWriteAheadLog(strapi);
  },
};
