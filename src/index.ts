import type { Core } from '@strapi/strapi';
import { applyContentManagerViews } from './content-manager-views';

// The application's own lifecycle stays thin: the website group's rules live in the
// `governance` plugin (src/plugins/governance).
export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Here rather than in the plugin's bootstrap: the roles include the admin's own actions
    // (managing users), which Strapi registers only after every plugin has bootstrapped.
    await strapi.plugin('governance').service('sites').ensureRoles();
    await applyContentManagerViews(strapi);
  },
};
