import { factories } from '@strapi/strapi';

// Published articles are public (see the public-access strategy); writing goes through the
// admin and its review workflow.
export default factories.createCoreRouter('api::article.article', {
  only: ['find', 'findOne'],
});
