import type { Core } from '@strapi/strapi';
import { localYearOf, localYearRange } from '../time/local-year';
import { dbNames } from '../utils/db-names';
import { ARTICLE } from '../uids';

/**
 * The years the figures can be asked for, newest first: from the first publication on record
 * to the latest one or the current year. `latest` is the latest year anything was published in
 * (a new year starts empty, so views open on it).
 */
export const publicationYears = async (strapi: Core.Strapi, timezone: string) => {
  const article = dbNames(strapi, ARTICLE);
  const firstPublished = article.column('firstPublishedAt');
  // The first and the last published row, each read at one end of the index on the first
  // publication: SQLite answers `min(…), max(…) … where` by reading the whole index (240 ms at a
  // million articles, bench/scale.js), PostgreSQL the same either way.
  const edge = async (direction: 'asc' | 'desc') =>
    (
      (await strapi.db
        .connection(article.table)
        .select({ at: firstPublished })
        .whereNotNull(firstPublished)
        .whereNotNull('published_at')
        .orderBy(firstPublished, direction)
        .limit(1)) as Array<{ at: unknown }>
    )[0]?.at;
  const span = { first: await edge('asc'), last: await edge('desc') };
  const currentYear = localYearOf(new Date(), timezone);
  // SQLite answers epoch milliseconds, PostgreSQL a Date.
  const yearOf = (value: unknown) =>
    value === null || value === undefined
      ? undefined
      : localYearOf(new Date(value as string | number | Date), timezone);
  const first = yearOf(span.first) ?? currentYear;
  const latest = yearOf(span.last) ?? currentYear;
  const newest = Math.max(currentYear, latest);
  return { years: Array.from({ length: newest - first + 1 }, (_, i) => newest - i), latest };
};

/**
 * The last complete year anything was published in, or null before the first such year: the
 * year a provincial office ranks. One query, whatever gaps the record has.
 */
export const lastCompleteYear = async (strapi: Core.Strapi, timezone: string) => {
  const article = dbNames(strapi, ARTICLE);
  const firstPublished = article.column('firstPublishedAt');
  const { start } = localYearRange(localYearOf(new Date(), timezone), timezone);
  const [row] = (await strapi.db
    .connection(article.table)
    .max({ last: firstPublished })
    .whereNotNull('published_at')
    .where(firstPublished, '<', start)) as Array<{ last: unknown }>;
  return row?.last === null || row?.last === undefined
    ? null
    : localYearOf(new Date(row.last as string | number | Date), timezone);
};
