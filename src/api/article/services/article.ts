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
 * The public list of one site's articles (`filters[site][code][$eq]=xian`) reads the site key
 * through its index instead of joining the link table for every row of the archive: the same
 * rows, order and total (the governance plugin's sites/site-key.ts). The group's whole list
 * takes its total from the kept figures instead of counting the archive. The query arrives here
 * validated and sanitised by the core controller.
 */
export default factories.createCoreService('api::article.article', ({ strapi }) => ({
  async find(params: FindParams = {}) {
    const { filters } = params;
    if (filters !== undefined) {
      const bySiteKey = await strapi
        .plugin('governance')
        .service('siteKeys')
        .publicFilters(filters);
      return super.find({ ...params, filters: bySiteKey });
    }
    if (!counted(params)) return super.find(params);
    const page = (await super.find({
      ...params,
      pagination: { ...params.pagination, withCount: false },
    })) as { results: unknown[]; pagination: Pagination };
    const total: number = await strapi
      .plugin('governance')
      .service('publicationFigures')
      .publishedArticles();
    const transform =
      page.pagination.page === undefined
        ? paging.transformOffsetPaginationInfo
        : paging.transformPagedPaginationInfo;
    return { ...page, pagination: transform(page.pagination, total) };
  },
}));
