import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ERRORS } from './messages';
import { siteScope } from './scope';
import { isSiteKeyed, type SiteKeyedUid } from './site-key';
import { adminUserOfRequest, documentIdOf } from '../utils/document-middleware';
import { forbidden } from '../utils/forbidden';
import { SITE } from '../uids';

const READS = new Set(['findMany', 'findFirst', 'count']);
const WRITES = new Set(['create', 'update', 'clone']);
/** Actions on an existing document: without a documentId they would reach every site. */
const ON_DOCUMENT = new Set(['update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

type Params = {
  data?: Record<string, unknown>;
  documentId?: string;
  filters?: Record<string, unknown>;
};

/** The site of every row (draft and published) of a document; an empty list if it has none. */
const sitesOfDocument = async (strapi: Core.Strapi, uid: SiteKeyedUid, documentId: string) => {
  const rows = await strapi.db
    .query(uid)
    .findMany({ where: { documentId }, populate: { site: { select: ['id'] } } });
  return rows.map((row: { site?: { id: number } | null }) => row.site?.id);
};

type Row = { id?: unknown } | null | undefined;

/**
 * The rows of a page of results whose site link is one of `siteIds`, by one query on the page's
 * ids: a site key gone wrong (changed by hand in the database) never shows another site's row,
 * until the next write puts the key right. A row read without its id is left as the key chose it.
 */
const confirmedByLink = async <T>(
  strapi: Core.Strapi,
  uid: SiteKeyedUid,
  siteIds: number[],
  result: T
): Promise<T> => {
  const rows = [result as Row | Row[]].flat();
  const ids = rows.map((row) => row?.id).filter((id): id is number => typeof id === 'number');
  if (ids.length === 0) return result;
  const linked = (await strapi.db.query(uid).findMany({
    where: { id: { $in: ids }, site: { id: { $in: siteIds } } },
    select: ['id'],
  })) as Array<{ id: number }>;
  const own = new Set(linked.map((row) => row.id));
  const shown = (row: Row) => typeof row?.id !== 'number' || own.has(row.id);
  if (Array.isArray(result)) return result.filter(shown) as T;
  return shown(result as Row) ? result : (null as T);
};

/**
 * Site isolation at the Document Service, beneath every admin route: whatever route an editor
 * takes (Content Manager, relation pickers, bulk actions, plugins), reads are filtered to their
 * sites and other sites' documents can be neither read nor written. RBAC's own-site condition
 * does the same in the Content Manager; this is the layer that cannot be forgotten. Requests
 * without an admin user (the public API, scripts, jobs) are not an editor's and pass.
 */
export const siteIsolation =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    // The content types that belong to one site: those with a site key.
    if (!isSiteKeyed(context.uid)) return next();
    const user = adminUserOfRequest(strapi);
    if (!user) return next();
    const scope = await siteScope(strapi, user);
    if (scope.all) return next();

    const uid = context.uid;
    const params = context.params as Params;
    const own = (siteId: number | undefined) =>
      siteId !== undefined && scope.siteIds.includes(siteId);
    const refuseUnlessOwn = async (documentId: string) => {
      const sites = await sitesOfDocument(strapi, uid, documentId);
      if (!sites.every(own)) throw forbidden(ERRORS.notYourSite);
    };

    if (context.action === 'findOne' && params.documentId) {
      // findOne ignores filters: judged by the rows' site links, so a single read never rests on
      // the site key alone (the own-site condition judges the key): "not found" for other sites.
      const sites = await sitesOfDocument(strapi, uid, params.documentId);
      return sites.every(own) ? next() : null;
    }
    if (READS.has(context.action) || context.action === 'findOne') {
      // By the site key (site-key.ts): the list's own index, no join through the link table.
      const onlyOwn = { siteKey: { $in: scope.siteIds } };
      params.filters = params.filters ? { $and: [params.filters, onlyOwn] } : onlyOwn;
      const result = await next();
      return context.action === 'count'
        ? result
        : confirmedByLink(strapi, uid, scope.siteIds, result);
    }

    if (ON_DOCUMENT.has(context.action)) {
      if (!params.documentId) throw forbidden(ERRORS.notYourSite);
      await refuseUnlessOwn(params.documentId);
    }
    if (!WRITES.has(context.action)) return next();

    if (context.action === 'create' && params.data && params.data.site === undefined) {
      // With exactly one site, it is the default; otherwise the editor must choose.
      if (scope.siteIds.length === 0) throw forbidden(ERRORS.noSite);
      if (scope.siteIds.length > 1) throw new errors.ValidationError(ERRORS.siteRequired);
      const site = await strapi.db
        .query(SITE)
        .findOne({ where: { id: scope.siteIds[0] }, select: ['documentId'] });
      params.data = { ...params.data, site: site.documentId };
    }

    // Judge the write by what Strapi stored, not by parsing the many shapes a relation input
    // can take: a document that ends up without a site, or in another site, rolls back.
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = documentIdOf(result, params);
      if (documentId) {
        const sites = await sitesOfDocument(strapi, uid, documentId);
        if (sites.some((site) => site === undefined))
          throw new errors.ValidationError(ERRORS.siteRequired);
        if (!sites.every(own)) throw forbidden(ERRORS.notYourSite);
      }
      return result;
    });
  };
