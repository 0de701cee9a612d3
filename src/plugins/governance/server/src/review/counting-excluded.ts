import type { Core } from '@strapi/strapi';
import type { ExcludedArticle } from '../../../shared/contracts/review';
import { ARTICLE } from './store';

/** Excluded articles listed per site and year (the panel's dialog and the export). */
export const EXCLUDED_LIMIT = 1000;

/**
 * The articles of a site (or of every site) first published in [start, end) and online, that
 * do not count: for 发布排名's list and its export. One query, bounded.
 */
export const excludedArticles = async (
  strapi: Core.Strapi,
  start: Date,
  end: Date,
  siteDocumentId?: string,
  limit = EXCLUDED_LIMIT
): Promise<ExcludedArticle[]> => {
  const query = () => strapi.db.query(ARTICLE);
  const rows = (await query().findMany({
    where: {
      publishedAt: { $notNull: true },
      countExclusion: { $notNull: true },
      firstPublishedAt: { $gte: start, $lt: end },
      ...(siteDocumentId ? { site: { documentId: siteDocumentId } } : {}),
    },
    select: [
      'documentId',
      'title',
      'firstPublishedAt',
      'countExclusion',
      'duplicateOf',
      'duplicateDistance',
    ],
    populate: { site: { select: ['documentId', 'name', 'code'] } },
    orderBy: [{ firstPublishedAt: 'asc' }, { documentId: 'asc' }],
    limit,
  })) as Array<{
    documentId: string;
    title: string;
    firstPublishedAt: string;
    countExclusion: 'trivial' | 'duplicate';
    duplicateOf: string | null;
    duplicateDistance: number | null;
    site: { documentId: string; name: string; code: string } | null;
  }>;
  const originalIds = [...new Set(rows.map((row) => row.duplicateOf).filter(Boolean))];
  const originals = new Map(
    (
      (await query().findMany({
        where: { documentId: { $in: originalIds }, publishedAt: { $notNull: true } },
        select: ['documentId', 'title'],
        populate: { site: { select: ['name'] } },
      })) as Array<{ documentId: string; title: string; site: { name: string } | null }>
    ).map((row) => [row.documentId, row])
  );
  return rows.map((row) => {
    const original = row.duplicateOf ? originals.get(row.duplicateOf) : undefined;
    return {
      documentId: row.documentId,
      title: row.title,
      site: row.site ? { documentId: row.site.documentId, name: row.site.name } : null,
      firstPublishedAt: new Date(row.firstPublishedAt).toISOString(),
      reason: row.countExclusion,
      duplicateOf: row.duplicateOf
        ? {
            documentId: row.duplicateOf,
            title: original?.title ?? null,
            siteName: original?.site?.name ?? null,
            distance: row.duplicateDistance ?? null,
          }
        : null,
    };
  });
};
