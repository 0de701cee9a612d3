import { factories } from '@strapi/strapi';
import { checkPublicListQuery } from '../public-query';

/**
 * The public API shows published articles only: `?status=draft` from an anonymous caller
 * must not reveal drafts awaiting review, so the status is fixed here, not taken from the query.
 */
export default factories.createCoreController('api::article.article', () => ({
  async find(ctx) {
    // Only what an index answers: any caller may ask (public-query.ts).
    checkPublicListQuery(ctx.query);
    ctx.query = { ...ctx.query, status: 'published' };
    return super.find(ctx);
  },
  async findOne(ctx) {
    ctx.query = { ...ctx.query, status: 'published' };
    return super.findOne(ctx);
  },
}));
