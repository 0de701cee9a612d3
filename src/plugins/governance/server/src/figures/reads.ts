import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DateTime } from 'luxon';
import { dbNames } from '../utils/db-names';
import { ARTICLE, SITE } from '../uids';
import { messageTables, publicationTables } from './tables';

type Count = number | string | null;

/** A year's publications of one site, from the kept figures. */
export interface PublicationCounts {
  /** Counted in the ranking (not trivial, not a copy). */
  articles: number;
  /** Every published article. */
  rawArticles: number;
  specialTopics: number;
}

/** The months of a local year, as the month cells name them (their first day). */
const monthsOf = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-01` });

const countsOf = (row: { articles: Count; rawArticles: Count; specialTopics: Count }) => ({
  articles: Number(row.articles ?? 0),
  rawArticles: Number(row.rawArticles ?? 0),
  specialTopics: Number(row.specialTopics ?? 0),
});

/**
 * What the pages read of the kept publication figures (publications.ts). Each reads month,
 * column or day cells: their number depends on sites, columns and days, never on the archive.
 */
export const publicationReads = (strapi: Core.Strapi) => {
  const db = () => strapi.db.connection;
  const sums = (names: ReturnType<typeof publicationTables>['month'], alias: string) => ({
    articles: db().raw('sum(??.??)', [alias, names.column('articles')]),
    rawArticles: db().raw('sum(??.??)', [alias, names.column('rawArticles')]),
    specialTopics: db().raw('sum(??.??)', [alias, names.column('specialTopics')]),
  });

  return {
    /**
     * How many articles are published: of the group's whole public list, or of one site's list
     * (`siteId`). Those with a site and a first publication date come from the column cells (a
     * row per site and column, whatever the archive's size), the few the figures leave out (no
     * site, or no first publication date: imports by SQL) by index ranges of their own. As exact
     * as the figures are (the nightly check, `npm run stats:check`).
     */
    async publishedArticles(siteId?: number) {
      const { column } = publicationTables(strapi);
      const article = dbNames(strapi, ARTICLE);
      const siteKey = article.column('siteKey');
      const firstPublishedAt = article.column('firstPublishedAt');
      const total = (query: Knex.QueryBuilder) =>
        query.then((rows: Array<{ total: Count }>) => Number(rows[0]?.total ?? 0));
      const ofSite = (siteColumn: string) => (query: Knex.QueryBuilder) =>
        siteId === undefined ? query.whereNotNull(siteColumn) : query.where(siteColumn, siteId);
      const counts = await Promise.all([
        total(
          db()(column.table)
            .sum({ total: column.column('rawArticles') })
            .modify((query: Knex.QueryBuilder) => {
              if (siteId !== undefined) query.where(column.column('siteId'), siteId);
            })
        ),
        siteId === undefined
          ? total(
              db()(article.table)
                .count({ total: '*' })
                .whereNull(siteKey)
                .whereNotNull('published_at')
            )
          : 0,
        total(
          db()(article.table)
            .count({ total: '*' })
            .whereNull(firstPublishedAt)
            .whereNotNull('published_at')
            .modify(ofSite(siteKey))
        ),
      ]);
      return counts.reduce((sum, count) => sum + count, 0);
    },

    /** Per site id, the publications of the local year `year` and of the year before. */
    async yearsBySite(year: number) {
      const { month } = publicationTables(strapi);
      const m = (name: string) => `m.${month.column(name)}`;
      const rows = (await db()(`${month.table} as m`)
        .select({ siteId: m('siteId') })
        .select(
          db().raw('case when ?? >= ? then 1 else 0 end as ??', [
            m('month'),
            monthsOf(year).from,
            'inYear',
          ])
        )
        .select(sums(month, 'm'))
        .where(m('month'), '>=', monthsOf(year - 1).from)
        .where(m('month'), '<=', monthsOf(year).to)
        .groupByRaw('1, 2')) as Array<{
        siteId: number;
        inYear: Count;
        articles: Count;
        rawArticles: Count;
        specialTopics: Count;
      }>;
      const current = new Map<number, PublicationCounts>();
      const previous = new Map<number, PublicationCounts>();
      for (const row of rows)
        (Number(row.inYear) === 1 ? current : previous).set(Number(row.siteId), countsOf(row));
      return { current, previous };
    },

    /** One site's publications of the local year `year`, per column name ('' for none). */
    async yearByColumn(year: number, siteId: number) {
      const { month } = publicationTables(strapi);
      const columnName = month.column('columnName');
      const rows = (await db()(month.table)
        .select({ columnName })
        .select(sums(month, month.table))
        .where(month.column('siteId'), siteId)
        .where(month.column('month'), '>=', monthsOf(year).from)
        .where(month.column('month'), '<=', monthsOf(year).to)
        .groupBy(columnName)) as Array<{
        columnName: string;
        articles: Count;
        rawArticles: Count;
        specialTopics: Count;
      }>;
      return new Map(rows.map((row) => [row.columnName, countsOf(row)]));
    },

    /** Per site level, the publications of the local year `year` by the sites `siteIds` (all when absent). */
    async yearByLevel(year: number, siteIds?: number[]) {
      const { month } = publicationTables(strapi);
      const site = dbNames(strapi, SITE);
      const level = `s.${site.column('level')}`;
      const rows = (await db()(`${month.table} as m`)
        .join(`${site.table} as s`, 's.id', `m.${month.column('siteId')}`)
        .select({ level })
        .select(sums(month, 'm'))
        .where(`m.${month.column('month')}`, '>=', monthsOf(year).from)
        .where(`m.${month.column('month')}`, '<=', monthsOf(year).to)
        .modify((query: Knex.QueryBuilder) => {
          if (siteIds) query.whereIn('s.id', siteIds);
        })
        .groupBy(level)) as Array<{
        level: string;
        articles: Count;
        rawArticles: Count;
        specialTopics: Count;
      }>;
      return new Map(rows.map((row) => [row.level, countsOf(row)]));
    },

    /**
     * Per site and column: the latest counted publication, how many counted articles are
     * published, and how many of them were first published in [since, until) (local days:
     * whole months from the month cells, the days around them from the day cells; no `until`:
     * to this day). Of every site, or of the sites given.
     */
    async columns(since: Date, timezone: string, siteIds?: number[], until?: Date) {
      const { day, month, column } = publicationTables(strapi);
      const from = DateTime.fromJSDate(since, { zone: timezone }).startOf('day');
      const to = until ? DateTime.fromJSDate(until, { zone: timezone }).startOf('day') : null;
      const firstWhole = from.day === 1 ? from : from.startOf('month').plus({ months: 1 });
      const wholeEnd = to ? to.startOf('month') : null;
      const iso = (value: DateTime) => value.toISODate()!;
      const bySites = (siteColumn: string) => (query: Knex.QueryBuilder) => {
        if (siteIds) query.whereIn(siteColumn, siteIds);
      };
      const daysIn = (start: DateTime, end: DateTime | null) =>
        db()(day.table)
          .select({ siteId: day.column('siteId'), columnName: day.column('columnName') })
          .sum({ recent: day.column('articles') })
          .where(day.column('day'), '>=', iso(start))
          .modify((query: Knex.QueryBuilder) => {
            if (end) query.where(day.column('day'), '<', iso(end));
          })
          .modify(bySites(day.column('siteId')))
          .groupBy(day.column('siteId'), day.column('columnName'));
      // Whole months only when some lie inside the range; else its days alone.
      const monthsInside = wholeEnd === null || firstWhole < wholeEnd;
      const parts = monthsInside
        ? [
            daysIn(from, firstWhole),
            db()(month.table)
              .select({ siteId: month.column('siteId'), columnName: month.column('columnName') })
              .sum({ recent: month.column('articles') })
              .where(month.column('month'), '>=', iso(firstWhole))
              .modify((query: Knex.QueryBuilder) => {
                if (wholeEnd) query.where(month.column('month'), '<', iso(wholeEnd));
              })
              .modify(bySites(month.column('siteId')))
              .groupBy(month.column('siteId'), month.column('columnName')),
            ...(wholeEnd && to ? [daysIn(wholeEnd, to)] : []),
          ]
        : [daysIn(from, to)];
      const [totals, ...recentParts] = (await Promise.all([
        db()(column.table)
          .select({
            siteId: column.column('siteId'),
            columnName: column.column('columnName'),
            published: column.column('articles'),
            last: column.column('lastPublishedAt'),
          })
          // A column whose articles are all trivial or copies has published nothing counted.
          .where(column.column('articles'), '>', 0)
          .modify(bySites(column.column('siteId'))),
        ...parts,
      ])) as [
        Array<{
          siteId: number;
          columnName: string;
          published: Count;
          last: string | number | Date | null;
        }>,
        ...Array<Array<{ siteId: number; columnName: string; recent: Count }>>,
      ];
      const key = (row: { siteId: number; columnName: string }) =>
        `${row.siteId}\u0000${row.columnName}`;
      const recent = new Map<string, number>();
      for (const row of recentParts.flat())
        recent.set(key(row), (recent.get(key(row)) ?? 0) + Number(row.recent ?? 0));
      return totals.map((row) => ({
        siteId: Number(row.siteId),
        column: row.columnName === '' ? null : row.columnName,
        last: row.last,
        published: Number(row.published ?? 0),
        recent: recent.get(key(row)) ?? 0,
      }));
    },
  };
};

/** A year's messages of one site, from the kept figures. */
export interface MessageCounts {
  messages: number;
  /** Answered substantively (replies/validity.ts). */
  answered: number;
  /** With a reply of any quality. */
  replied: number;
}

/** What the pages read of the kept message figures (messages.ts): month cells. */
export const messageReads = (strapi: Core.Strapi) => {
  const db = () => strapi.db.connection;
  const sums = (alias: string) => {
    const { month } = messageTables(strapi);
    return {
      messages: db().raw('sum(??.??)', [alias, month.column('messages')]),
      answered: db().raw('sum(??.??)', [alias, month.column('answered')]),
      replied: db().raw('sum(??.??)', [alias, month.column('replied')]),
    };
  };
  const countsOfMessages = (row: { messages: Count; answered: Count; replied: Count }) => ({
    messages: Number(row.messages ?? 0),
    answered: Number(row.answered ?? 0),
    replied: Number(row.replied ?? 0),
  });
  return {
    /** Per site id, the messages received in the local year `year` and in the year before. */
    async yearsBySite(year: number) {
      const { month } = messageTables(strapi);
      const m = `m.${month.column('month')}`;
      const rows = (await db()(`${month.table} as m`)
        .select({ siteId: `m.${month.column('siteId')}` })
        .select(
          db().raw('case when ?? >= ? then 1 else 0 end as ??', [m, monthsOf(year).from, 'inYear'])
        )
        .select(sums('m'))
        .where(m, '>=', monthsOf(year - 1).from)
        .where(m, '<=', monthsOf(year).to)
        .groupByRaw('1, 2')) as Array<{
        siteId: number;
        inYear: Count;
        messages: Count;
        answered: Count;
        replied: Count;
      }>;
      const current = new Map<number, MessageCounts>();
      const previous = new Map<number, MessageCounts>();
      for (const row of rows)
        (Number(row.inYear) === 1 ? current : previous).set(
          Number(row.siteId),
          countsOfMessages(row)
        );
      return { current, previous };
    },

    /** Per site level, the messages received in the local year `year` by the sites `siteIds` (all when absent). */
    async yearByLevel(year: number, siteIds?: number[]) {
      const { month } = messageTables(strapi);
      const site = dbNames(strapi, SITE);
      const level = `s.${site.column('level')}`;
      const rows = (await db()(`${month.table} as m`)
        .join(`${site.table} as s`, 's.id', `m.${month.column('siteId')}`)
        .select({ level })
        .select(sums('m'))
        .where(`m.${month.column('month')}`, '>=', monthsOf(year).from)
        .where(`m.${month.column('month')}`, '<=', monthsOf(year).to)
        .modify((query: Knex.QueryBuilder) => {
          if (siteIds) query.whereIn('s.id', siteIds);
        })
        .groupBy(level)) as Array<{
        level: string;
        messages: Count;
        answered: Count;
        replied: Count;
      }>;
      return new Map(rows.map((row) => [row.level, countsOfMessages(row)]));
    },
  };
};
