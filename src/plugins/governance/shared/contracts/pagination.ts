/** Where a page of a list stands: the `meta.pagination` of the paged admin routes. */
export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

/** A page asked of a list that may be narrowed to one site (by its code or document id). */
export interface SitePageRequest {
  site?: string;
  page?: number;
  pageSize?: number;
}
