import { factories } from '@strapi/strapi';

// The list of the group's sites is public: read-only, open to anonymous callers through the
// governance plugin's public-access strategy (src/plugins/governance/server/src/public-access).
export default factories.createCoreRouter('api::site.site', {
  only: ['find', 'findOne'],
});
