import type { Core, Modules } from '@strapi/strapi';
import { adminUserOfRequest, documentIdOf } from '../utils/document-middleware';
import { getService } from '../utils/get-service';
import { ARTICLE } from './store';

type Params = { documentId?: string; status?: string };

/** Writes that change the draft, whose reviewed content may no longer be what was approved. */
const DRAFT_WRITES = new Set(['create', 'update', 'discardDraft']);

/**
 * The publish gate (先审后发): one Document Service middleware beneath every path that can put
 * an article online — Content Manager publish and bulk publish, create or update with
 * `status: 'published'` (which Strapi publishes internally, out of the middlewares' sight),
 * `strapi.documents().publish()`, releases. After the action, inside its transaction, what is
 * published must be exactly what the whole review chain approved, or everything rolls back.
 * Draft writes go through the review service too, which voids approvals the edit invalidates.
 */
export const reviewGate =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    const params = context.params as Params;
    const publishes =
      context.action === 'publish' ||
      (['create', 'update'].includes(context.action) && params.status === 'published');
    const review = getService(strapi, 'review');
    if (!publishes && !DRAFT_WRITES.has(context.action) && context.action !== 'delete')
      return next();

    // A publication refused before any row moves: the check after it is the one that counts,
    // but a caller that swallows the error inside its own transaction must find nothing done.
    if (context.action === 'publish' && params.documentId)
      await review.assertDraftApproved(params.documentId);

    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = documentIdOf(result, params);
      if (!documentId) return result;
      const actor = adminUserOfRequest(strapi) ?? null;
      if (context.action === 'delete') await review.afterDelete(documentId);
      if (DRAFT_WRITES.has(context.action)) {
        await review.afterDraftChange(documentId, actor, {
          discarded: context.action === 'discardDraft',
        });
      }
      if (publishes) await review.assertPublishable(documentId, actor);
      return result;
    });
  };
