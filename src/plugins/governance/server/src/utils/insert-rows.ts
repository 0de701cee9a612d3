import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';

/** PostgreSQL's array type of each attribute type a bulk-written table may hold. */
const ARRAY_TYPES: Record<string, string> = {
  string: 'text[]',
  text: 'text[]',
  enumeration: 'text[]',
  integer: 'integer[]',
  biginteger: 'bigint[]',
  boolean: 'boolean[]',
  datetime: 'timestamp[]',
};

interface Attribute {
  type: string;
  columnName?: string;
}

/**
 * pg's own text of a value: an instant in the process's local time with its offset, as every
 * other statement sends one, so that bulk-written instants read back as the query engine's do.
 */
const pgText = () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('pg/lib/utils') as { prepareValue: (value: unknown) => unknown }).prepareValue;

/**
 * Inserts many rows of one of the plugin's bookkeeping tables (a content type no one edits), in
 * the transaction open if any, stamped with their creation time. Values go in as given: the
 * caller gives each row its `documentId` and values of the attributes' types.
 *
 * Why not the query engine's `createMany`: on PostgreSQL a multi-row insert sends one parameter
 * per value (the inspection's 500 records of nine columns: 4,500), which knex numbers, the driver
 * converts one by one and the server parses anew each time; at 1,000,000 articles writing the
 * records cost more than reading the articles. Here each column goes as one array (`unnest`),
 * nine parameters. Elsewhere (SQLite, in the same process) the plain multi-row insert is
 * as cheap, in chunks under its variable limit.
 */
export const insertRows = async (
  strapi: Core.Strapi,
  uid: UID.Schema,
  rows: Array<Record<string, unknown>>
) => {
  if (rows.length === 0) return;
  const meta = strapi.db.metadata.get(uid);
  const attributes = meta.attributes as Record<string, Attribute>;
  const now = new Date();
  const stamped: Array<Record<string, unknown>> = rows.map((row) => ({
    createdAt: now,
    updatedAt: now,
    ...row,
  }));
  const columns = Object.keys(stamped[0]).map((name) => {
    const attribute = attributes[name];
    if (!attribute) throw new Error(`${uid} has no attribute "${name}"`);
    return { name, column: attribute.columnName ?? name, type: attribute.type };
  });
  await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
    if (strapi.db.dialect.client === 'postgres') {
      const casts = columns.map(({ name, type }) => {
        if (!ARRAY_TYPES[type]) throw new Error(`insertRows: ${uid}.${name} is of type ${type}`);
        return `?::${ARRAY_TYPES[type]}`;
      });
      const prepare = pgText();
      const instants = new Map<number, unknown>(); // the rows share a few instants
      const text = (value: unknown) => {
        if (!(value instanceof Date)) return value ?? null;
        if (!instants.has(value.getTime())) instants.set(value.getTime(), prepare(value));
        return instants.get(value.getTime());
      };
      await trx.raw(
        `insert into ?? (${columns.map(() => '??').join(', ')}) select * from unnest(${casts.join(', ')})`,
        [
          meta.tableName,
          ...columns.map(({ column }) => column),
          ...columns.map(({ name }) => stamped.map((row) => text(row[name]))),
        ]
      );
      return;
    }
    const perChunk = Math.max(1, Math.floor(30_000 / columns.length));
    for (let start = 0; start < stamped.length; start += perChunk)
      await trx(meta.tableName).insert(
        stamped
          .slice(start, start + perChunk)
          .map((row) =>
            Object.fromEntries(columns.map(({ name, column }) => [column, row[name] ?? null]))
          )
      );
  });
};
