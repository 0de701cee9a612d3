import type { Core, Modules } from '@strapi/strapi';
import { documentIdOf } from '../utils/document-middleware';
import { getService } from '../utils/get-service';
import { sanitizeBody } from './body';

const ARTICLE = 'api::article.article';

type Params = { data?: Record<string, unknown>; documentId?: string; status?: string };

/**
 * Drops server-set fields (a forged publication date is a veto item in national inspections;
 * the review state is the review service's) and makes the body safe.
 */
const cleanInput = (data: Record<string, unknown>) => {
  const { firstPublishedAt: _date, reviewStatus: _review, ...rest } = data;
  return 'body' in rest ? { ...rest, body: sanitizeBody(rest.body) } : rest;
};

/**
 * Stamps `firstPublishedAt` on every row (draft and published) of a document that has a
 * published version and no stamp yet. Stamping the draft too is what keeps the date on a
 * republish: Strapi's publish() recreates the published row from the draft.
 */
const stampFirstPublication = async (strapi: Core.Strapi, documentId: string) => {
  const query = strapi.db.query(ARTICLE);
  const published = await query.findOne({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['publishedAt'],
    orderBy: { publishedAt: 'asc' },
  });
  if (!published) return null;

  const existing = await query.findOne({
    where: { documentId, firstPublishedAt: { $notNull: true } },
    select: ['firstPublishedAt'],
  });
  if (existing) return existing.firstPublishedAt as Date;

  // The publication just made; for a document published before this rule existed, its
  // publication date rather than today, which would move it into another year.
  const stamp = new Date(published.publishedAt);
  await query.updateMany({ where: { documentId }, data: { firstPublishedAt: stamp } });
  return stamp;
};

/** Puts the stamp into what the Document Service returns, so callers see the stored value. */
const withStamp = (result: unknown, stamp: Date | null) => {
  if (!stamp || !result || typeof result !== 'object') return;
  const entries = 'entries' in result && Array.isArray(result.entries) ? result.entries : [result];
  for (const entry of entries) {
    if (entry && typeof entry === 'object' && !entry.firstPublishedAt) entry.firstPublishedAt = stamp;
  }
};

/**
 * One Document Service middleware for the article rules every write path must obey:
 * server-set dates, safe bodies, and the first publication date set once.
 * Strapi's create/update with `status: 'published'` call publish internally without passing
 * through middlewares again, so the stamp is applied after any action that can publish.
 */
/** Publications and withdrawals go on the audit trail, with the article's title. */
const auditPublication = async (strapi: Core.Strapi, action: 'article.publish' | 'article.unpublish', params: Params, result: unknown) => {
  const documentId = documentIdOf(result, params);
  if (!documentId) return;
  const article = await strapi.db.query(ARTICLE).findOne({ where: { documentId }, select: ['title'] });
  await getService(strapi, 'audit').record(action, {
    subject: `article ${documentId}`,
    summary: `${action === 'article.publish' ? '发布' : '撤销发布'}《${article?.title ?? documentId}》`,
  });
};

export const articleRules = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE) return next();

    const params = context.params as Params;
    if (['create', 'update', 'clone'].includes(context.action) && params.data) {
      params.data = cleanInput(params.data);
    }
    if (context.action === 'clone') {
      // A copy is a new article: it counts from its own first publication and needs its own review.
      params.data = { ...params.data, firstPublishedAt: null, reviewStatus: 'draft' };
    }

    if (context.action === 'unpublish') {
      const result = await next();
      await auditPublication(strapi, 'article.unpublish', params, result);
      return result;
    }
    if (!['create', 'update', 'publish'].includes(context.action)) return next();

    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = documentIdOf(result, params);
      if (documentId) withStamp(result, await stampFirstPublication(strapi, documentId));
      if (documentId && (context.action === 'publish' || (params as { status?: string }).status === 'published')) {
        await auditPublication(strapi, 'article.publish', params, result);
      }
      return result;
    });
  };
