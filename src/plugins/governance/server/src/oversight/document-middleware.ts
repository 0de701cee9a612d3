import type { Core, Modules } from '@strapi/strapi';
import { requestActor } from '../audit/request-actor';
import { documentIdOf } from '../utils/document-middleware';
import { getService } from '../utils/get-service';
import { ARTICLE } from '../uids';

/**
 * Publishing the article that carries an inspection notice opens the rectification tasks of the
 * sites it names. Registered inside the review gate: a publication the gate refuses never gets here.
 */
export const noticePublication =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const result = await next();
    const publishes =
      context.action === 'publish' ||
      (['create', 'update'].includes(context.action) &&
        (context.params as { status?: string }).status === 'published');
    if (context.uid === ARTICLE && publishes) {
      const documentId = documentIdOf(result, context.params as { documentId?: string });
      if (documentId)
        await getService(strapi, 'inspectionNotices').onArticlePublished(
          documentId,
          requestActor(strapi)
        );
    }
    return result;
  };
