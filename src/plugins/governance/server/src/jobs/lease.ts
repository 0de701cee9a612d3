import type { Core } from '@strapi/strapi';
import { randomUUID } from 'crypto';
import { hostname } from 'os';
import { JOB_LEASE } from '../uids';

/** This process, as it signs its leases. */
const INSTANCE = `${hostname().slice(0, 60)}:${process.pid}:${randomUUID().slice(0, 8)}`;
let runs = 0;

export interface LeaseRun {
  /** Whether this instance took the lease and ran the task. */
  ran: boolean;
  outcome?: string;
  /** The lease went to another instance before the task ended: its outcome is not recorded. */
  lostLease?: boolean;
}

/**
 * Runs `task` on one instance only. Every instance runs every cron job, so the job first takes
 * the lease row named after it with one guarded UPDATE (only where the last lease has expired):
 * exactly one instance's UPDATE changes the row. While the task runs, the lease is renewed every
 * third of `holdFor` (again guarded: only while this run still holds it), so a long run keeps it;
 * at the end it is kept until `holdFor` after the start, so the other instances skip this run too.
 *
 * A renewal that finds the lease held by another run (it ran out while this instance stalled)
 * aborts `signal`, as does our own clock once the lease has run out while renewals fail (the
 * database away). The task checks `signal` between rows and stops; the other run's outcome is
 * not overwritten. Only the run that still holds the lease records its outcome on the row.
 */
export const runWithLease = async (
  strapi: Core.Strapi,
  name: string,
  holdFor: number,
  task: (signal: AbortSignal) => Promise<string>
): Promise<LeaseRun> => {
  const leases = strapi.db.query(JOB_LEASE);
  if (!(await leases.findOne({ where: { name }, select: ['id'] }))) {
    try {
      await leases.create({ data: { name, expiresAt: new Date(0) } });
    } catch (error) {
      // Another instance created the row at the same moment: the name is unique.
      if (!(await leases.findOne({ where: { name }, select: ['id'] }))) throw error;
    }
  }
  // Each run signs on its own: a later run of this same process is another holder.
  const holder = `${INSTANCE}/${(runs += 1)}`;
  const startedAt = new Date();
  const { count } = await leases.updateMany({
    where: { name, expiresAt: { $lt: startedAt } },
    data: { holder, expiresAt: new Date(startedAt.getTime() + holdFor), lastRunAt: startedAt },
  });
  if (count !== 1) return { ran: false };

  const lost = new AbortController();
  let heldUntil = startedAt.getTime() + holdFor;
  let renewing: Promise<void> | null = null;
  const renew = async () => {
    const at = Date.now();
    try {
      const { count: kept } = await leases.updateMany({
        where: { name, holder },
        data: { expiresAt: new Date(at + holdFor) },
      });
      if (kept === 1) heldUntil = at + holdFor;
      else
        lost.abort(new Error(`job ${name}: another instance holds its lease now; this run stops`));
    } catch (error) {
      // The database away for a moment is no reason to stop: the lease may still be ours.
      strapi.log.warn(
        `governance: job ${name}: the lease could not be renewed: ${(error as Error).message}`
      );
    }
  };
  const heartbeat = setInterval(
    () => {
      if (Date.now() >= heldUntil)
        lost.abort(
          new Error(`job ${name}: its lease ran out before it could be renewed; this run stops`)
        );
      if (lost.signal.aborted) return clearInterval(heartbeat);
      renewing ??= renew().finally(() => (renewing = null));
    },
    Math.max(1, Math.floor(holdFor / 3))
  );
  heartbeat.unref();

  let outcome: string;
  try {
    outcome = await task(lost.signal);
  } catch (error) {
    outcome = `failed: ${(error as Error).message}`;
    if (!lost.signal.aborted) strapi.log.error(`governance: job ${name} ${outcome}`);
  } finally {
    clearInterval(heartbeat);
    await renewing;
  }
  if (lost.signal.aborted) {
    strapi.log.warn(`governance: ${(lost.signal.reason as Error).message}`);
    return { ran: true, outcome, lostLease: true };
  }
  const finishedAt = new Date();
  const { count: recorded } = await leases.updateMany({
    where: { name, holder },
    data: {
      lastOutcome: outcome.slice(0, 2000),
      finishedAt,
      finishedBy: holder,
      expiresAt: new Date(Math.max(startedAt.getTime() + holdFor, finishedAt.getTime())),
    },
  });
  return recorded === 1 ? { ran: true, outcome } : { ran: true, outcome, lostLease: true };
};

/** When the job's last run that did not fail finished; null before its first (one row read). */
export const lastFinishedAt = async (strapi: Core.Strapi, name: string): Promise<Date | null> => {
  const lease = (await strapi.db.query(JOB_LEASE).findOne({
    where: { name },
    select: ['finishedAt', 'lastOutcome'],
  })) as { finishedAt: string | null; lastOutcome: string | null } | null;
  if (!lease?.finishedAt || lease.lastOutcome?.startsWith('failed:')) return null;
  return new Date(lease.finishedAt);
};

/** Whether a run of the job holds its lease now (its lease has not expired; one row read). */
export const leaseHeld = async (strapi: Core.Strapi, name: string): Promise<boolean> => {
  const lease = (await strapi.db
    .query(JOB_LEASE)
    .findOne({ where: { name }, select: ['expiresAt'] })) as { expiresAt: string | Date } | null;
  return Boolean(lease && new Date(lease.expiresAt).getTime() > Date.now());
};
