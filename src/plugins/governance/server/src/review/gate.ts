import type { Core, Modules } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { ARTICLE, type Actor } from './service';

type Params = { documentId?: string; status?: string };

/** Writes that change the draft, whose reviewed content may no longer be what was approved. */
const DRAFT_WRITES = new Set(['create', 'update', 'discardDraft']);

const documentIdOf = (result: unknown, params: Params) =>
  result && typeof result === 'object' && 'documentId' in result ? String(result.documentId) : params.documentId;

/** The admin user behind the current request, if any: the actor of what the gate records. */
const actorOfRequest = (strapi: Core.Strapi): Actor | null =>
  ((strapi.requestContext.get()?.state as { user?: Actor } | undefined)?.user as Actor | undefined) ?? null;

/**
 * The publish gate (先审后发): one Document Service middleware beneath every path that can put
 * an article online — Content Manager publish and bulk publish, create or update with
 * `status: 'published'` (which Strapi publishes internally, out of the middlewares' sight),
 * `strapi.documents().publish()`, releases. After the action, inside its transaction, what is
 * published must be exactly what the whole review chain approved, or everything rolls back.
 * Draft writes go through the review service too, which voids approvals the edit invalidates.
 */
export const reviewGate = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    const params = context.params as Params;
    const publishes = context.action === 'publish' || (['create', 'update'].includes(context.action) && params.status === 'published');
    const review = getService(strapi, 'review');

    if (context.action === 'delete') {
      const result = await next();
      if (params.documentId) await review.afterDelete(params.documentId);
      return result;
    }
    if (!publishes && !DRAFT_WRITES.has(context.action)) return next();

    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = documentIdOf(result, params);
      if (!documentId) return result;
      const actor = actorOfRequest(strapi);
      if (DRAFT_WRITES.has(context.action)) await review.afterDraftChange(documentId, actor);
      if (publishes) await review.assertPublishable(documentId, actor);
      return result;
    });
  };
