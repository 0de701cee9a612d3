/**
 * A transaction's commit resolves only when the database confirmed it.
 *
 * knex 3.0.1 swallows a failed COMMIT: its transaction's `query()`
 * (`knex/lib/execution/transaction.js`, the `.catch` at line 168) turns the error into a
 * rejection of `executionPromise` and lets `commit()` resolve. Strapi opens its transactions in
 * knex's manual form (`this.connection.transaction()` in `@strapi/database`), awaits
 * `trx.commit()` and never reads `executionPromise`, so a transaction whose connection died
 * before COMMIT (PostgreSQL restarted, backend terminated) answered as if stored: citizens got a
 * 201 and a query code for a message that was never saved (issue 23; knex/knex#3370, #3847,
 * still open upstream). PostgreSQL adds a quieter case: COMMIT of a transaction in the aborted
 * state (a failed statement whose error was caught) answers with the tag ROLLBACK and no error.
 *
 * `confirmCommits` wraps `strapi.db.transaction` once, at register, so that every transaction
 * Strapi or the plugin opens (Document Service, entity manager, our services) commits through
 * `confirmCommit`, which rejects with `CommitNotConfirmedError` in both cases. Strapi then skips
 * its after-commit callbacks and the caller's request fails instead of answering success.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * The commit was not confirmed: nothing was stored, or (the connection died after COMMIT was
 * sent) the outcome is unknown. A caller that must know reads back outside the transaction.
 */
export class CommitNotConfirmedError extends Error {
  /** The driver's error, when there was one (ES2021 has no `Error` cause option). */
  readonly reason: unknown;

  constructor(message: string, reason?: unknown) {
    super(message);
    this.name = 'CommitNotConfirmedError';
    this.reason = reason;
  }
}

/**
 * The transactor as knex builds it: knex's types call `commit()` a query builder; it is the
 * promise of the COMMIT query, resolving with `{ sql, response }` (the driver's result).
 */
interface Transactor {
  commit: (value?: unknown) => Promise<unknown>;
  executionPromise: Promise<unknown>;
}

/** What `strapi.db.transaction()` without a callback returns (not exported by @strapi/database). */
interface TransactionObject {
  commit: () => Promise<void>;
  rollback: () => Promise<void>;
  get: () => Knex.Transaction;
}
type Work = (params: { trx: Knex.Transaction }) => unknown;

/** The command tag PostgreSQL answered to COMMIT (`ROLLBACK` for an aborted transaction). */
const commandTag = (result: unknown) => {
  if (typeof result !== 'object' || result === null || !('response' in result)) return undefined;
  const { response } = result;
  if (typeof response !== 'object' || response === null || !('command' in response))
    return undefined;
  return typeof response.command === 'string' ? response.command : undefined;
};

const guarded = new WeakSet<object>();

/** Makes `trx.commit()` reject unless the database confirmed the COMMIT. Idempotent. */
export const confirmCommit = (trx: Knex.Transaction) => {
  if (guarded.has(trx)) return;
  guarded.add(trx);
  const transactor = trx as unknown as Transactor;
  const commit = transactor.commit;
  transactor.commit = async (value?: unknown) => {
    const result = await commit(value);
    // Settled by now: knex settles it before commit() resolves.
    await transactor.executionPromise.catch((error: unknown) => {
      throw new CommitNotConfirmedError(
        `COMMIT failed: ${error instanceof Error ? error.message : String(error)}`,
        error
      );
    });
    if (commandTag(result) === 'ROLLBACK') {
      throw new CommitNotConfirmedError(
        'COMMIT answered ROLLBACK: the transaction had failed and was rolled back'
      );
    }
    return result;
  };
};

/** Puts every `strapi.db.transaction` (both its forms) behind `confirmCommit`. Call in register. */
export const confirmCommits = (strapi: Core.Strapi) => {
  const db = strapi.db;
  const open = db.transaction.bind(db);

  function transaction(): Promise<TransactionObject>;
  function transaction<T extends Work>(work: T): Promise<ReturnType<T>>;
  async function transaction(work?: Work) {
    if (!work) {
      const handle: TransactionObject = await open();
      confirmCommit(handle.get());
      return handle;
    }
    // A nested call reuses the outer transaction (already guarded) and does not commit.
    return open((params: { trx: Knex.Transaction }) => {
      confirmCommit(params.trx);
      return work(params);
    });
  }

  db.transaction = transaction;
};
