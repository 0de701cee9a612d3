import { factories } from '@strapi/strapi';
import { checkPublicListQuery } from '../public-query';

type Entry = { id: number; body?: unknown } & Record<string, unknown>;

/**
 * Each published article's media as the public sees them (media/article-media.ts): the cover
 * and every image with its text, the attachments with name, type, size and download URL, and
 * the body's images without the library's own details of the file.
 */
const withMedia = async (response: unknown) => {
  const data = (response as { data?: Entry | Entry[] | null } | null)?.data;
  const entries = Array.isArray(data) ? data : data ? [data] : [];
  const media = strapi.plugin('governance').service('articleMedia');
  const byId = await media.publicMediaOf(entries.map((entry) => entry.id));
  for (const entry of entries) {
    Object.assign(entry, byId.get(entry.id) ?? { cover: null, attachments: [], images: [] });
    if ('body' in entry) entry.body = media.publicBody(entry.body);
  }
  return response;
};

/**
 * The public API shows published articles only: `?status=draft` from an anonymous caller
 * must not reveal drafts awaiting review, so the status is fixed here, not taken from the query.
 */
export default factories.createCoreController('api::article.article', () => ({
  async find(ctx) {
    // Only what an index answers: any caller may ask (public-query.ts).
    checkPublicListQuery(ctx.query);
    ctx.query = { ...ctx.query, status: 'published' };
    return withMedia(await super.find(ctx));
  },
  async findOne(ctx) {
    ctx.query = { ...ctx.query, status: 'published' };
    return withMedia(await super.findOne(ctx));
  },
}));
