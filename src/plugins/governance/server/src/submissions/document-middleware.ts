import type { Core, Modules } from '@strapi/strapi';
import { requestActor } from '../audit/request-actor';
import { documentIdOf } from '../utils/document-middleware';
import { followArticles } from './follow';
import { ARTICLE } from '../uids';

/** The writes that can change whether an article is online. */
const ONLINE_WRITES = new Set(['publish', 'unpublish', 'delete']);

/**
 * 报送 and 采用 follow their articles on every path that publishes, unpublishes or deletes one:
 * Content Manager (single and bulk), REST, the Document Service, releases all come through here.
 * In the write's transaction: the submission's flags and events change with the article or not at all.
 */
export const followSubmittedArticles =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    const params = context.params as { documentId?: string; status?: string };
    const changes =
      ONLINE_WRITES.has(context.action) ||
      (['create', 'update'].includes(context.action) && params.status === 'published');
    if (!changes) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = documentIdOf(result, params);
      if (documentId) await followArticles(strapi).follow(documentId, requestActor(strapi));
      return result;
    });
  };
