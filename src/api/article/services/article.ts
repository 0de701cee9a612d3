import { factories } from '@strapi/strapi';
import { pagination as paging } from '@strapi/utils';

type Pagination = { page?: number; pageSize?: number; start?: number; limit?: number };
type FindParams = { filters?: unknown; pagination?: Pagination & { withCount?: unknown } };

/** Strapi's `withCount`: counted unless it says no (core-api/service/pagination). */
const counted = ({ pagination }: FindParams) =>
  pagination === undefined ||
  !('withCount' in pagination) ||
  [true, 'true', 't', '1', 1].includes(pagination.withCount as never);

/**
 * The site whose whole list the filters ask for (`{ siteKey: { $eq: id } }`, as the site key
 * service makes a site filter), undefined for the group's whole list, null for anything narrower.
 */
const listedSite = (filters: unknown): number | undefined | null => {
  if (filters === undefined) return undefined;
  if (!filters || typeof filters !== 'object') return null;
  const entries = Object.entries(filters);
  if (entries.length === 0) return undefined;
  const [[field, value]] = entries;
  const id = (value as { $eq?: unknown } | null)?.$eq;
  return entries.length === 1 && field === 'siteKey' && typeof id === 'number' ? id : null;
};

/**
 * The public list of one site's articles (`filters[site][code][$eq]=xian`) reads the site key
 * through its index instead of joining the link table for every row of the archive: the same
 * rows, order and total (the governance plugin's sites/site-key.ts). The group's whole list and
 * one site's whole list take their totals from the kept figures instead of counting the archive.
 * The query arrives here validated and sanitised by the core controller.
 */
export default factories.createCoreService('api::article.article', ({ strapi }) => ({
  async find(params: FindParams = {}) {
    const filters =
      params.filters === undefined
        ? undefined
        : await strapi.plugin('governance').service('siteKeys').publicFilters(params.filters);
    const query = filters === undefined ? params : { ...params, filters };
    const siteId = listedSite(filters);
    if (siteId === null || !counted(params)) return super.find(query);
    const page = (await super.find({
      ...query,
      pagination: { ...params.pagination, withCount: false },
    })) as { results: unknown[]; pagination: Pagination };
    const total: number = await strapi
      .plugin('governance')
      .service('publicationFigures')
      .publishedArticles(siteId);
    const transform =
      page.pagination.page === undefined
        ? paging.transformOffsetPaginationInfo
        : paging.transformPagedPaginationInfo;
    return { ...page, pagination: transform(page.pagination, total) };
  },
}));
