import type { Core, UID } from '@strapi/strapi';
import type { Pagination } from '../../../shared/contracts/pagination';

type FindParams = NonNullable<Parameters<ReturnType<Core.Strapi['db']['query']>['findMany']>[0]>;

export const paginationOf = (page: number, pageSize: number, total: number): Pagination => ({
  page,
  pageSize,
  total,
  pageCount: Math.ceil(total / pageSize),
});

/**
 * One page of a content type's rows (`params` without offset and limit) and where that page
 * stands; the rows and their count are read together.
 */
export const findPage = async <Row>(
  strapi: Core.Strapi,
  uid: UID.Schema,
  params: Omit<FindParams, 'offset' | 'limit'>,
  { page, pageSize }: { page: number; pageSize: number }
): Promise<{ rows: Row[]; pagination: Pagination }> => {
  const query = strapi.db.query(uid);
  const [rows, total] = await Promise.all([
    query.findMany({ ...params, offset: (page - 1) * pageSize, limit: pageSize }),
    query.count({ where: params.where }),
  ]);
  return { rows: rows as Row[], pagination: paginationOf(page, pageSize, total) };
};
