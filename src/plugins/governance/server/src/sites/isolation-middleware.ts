import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ERRORS } from './messages';
import { siteScope } from './scope';
import { siteRefOf, type SiteRef } from './site-input';

/** The content types that belong to one site. */
export const SITE_SCOPED = ['api::article.article', 'api::citizen-message.citizen-message'] as const;
type ScopedUid = (typeof SITE_SCOPED)[number];

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const BY_DOCUMENT = new Set(['update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

type Params = { data?: Record<string, unknown>; documentId?: string; filters?: Record<string, unknown> };

/** The admin user behind the current request, if it is an admin panel request at all. */
const adminUserOfRequest = (strapi: Core.Strapi) => {
  const ctx = strapi.requestContext.get();
  const state = ctx?.state as { auth?: { strategy?: { name?: string } }; user?: { id: number; roles?: Array<{ code: string }> } } | undefined;
  return state?.auth?.strategy?.name === 'admin' ? state.user : undefined;
};

const siteIdOf = async (strapi: Core.Strapi, ref: SiteRef): Promise<number | undefined> => {
  const site = await strapi.db.query('api::site.site').findOne({ where: ref, select: ['id'] });
  return site?.id;
};

const siteOfDocument = async (strapi: Core.Strapi, uid: ScopedUid, documentId: string) => {
  const rows = await strapi.db.query(uid).findMany({ where: { documentId }, populate: { site: { select: ['id'] } } });
  return rows.map((row: { site?: { id: number } | null }) => row.site?.id);
};

/**
 * Site isolation at the Document Service, beneath every admin route: whatever route an editor
 * takes (Content Manager, relation pickers, bulk actions, releases, history, plugins), reads
 * are filtered to their sites and writes to other sites' documents are refused. RBAC's own-site
 * condition does the same in the Content Manager; this is the layer that cannot be forgotten.
 * Requests without an admin user (the public API, scripts, jobs) are not an editor's and pass.
 */
export const siteIsolation = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!(SITE_SCOPED as readonly string[]).includes(context.uid)) return next();
    const user = adminUserOfRequest(strapi);
    if (!user) return next();
    const scope = await siteScope(strapi, user);
    if (scope.all) return next();

    const uid = context.uid as ScopedUid;
    const params = context.params as Params;
    const own = (siteId: number | undefined) => siteId !== undefined && scope.siteIds.includes(siteId);

    if (context.action === 'findOne' && params.documentId) {
      // findOne ignores filters, and the Content Manager skips relational conditions on single
      // reads ("entity don't have relations populated"): answer "not found" for other sites.
      const sites = await siteOfDocument(strapi, uid, params.documentId);
      if (sites.length > 0 && !sites.every(own)) return null;
      return next();
    }

    if (READS.has(context.action)) {
      const onlyOwn = { site: { id: { $in: scope.siteIds } } };
      params.filters = params.filters ? { $and: [params.filters, onlyOwn] } : onlyOwn;
      return next();
    }

    if (params.documentId && BY_DOCUMENT.has(context.action)) {
      const sites = await siteOfDocument(strapi, uid, params.documentId);
      if (sites.length > 0 && !sites.every(own)) throw new errors.ForbiddenError(ERRORS.notYourSite);
    }

    if (['create', 'update', 'clone'].includes(context.action)) {
      const data = params.data ?? {};
      const ref = siteRefOf(data.site);
      if (ref === null) throw new errors.ValidationError(ERRORS.siteRequired);
      if (ref !== undefined) {
        if (!own(await siteIdOf(strapi, ref))) throw new errors.ForbiddenError(ERRORS.notYourSite);
      } else if (context.action === 'create') {
        // With exactly one site, it is the default; otherwise the editor must choose.
        if (scope.siteIds.length === 0) throw new errors.ForbiddenError(ERRORS.noSite);
        if (scope.siteIds.length > 1) throw new errors.ValidationError(ERRORS.siteRequired);
        const site = await strapi.db.query('api::site.site').findOne({ where: { id: scope.siteIds[0] }, select: ['documentId'] });
        params.data = { ...data, site: site.documentId };
      }
    }
    return next();
  };
