import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DateTime } from 'luxon';
import { randomUUID } from 'crypto';
import { messageTables, publicationTables } from './tables';

type Value = string | number | Date | boolean | null;
type Row = Record<string, Value>;

/** One cell whose kept counts differ from the recount, for the check's report. */
export interface CellDifference {
  table: string;
  key: string;
  kept: string;
  recounted: string;
}

/** A cell table compared with its recount: which columns key it and which are compared. */
interface Compared {
  table: string;
  keys: string[];
  values: string[];
}

/** A value as text, alike whichever driver answered it (a number as a string, a date as a Date). */
const normal = (value: Value): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return String(value.getTime());
  if (typeof value === 'boolean') return String(Number(value));
  const text = String(value);
  // A count or an instant in epoch milliseconds (SQLite), or an ISO instant; any other text as it is.
  if (/^-?\d+(\.\d+)?$/.test(text)) return String(Number(text));
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return String(Date.parse(text));
  return text;
};

/** Cells keyed as text; the compared values as text too (drivers answer numbers as strings). */
const keyed = (rows: Row[], { keys, values }: Compared) =>
  new Map(
    rows.map((row) => [
      keys.map((key) => normal(row[key])).join(' '),
      values.map((value) => normal(row[value])).join(' '),
    ])
  );

/** The differing cells of two sets (kept, recounted), each keyed and valued alike. */
const differences = (compared: Compared, kept: Row[], recounted: Row[]): CellDifference[] => {
  const a = keyed(kept, compared);
  const b = keyed(recounted, compared);
  const found: CellDifference[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()]))
    if (a.get(key) !== b.get(key))
      found.push({
        table: compared.table,
        key,
        kept: a.get(key) ?? '（无）',
        recounted: b.get(key) ?? '（无）',
      });
  return found;
};

/** Inserts recounted cells (after the kept ones they replace were deleted). */
const insertCells = async (trx: Knex.Transaction, table: string, rows: Row[]) => {
  const now = new Date();
  if (rows.length > 0)
    await trx(table).insert(
      rows.map((row) => ({
        document_id: randomUUID(),
        ...row,
        created_at: now,
        updated_at: now,
        published_at: now,
      }))
    );
};

/** A stored instant as a Date for writing back (SQLite answers epoch milliseconds). */
const instant = (value: Value) =>
  value === null || value === undefined ? null : new Date(value as string | number | Date);

/** Rows grouped by a key (Map.groupBy comes with Node 21). */
const groupBy = <T, K>(rows: T[], key: (row: T) => K) => {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
};

/**
 * The kept cells of one site and month compared with a recount from the entries (what each
 * article or message added), and replaced by it when `repair`. The entries themselves are
 * compared with the archive before (kept.ts): together, kept figures against the archive.
 */
