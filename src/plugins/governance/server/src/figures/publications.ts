import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { GovernanceConfig } from '../config';
import { dayOf, localDayAndMonth } from '../time/local-day';
import { dbNames } from '../utils/db-names';
import { getService } from '../utils/get-service';
import { ARTICLE } from '../uids';
import { publicationTables } from './tables';
import { publicationReads } from './reads';
import { addToCell, writeEntries, type RefreshOptions } from './cells';

/** What one published article adds to the kept figures. */
export interface Contribution {
  siteId: number;
  /** Its column's name, '' for none (a unique key cannot hold null). */
  columnName: string;
  /** The local day and month (its first day) of its first publication. */
  day: string;
  month: string;
  firstPublishedAt: Date;
  /** Counted in the ranking: not judged trivial or a copy (review/counting.ts). */
  counted: boolean;
  specialTopic: boolean;
}

type Stamp = string | number | Date;

const sameContribution = (a: Contribution | null, b: Contribution | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.siteId === b.siteId &&
    a.columnName === b.columnName &&
    a.day === b.day &&
    a.firstPublishedAt.getTime() === b.firstPublishedAt.getTime() &&
    a.counted === b.counted &&
    a.specialTopic === b.specialTopic);

/**
 * The published articles of `documentIds` as the kept figures count them, by document id: the
 * published row, its site and column, the local day of its first publication. A row without a
 * site or a first publication date counts nowhere (as the ranking's own query would have it).
 * `publishedRowIds`, when the caller has them, are those documents' published rows, read by
 * primary key instead of by document id.
 */
export const currentContributions = async (
  strapi: Core.Strapi,
  db: Knex | Knex.Transaction,
  documentIds: string[],
  timezone: string,
  publishedRowIds?: number[]
) => {
  const article = dbNames(strapi, ARTICLE);
  const link = article.joinTable('site');
  const rows = (await db(`${article.table} as a`)
    .join(`${link.table} as l`, `l.${link.ownerColumn}`, 'a.id')
    .select({
      documentId: 'a.document_id',
      siteId: `l.${link.targetColumn}`,
      columnName: `a.${article.column('column')}`,
      firstPublishedAt: `a.${article.column('firstPublishedAt')}`,
      countExclusion: `a.${article.column('countExclusion')}`,
      specialTopic: `a.${article.column('isSpecialTopic')}`,
    })
    .modify((query) =>
      publishedRowIds
        ? query.whereIn('a.id', publishedRowIds)
        : query.whereIn('a.document_id', documentIds)
    )
    .whereNotNull('a.published_at')
    .whereNotNull(`a.${article.column('firstPublishedAt')}`)) as Array<{
    documentId: string;
    siteId: number;
    columnName: string | null;
    firstPublishedAt: Stamp;
    countExclusion: string | null;
    specialTopic: boolean | number | null;
  }>;
  return new Map(
    rows.map((row) => {
      const firstPublishedAt = new Date(row.firstPublishedAt);
      const contribution: Contribution = {
        siteId: Number(row.siteId),
        columnName: row.columnName ?? '',
        ...localDayAndMonth(firstPublishedAt, timezone),
        firstPublishedAt,
        counted: row.countExclusion === null,
        specialTopic: Boolean(row.specialTopic),
      };
      return [row.documentId, contribution] as const;
    })
  );
};

/**
 * The publication figures kept as articles go online and offline (ARCHITECTURE.md, Scale): per
 * site, column and local day, per month, and per column with its latest publication. Each
 * published article has an entry saying what it added; `refresh` compares it with what the
 * article adds now and changes the figures by the difference, in the writing transaction.
 */
