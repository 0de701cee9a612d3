import { randomUUID } from 'crypto';
import type { Knex } from 'knex';

/**
 * A table of kept figures: one row ("cell") per key (a site and a day, say) with counts that
 * writes add to and take from, never recount. Rows whose counts all reach zero are removed, so
 * a table holds only cells with something in them, as a recount would give.
 */
export interface CellTable {
  table: string;
  /** The columns of the key, as in the table's unique index. */
  keys: string[];
  /** The counted columns. */
  counts: string[];
  /** A column holding the latest instant of the cell, kept with `latest` (optional). */
  latestColumn?: string;
}

export type Cell = Record<string, string | number>;

/**
 * Adds `delta` (per counted column, negative to take away) to the cell `key`, in `trx`. A
 * positive change creates the cell when missing and moves its latest instant forward to
 * `latest`; taking away never creates one. Atomic per cell (`count = count + n`), so writers
 * on several instances add up rather than overwrite each other.
 */
export const addToCell = async (
  trx: Knex.Transaction,
  table: CellTable,
  key: Cell,
  delta: Record<string, number>,
  latest?: Date
) => {
  const changes = Object.entries(delta).filter(([, n]) => n !== 0);
  if (changes.length === 0 && !latest) return;
  const where = (query: Knex.QueryBuilder) => query.where(key);
  if (changes.every(([, n]) => n >= 0)) {
    const now = new Date();
    const merge: Record<string, Knex.Raw | Date> = { updated_at: now };
    for (const [column] of changes)
      merge[column] = trx.raw('??.?? + excluded.??', [table.table, column, column]);
    const { latestColumn } = table;
    if (latest && latestColumn)
      merge[latestColumn] = trx.raw(
        'case when ??.?? is null or ??.?? < excluded.?? then excluded.?? else ??.?? end',
        [
          table.table,
          latestColumn,
          table.table,
          latestColumn,
          latestColumn,
          latestColumn,
          table.table,
          latestColumn,
        ]
      );
    await trx(table.table)
      .insert({
        document_id: randomUUID(),
        ...key,
        ...Object.fromEntries(table.counts.map((column) => [column, delta[column] ?? 0])),
        ...(latest && latestColumn ? { [latestColumn]: latest } : {}),
        created_at: now,
        updated_at: now,
        published_at: now,
      })
      .onConflict(table.keys)
      .merge(merge);
    return;
  }
  await trx(table.table)
    .modify(where)
    .update(
      Object.fromEntries(
        changes.map(([column, n]) => [column, trx.raw('?? + ?', [column, n])])
      ) as Record<string, Knex.Raw>
    );
  // Empty now: gone, as a recount would have no row for it.
  await trx(table.table)
    .modify(where)
    .where((query) => {
      for (const column of table.counts) query.where(column, '<=', 0);
    })
    .delete();
};

/** How a refresh treats what it finds: changes the figures, only the entries, or nothing. */
export interface RefreshOptions {
  /** Only find what differs (the check). */
  dryRun?: boolean;
  /** Write the entries, not the cells: a rebuild recounts the cells from the entries after. */
  entriesOnly?: boolean;
  /**
   * The published rows of the articles refreshed, when the caller read them (the rebuild, by
   * row id): read again by primary key. By document id, at 10,000,000 articles, each article
   * costs a random read of a large index (65 ms a batch of 200 against a few).
   */
  publishedRowIds?: number[];
}

/**
 * Writes entries (what each article or message adds to the figures), many rows a statement:
 * `rows` inserted or replacing the entry with the same `keyColumn`, `gone` keys deleted.
 */
export const writeEntries = async (
  trx: Knex.Transaction,
  table: string,
  keyColumn: string,
  rows: Array<Record<string, unknown>>,
  gone: Array<string | number>
) => {
  const now = new Date();
  if (rows.length > 0)
    await trx(table)
      .insert(
        rows.map((row) => ({
          document_id: randomUUID(),
          created_at: now,
          published_at: now,
          ...row,
          updated_at: now,
        }))
      )
      .onConflict([keyColumn])
      .merge([...Object.keys(rows[0]), 'updated_at']);
  if (gone.length > 0) await trx(table).whereIn(keyColumn, gone).delete();
};
