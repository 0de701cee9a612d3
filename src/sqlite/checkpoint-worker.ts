/**
 * The SQLite log's checkpointer (sqlite/write-ahead-log.ts): on a connection of its own, in a
 * thread of its own, copies what the write-ahead log holds back into the database file.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'worker_threads';

const { filename, everyMs } = workerData as { filename: string; everyMs: number };
const db = new Database(filename, { fileMustExist: true });

/** Whether the last round failed: a failure is reported when it begins and when it is over. */
let failing = false;

setInterval(() => {
  try {
    // PASSIVE: as much as readers and writers allow, without waiting for them or holding them.
    db.pragma('wal_checkpoint(PASSIVE)');
    if (failing) parentPort!.postMessage({ recovered: true });
    failing = false;
  } catch (error) {
    if (!failing)
      parentPort!.postMessage({ failed: error instanceof Error ? error.message : String(error) });
    failing = true;
  }
}, everyMs);
