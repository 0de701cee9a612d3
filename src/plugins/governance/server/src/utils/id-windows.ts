import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { yieldToEventLoop } from './yield';

/**
 * Ids a start-up statement covers: sized from the last statement's time per id for about 20 ms
 * (SQLite holds the event loop while it runs; the rule is at most about 50 ms), growing at most
 * twofold a step. A row costs little when rows were written in the order of their dates (an
 * archive, the demo) and more when ids and dates are unrelated: each change then moves index
 * entries on pages far apart (bench/article-lists.js).
 */
const WINDOW = { first: 500, min: 50, max: 50_000, targetMs: 20 };

const nextWindow = (size: number, ms: number) =>
  Math.round(
    Math.min(WINDOW.max, 2 * size, Math.max(WINDOW.min, (size * WINDOW.targetMs) / Math.max(ms, 1)))
  );

/**
 * Runs `update` over the whole of `table` in windows of ids, (from, to], each one statement in
 * its own short transaction, letting other work run in between; answers the rows it changed. By
 * ids rather than by an index of the rows still to change: on PostgreSQL the rows just changed
 * leave dead entries in that index, which each later window would walk again.
 */
export const updateInIdWindows = async (
  strapi: Core.Strapi,
  table: string,
  update: (trx: Knex.Transaction, from: number, to: number) => Promise<number>
) => {
  const knex = strapi.db.connection;
  const [{ first, last }] = await knex(table).min({ first: 'id' }).max({ last: 'id' });
  let changed = 0;
  let size = WINDOW.first;
  for (let from = Number(first) - 1; from < Number(last);) {
    const started = performance.now();
    const to = from + size;
    changed += Number(await strapi.db.transaction(({ trx }) => update(trx, from, to)));
    from = to;
    size = nextWindow(size, performance.now() - started);
    await yieldToEventLoop();
  }
  return changed;
};
