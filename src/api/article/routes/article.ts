import { factories } from '@strapi/strapi';

// Published articles are public; writing goes through the admin and its review workflow.
export default factories.createCoreRouter('api::article.article', {
  only: ['find', 'findOne'],
  config: {
    find: { auth: false },
    findOne: { auth: false },
  },
});