export const cellRecount = (strapi: Core.Strapi) => {
  const publicationMonth = async (
    trx: Knex.Transaction,
    siteId: number,
    month: string,
    repair: boolean
  ) => {
    const t = publicationTables(strapi);
    const { entry, day } = t;
    const e = (name: string) => entry.column(name);
    const monthEnd = DateTime.fromISO(month).plus({ months: 1 }).toISODate()!;
    const recountedDays = (await trx(entry.table)
      .select({ [day.column('columnName')]: e('columnName'), [day.column('day')]: e('day') })
      .select(
        trx.raw('sum(case when ?? then 1 else 0 end) as ??', [
          e('counted'),
          day.column('articles'),
        ]),
        trx.raw('count(*) as ??', [day.column('rawArticles')]),
        trx.raw('sum(case when ?? then 1 else 0 end) as ??', [
          e('specialTopic'),
          day.column('specialTopics'),
        ]),
        trx.raw('max(case when ?? then ?? end) as ??', [
          e('counted'),
          e('firstPublishedAt'),
          day.column('lastPublishedAt'),
        ])
      )
      .where({ [e('siteId')]: siteId, [e('month')]: month })
      .groupBy(e('columnName'), e('day'))) as Row[];
    const daysCompared = {
      table: day.table,
      keys: [day.column('columnName'), day.column('day')],
      values: [...t.days.counts, day.column('lastPublishedAt')],
    };
    const keptDays = (await trx(day.table)
      .select([...daysCompared.keys, ...daysCompared.values])
      .where(day.column('siteId'), siteId)
      .where(day.column('day'), '>=', month)
      .where(day.column('day'), '<', monthEnd)) as Row[];
    const monthName = t.month.column('month');
    const recountedMonth = [...groupBy(recountedDays, (row) => row[day.column('columnName')])].map(
      ([columnName, rows]) => ({
        [t.month.column('columnName')]: columnName,
        [monthName]: month,
        ...Object.fromEntries(
          t.months.counts.map((count, i) => [
            count,
            rows.reduce((sum, row) => sum + Number(row[t.days.counts[i]] ?? 0), 0),
          ])
        ),
      })
    ) as Row[];
    const monthCompared = {
      table: t.month.table,
      keys: [t.month.column('columnName')],
      values: t.months.counts,
    };
    const keptMonth = (await trx(t.month.table)
      .select([...monthCompared.keys, ...monthCompared.values])
      .where({ [t.month.column('siteId')]: siteId, [monthName]: month })) as Row[];
    const found = [
      ...differences(daysCompared, keptDays, recountedDays),
      ...differences(monthCompared, keptMonth, recountedMonth),
    ].map((d) => ({ ...d, key: `site ${siteId} ${month} ${d.key}` }));
    if (repair && found.length > 0) {
      await trx(day.table)
        .where(day.column('siteId'), siteId)
        .where(day.column('day'), '>=', month)
        .where(day.column('day'), '<', monthEnd)
        .delete();
      await insertCells(
        trx,
        day.table,
        recountedDays.map((row) => ({
          ...row,
          [day.column('siteId')]: siteId,
          [day.column('lastPublishedAt')]: instant(row[day.column('lastPublishedAt')]),
        }))
      );
      await trx(t.month.table)
        .where({ [t.month.column('siteId')]: siteId, [monthName]: month })
        .delete();
      await insertCells(
        trx,
        t.month.table,
        recountedMonth.map((row) => ({ ...row, [t.month.column('siteId')]: siteId }))
      );
    }
    return found;
  };

  /** One site's column cells against its day cells (count and latest publication). */
  const publicationColumns = async (trx: Knex.Transaction, siteId: number, repair: boolean) => {
    const { day, column } = publicationTables(strapi);
    const recounted = (await trx(day.table)
      .select({ [column.column('columnName')]: day.column('columnName') })
      .sum({ [column.column('articles')]: day.column('articles') })
      .sum({ [column.column('rawArticles')]: day.column('rawArticles') })
      .max({ [column.column('lastPublishedAt')]: day.column('lastPublishedAt') })
      .where(day.column('siteId'), siteId)
      .groupBy(day.column('columnName'))) as Row[];
    const compared = {
      table: column.table,
      keys: [column.column('columnName')],
      values: [
        column.column('articles'),
        column.column('rawArticles'),
        column.column('lastPublishedAt'),
      ],
    };
    const kept = (await trx(column.table)
      .select([...compared.keys, ...compared.values])
      .where(column.column('siteId'), siteId)) as Row[];
    const found = differences(compared, kept, recounted).map((d) => ({
      ...d,
      key: `site ${siteId} ${d.key}`,
    }));
    if (repair && found.length > 0) {
      await trx(column.table).where(column.column('siteId'), siteId).delete();
      await insertCells(
        trx,
        column.table,
        recounted.map((row) => ({
          ...row,
          [column.column('siteId')]: siteId,
          [column.column('lastPublishedAt')]: instant(row[column.column('lastPublishedAt')]),
        }))
      );
    }
    return found;
  };

  const messageMonth = async (
    trx: Knex.Transaction,
    siteId: number,
    month: string,
    repair: boolean
  ) => {
    const t = messageTables(strapi);
    const { entry, day } = t;
    const e = (name: string) => entry.column(name);
    const monthEnd = DateTime.fromISO(month).plus({ months: 1 }).toISODate()!;
    const flagSum = (flag: string, as: string) =>
      trx.raw('sum(case when ?? then 1 else 0 end) as ??', [e(flag), as]);
    const recountedDays = (await trx(entry.table)
      .select({ [day.column('day')]: e('day') })
      .select(
        trx.raw('count(*) as ??', [day.column('messages')]),
        flagSum('answered', day.column('answered')),
        flagSum('replied', day.column('replied'))
      )
      .where({ [e('siteId')]: siteId, [e('month')]: month })
      .groupBy(e('day'))) as Row[];
    const daysCompared = { table: day.table, keys: [day.column('day')], values: t.days.counts };
    const keptDays = (await trx(day.table)
      .select([...daysCompared.keys, ...daysCompared.values])
      .where(day.column('siteId'), siteId)
      .where(day.column('day'), '>=', month)
      .where(day.column('day'), '<', monthEnd)) as Row[];
    const monthName = t.month.column('month');
    const recountedMonth = recountedDays.length
      ? [
          {
            [monthName]: month,
            ...Object.fromEntries(
              t.months.counts.map((count, i) => [
                count,
                recountedDays.reduce((sum, row) => sum + Number(row[t.days.counts[i]] ?? 0), 0),
              ])
            ),
          } as Row,
        ]
      : [];
    const monthCompared = { table: t.month.table, keys: [monthName], values: t.months.counts };
    const keptMonth = (await trx(t.month.table)
      .select([...monthCompared.keys, ...monthCompared.values])
      .where({ [t.month.column('siteId')]: siteId, [monthName]: month })) as Row[];
    const found = [
      ...differences(daysCompared, keptDays, recountedDays),
      ...differences(monthCompared, keptMonth, recountedMonth),
    ].map((d) => ({ ...d, key: `site ${siteId} ${month} ${d.key}` }));
    if (repair && found.length > 0) {
      await trx(day.table)
        .where(day.column('siteId'), siteId)
        .where(day.column('day'), '>=', month)
        .where(day.column('day'), '<', monthEnd)
        .delete();
      await insertCells(
        trx,
        day.table,
        recountedDays.map((row) => ({ ...row, [day.column('siteId')]: siteId }))
      );
      await trx(t.month.table)
        .where({ [t.month.column('siteId')]: siteId, [monthName]: month })
        .delete();
      await insertCells(
        trx,
        t.month.table,
        recountedMonth.map((row) => ({ ...row, [t.month.column('siteId')]: siteId }))
      );
    }
    return found;
  };

  return { publicationMonth, publicationColumns, messageMonth };
};
