import type { Core } from '@strapi/strapi';
import path from 'path';
import { Worker } from 'worker_threads';

/** How often the checkpointer copies the log back: the log holds about a second of writes. */
const CHECKPOINT_EVERY_MS = 1000;
/** SQLite's default: a checkpoint by the committing connection once the log passes 1,000 pages. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

const checkpointers = new WeakMap<Core.Strapi, Worker>();

/**
 * SQLite (the demo, small deployments): write-ahead logging, which flushes once per commit
 * instead of twice and lets reads run beside a write. The setting stays in the database file; a
 * commit is still flushed to disk before it returns (synchronous stays FULL).
 *
 * The log is copied back into the database file (a checkpoint) by a thread of its own rather
 * than by the connection that commits: SQLite's default checkpoints at whichever commit finds
 * the log past 1,000 pages, in that commit, on the main thread. Under steady writes to a large
 * database (the inspection's records at a million articles) that was an eighth of the main
 * thread's time. Should the thread stop, the main connection checkpoints as before.
 */
export const startWriteAheadLog = async (strapi: Core.Strapi) => {
  if (strapi.db.dialect.client !== 'sqlite') return;
  const knex = strapi.db.connection;
  await knex.raw('pragma journal_mode = WAL');
  const filename = strapi.config.get<string>('database.connection.connection.filename');
  const worker = new Worker(path.join(__dirname, 'checkpoint-worker.js'), {
    workerData: { filename, everyMs: CHECKPOINT_EVERY_MS },
  });
  worker.unref();
  worker.on('message', (message: { failed?: string; recovered?: boolean }) => {
    if (message.failed)
      strapi.log.warn(
        `governance: the SQLite checkpoint fails, it is tried every second: ${message.failed}`
      );
    else strapi.log.info('governance: the SQLite checkpoint succeeds again');
  });
  worker.on('error', (error) =>
    strapi.log.error(`governance: the SQLite checkpointer stopped: ${error.message}`)
  );
  worker.on('exit', () => {
    if (checkpointers.get(strapi) !== worker) return;
    checkpointers.delete(strapi);
    knex.raw(`pragma wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`).catch(() => undefined);
  });
  checkpointers.set(strapi, worker);
  // Per connection: knex keeps one for SQLite. A connection it opens anew checkpoints as before.
  await knex.raw('pragma wal_autocheckpoint = 0');
};

/** Stops the checkpointer; SQLite checkpoints the log itself when the last connection closes. */
export const stopWriteAheadLog = async (strapi: Core.Strapi) => {
  const worker = checkpointers.get(strapi);
  if (!worker) return;
  checkpointers.delete(strapi);
  await worker.terminate();
};
