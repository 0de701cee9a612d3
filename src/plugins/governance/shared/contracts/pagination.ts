/** Where a page of a list stands: the `meta.pagination` of the paged admin routes. */
export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}
