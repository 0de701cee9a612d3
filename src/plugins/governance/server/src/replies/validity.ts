/**
 * What makes a message count as answered, or as not a message at all, in every figure the
 * province ranks by (留言统计, 站群监测's veto, 抽查). A site cannot make a message vanish by
 * refusing it (不予受理 waits for the province's confirmation) nor answer it with a placeholder
 * (a reply the quality check flagged counts as flagged until a substantive one follows).
 */
import type { Knex } from 'knex';
import { OPEN_STATUSES } from '../../../shared/contracts/messages';

/** The statuses whose messages go into the 抽查 pool: every answer, and every refusal. */
export const SAMPLED_STATUSES = ['replied', 'closed', 'rejected'] as const;

/**
 * SQL conditions over a citizen-message row, given a function naming its columns (with the
 * table's alias). Each answers the condition's text and its bindings, for `knex.raw` sums.
 */
export const validitySql = (column: (name: string) => string) => {
  const status = column('status');
  const open = OPEN_STATUSES.map(() => '?').join(', ');
  const pending = `(${status} = ? and ${column('invalidation')} = ?)`;
  const flagged = `(${column('repliedAt')} is not null and ${column('replyFlagged')} = ?)`;
  return {
    /** Refused by the site, waiting for the province: still received and unanswered. */
    invalidPending: { sql: pending, bindings: ['rejected', 'pending'] as unknown[] },
    /** Refused and confirmed (or refused before confirmation existed, invalidation null). */
    invalidConfirmed: {
      sql: `(${status} = ? and (${column('invalidation')} is null or ${column('invalidation')} = ?))`,
      bindings: ['rejected', 'confirmed'] as unknown[],
    },
    /** Waiting for an answer: open, or refused and not yet confirmed. */
    awaiting: {
      sql: `(${status} in (${open}) or ${pending})`,
      bindings: [...OPEN_STATUSES, 'rejected', 'pending'] as unknown[],
    },
    /** Answered with a placeholder the quality check flagged, no substantive reply after it. */
    flagged: { sql: flagged, bindings: [true] as unknown[] },
    /** Answered with a substantive reply (the date it counts from is in repliedOnTime/workingDaysToReply). */
    answered: {
      sql: `(${column('repliedAt')} is not null and (${column('replyFlagged')} is null or ${column('replyFlagged')} = ?))`,
      bindings: [false] as unknown[],
    },
  };
};

/**
 * Narrows a query to the messages waiting for an answer (站群监测's oldest unanswered, the veto):
 * a 不予受理 not yet confirmed by the province still waits, and so does a message answered only
 * with a placeholder the quality check flagged.
 */
export const whereAwaitingAnswer = (query: Knex.QueryBuilder, column: (name: string) => string) => {
  const { awaiting, flagged } = validitySql(column);
  return query.whereRaw(`(${awaiting.sql} or ${flagged.sql})`, [
    ...awaiting.bindings,
    ...flagged.bindings,
  ] as Knex.RawBinding[]);
};
