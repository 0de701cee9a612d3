/**
 * A dependency that is away (the database restarting, a connection cut, the pool exhausted)
 * is answered as what it is: 503 with `Retry-After` and a Chinese message, not a bare 500. The
 * request did not complete; the caller may send it again.
 */
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { CommitNotConfirmedError } from './confirmed-commit';

/** How soon to try again: a database restart or a failover takes seconds. */
export const RETRY_AFTER_SECONDS = 5;

export const UNAVAILABLE_MESSAGE = '系统暂时无法处理您的请求，请稍后重试';

/** Socket errors of a connection that could not be made or was cut. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/**
 * PostgreSQL's SQLSTATEs of a server that is not there to answer: class 08 (connection
 * exception), 57P01-57P03 (shut down by the administrator, crashed, starting up), 53300 (too many
 * connections).
 */
const DATABASE_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
/**
 * SQLite's "database is locked": another connection held the file past the busy timeout. The
 * driver gives extended codes (SQLITE_BUSY_SNAPSHOT when a read turns into a write after another
 * writer, SQLITE_BUSY_RECOVERY, …), so by prefix.
 */
const SQLITE_LOCKED = /^SQLITE_(BUSY|LOCKED)/;
/** The pg driver's own words for a connection that ended under it (it sets no code). */
const CONNECTION_LOST =
  /Connection terminated|connection error and is not queryable|Client was closed/;

const codeOf = (error: object) =>
  'code' in error && typeof error.code === 'string' ? error.code : '';

/** Whether `error` means a dependency was away, rather than a fault of the request or the code. */
export const isDependencyUnavailable = (error: unknown): boolean => {
  // Not `instanceof Error`: a native driver's errors may come from another realm (better-sqlite3
  // keeps the error class of whichever copy of its JS first loaded the addon, e.g. under Jest).
  if (typeof error !== 'object' || error === null) return false;
  if (error instanceof CommitNotConfirmedError) return true;
  // knex: no connection came free within acquireConnectionTimeout.
  if ('name' in error && error.name === 'KnexTimeoutError') return true;
  const code = codeOf(error);
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  return (
    NETWORK_CODES.has(code) ||
    DATABASE_CODES.has(code) ||
    SQLITE_LOCKED.test(code) ||
    code.startsWith('08') ||
    CONNECTION_LOST.test(message)
  );
};

/** Writes the 503 in Strapi's error shape (Strapi's error middleware knows no 503 of its own). */
export const answerUnavailable = (ctx: Context, message = UNAVAILABLE_MESSAGE) => {
  ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
  ctx.status = 503;
  ctx.body = {
    data: null,
    error: { status: 503, name: 'ServiceUnavailableError', message, details: {} },
  };
};

/** Quiet time after the last 503 before an outage counts as over (requests that touch no dependency pass meanwhile). */
const RECOVERED_AFTER_MS = 10_000;

/**
 * Global middleware, just inside Strapi's error middleware: a dependency's failure on any route
 * becomes a 503. An outage is logged when it begins and when it is over, with the number of
 * requests it turned away, rather than once per request.
 */
export const dependencyUnavailable = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let outage: { since: number; last: number; refused: number } | null = null;

  return async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (error) {
      if (!isDependencyUnavailable(error)) throw error;
      const now = Date.now();
      if (!outage) {
        outage = { since: now, last: now, refused: 0 };
        strapi.log.error(
          `governance: a dependency is unavailable, answering 503 until it returns: ${(error as { message?: string }).message}`
        );
      }
      outage.last = now;
      outage.refused += 1;
      answerUnavailable(ctx);
      return;
    }
    if (outage && Date.now() - outage.last > RECOVERED_AFTER_MS) {
      const seconds = Math.round((outage.last - outage.since) / 1000);
      strapi.log.info(
        `governance: dependencies answer again; the outage lasted about ${seconds} s and ${outage.refused} request(s) were answered 503`
      );
      outage = null;
    }
  };
};
