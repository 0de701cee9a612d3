import { factories } from '@strapi/strapi';

// The list of the group's sites is public information: read-only, no token needed.
export default factories.createCoreRouter('api::site.site', {
  only: ['find', 'findOne'],
  config: {
    find: { auth: false },
    findOne: { auth: false },
  },
});
