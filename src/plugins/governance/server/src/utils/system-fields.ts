/** The attributes Strapi keeps on every document itself: no editor writes them. */
export const STRAPI_SYSTEM_FIELDS = [
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
] as const;