const publicationFigures = ({ strapi }: { strapi: Core.Strapi }) => {
  const timezone = () => (strapi.config.get('plugin::governance') as GovernanceConfig).timezone;

  const entryRow = (
    tables: ReturnType<typeof publicationTables>,
    documentId: string,
    c: Contribution
  ) => {
    const { entry } = tables;
    return {
      [entry.column('articleDocumentId')]: documentId,
      [entry.column('siteId')]: c.siteId,
      [entry.column('columnName')]: c.columnName,
      [entry.column('day')]: c.day,
      [entry.column('month')]: c.month,
      [entry.column('firstPublishedAt')]: c.firstPublishedAt,
      [entry.column('counted')]: c.counted,
      [entry.column('specialTopic')]: c.specialTopic,
    };
  };

  /** Adds (`sign` 1) or takes away (-1) one article's part of every figure. */
  const apply = async (
    trx: Knex.Transaction,
    tables: ReturnType<typeof publicationTables>,
    c: Contribution,
    sign: 1 | -1
  ) => {
    const { day, month, column } = tables;
    const delta = (names: typeof day) => ({
      [names.column('articles')]: c.counted ? sign : 0,
      [names.column('rawArticles')]: sign,
      [names.column('specialTopics')]: c.specialTopic ? sign : 0,
    });
    const latest = sign > 0 && c.counted ? c.firstPublishedAt : undefined;
    await addToCell(
      trx,
      tables.days,
      {
        [day.column('siteId')]: c.siteId,
        [day.column('columnName')]: c.columnName,
        [day.column('day')]: c.day,
      },
      delta(day),
      latest
    );
    await addToCell(
      trx,
      tables.months,
      {
        [month.column('siteId')]: c.siteId,
        [month.column('columnName')]: c.columnName,
        [month.column('month')]: c.month,
      },
      delta(month)
    );
    await addToCell(
      trx,
      tables.columns,
      { [column.column('siteId')]: c.siteId, [column.column('columnName')]: c.columnName },
      { [column.column('articles')]: c.counted ? sign : 0, [column.column('rawArticles')]: sign },
      latest
    );
  };

  /**
   * A counted article gone from a day: the day's latest publication is read again from the
   * entries left, then the column's from its days (both by index, a handful of rows).
   */
  const recomputeLatest = async (
    trx: Knex.Transaction,
    tables: ReturnType<typeof publicationTables>,
    c: Contribution
  ) => {
    const { entry, day, column } = tables;
    const [{ latest } = { latest: null }] = (await trx(entry.table)
      .max({ latest: entry.column('firstPublishedAt') })
      .where({
        [entry.column('siteId')]: c.siteId,
        [entry.column('columnName')]: c.columnName,
        [entry.column('day')]: c.day,
        [entry.column('counted')]: true,
      })) as Array<{ latest: Stamp | null }>;
    await trx(day.table)
      .where({
        [day.column('siteId')]: c.siteId,
        [day.column('columnName')]: c.columnName,
        [day.column('day')]: c.day,
      })
      .update({ [day.column('lastPublishedAt')]: latest === null ? null : new Date(latest) });
    const [lastDay] = (await trx(day.table)
      .select({ latest: day.column('lastPublishedAt') })
      .where({ [day.column('siteId')]: c.siteId, [day.column('columnName')]: c.columnName })
      .where(day.column('articles'), '>', 0)
      .orderBy(day.column('day'), 'desc')
      .limit(1)) as Array<{ latest: Stamp | null }>;
    await trx(column.table)
      .where({ [column.column('siteId')]: c.siteId, [column.column('columnName')]: c.columnName })
      .update({
        [column.column('lastPublishedAt')]: lastDay?.latest ? new Date(lastDay.latest) : null,
      });
  };

  const service = {
    ...publicationReads(strapi),

    /**
     * Brings the figures up to date with the articles `documentIds` as they are now (published
     * or not, counted or not, wherever they are filed): for each whose part changed, the old part
     * is taken away and the new one added. Call inside the transaction that changed them, which
     * holds the judgement lock (review/counting.ts), so two instances never count one article
     * twice. Answers the articles whose parts changed (RefreshOptions: the check and the rebuild).
     */
    async refresh(
      documentIds: string[],
      { dryRun = false, entriesOnly = false, publishedRowIds }: RefreshOptions = {}
    ) {
      const ids = [...new Set(documentIds)];
      if (ids.length === 0) return [];
      return strapi.db.transaction(async ({ trx }) => {
        if (!dryRun) await getService(strapi, 'articleCounting').lock();
        const tables = publicationTables(strapi);
        const { entry } = tables;
        const now = await currentContributions(strapi, trx, ids, timezone(), publishedRowIds);
        const stored = (await trx(entry.table)
          .select({
            documentId: entry.column('articleDocumentId'),
            siteId: entry.column('siteId'),
            columnName: entry.column('columnName'),
            day: entry.column('day'),
            month: entry.column('month'),
            firstPublishedAt: entry.column('firstPublishedAt'),
            counted: entry.column('counted'),
            specialTopic: entry.column('specialTopic'),
          })
          .whereIn(entry.column('articleDocumentId'), ids)) as Array<
          Omit<Contribution, 'firstPublishedAt' | 'day' | 'month'> & {
            documentId: string;
            firstPublishedAt: Stamp;
            day: Stamp;
            month: Stamp;
          }
        >;
        const before = new Map(
          // The cells it was added to, as stored (even were the group's time zone changed since).
          stored.map((row) => [
            row.documentId,
            {
              siteId: Number(row.siteId),
              columnName: row.columnName,
              day: dayOf(row.day),
              month: dayOf(row.month),
              firstPublishedAt: new Date(row.firstPublishedAt),
              counted: Boolean(row.counted),
              specialTopic: Boolean(row.specialTopic),
            } satisfies Contribution,
          ])
        );
        const changes = ids.flatMap((id) => {
          const old = before.get(id) ?? null;
          const current = now.get(id) ?? null;
          return sameContribution(old, current) ? [] : [{ id, old, current }];
        });
        if (dryRun || changes.length === 0) return changes.map((change) => change.id);
        await writeEntries(
          trx,
          entry.table,
          entry.column('articleDocumentId'),
          changes.flatMap(({ id, current }) => (current ? [entryRow(tables, id, current)] : [])),
          changes.filter((change) => !change.current).map((change) => change.id)
        );
        if (!entriesOnly)
          for (const { old, current } of changes) {
            if (old) {
              await apply(trx, tables, old, -1);
              if (old.counted) await recomputeLatest(trx, tables, old);
            }
            if (current) await apply(trx, tables, current, 1);
          }
        await getService(strapi, 'figureReadings').changed();
        return changes.map((change) => change.id);
      });
    },
  };
  return service;
};

export default publicationFigures;
