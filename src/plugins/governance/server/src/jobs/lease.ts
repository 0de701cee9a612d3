import type { Core } from '@strapi/strapi';
import { randomUUID } from 'crypto';
import { hostname } from 'os';

export const JOB_LEASE = 'plugin::governance.job-lease';

/** This process, as it signs its leases. */
const INSTANCE = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Runs `task` on one instance only. Every instance runs every cron job, so the job first takes
 * the lease row named after it with one guarded UPDATE (only where the last lease has expired):
 * exactly one instance's UPDATE changes the row. The lease is kept for `holdFor` milliseconds,
 * so the other instances skip this run too. Answers whether this instance ran the task.
 */
export const runWithLease = async (
  strapi: Core.Strapi,
  name: string,
  holdFor: number,
  task: () => Promise<string>
): Promise<{ ran: boolean; outcome?: string }> => {
  const leases = strapi.db.query(JOB_LEASE);
  if (!(await leases.findOne({ where: { name }, select: ['id'] }))) {
    try {
      await leases.create({ data: { name, expiresAt: new Date(0) } });
    } catch (error) {
      // Another instance created the row at the same moment: the name is unique.
      if (!(await leases.findOne({ where: { name }, select: ['id'] }))) throw error;
    }
  }
  const now = new Date();
  const { count } = await leases.updateMany({
    where: { name, expiresAt: { $lt: now } },
    data: { holder: INSTANCE, expiresAt: new Date(now.getTime() + holdFor), lastRunAt: now },
  });
  if (count !== 1) return { ran: false };
  let outcome: string;
  try {
    outcome = await task();
  } catch (error) {
    outcome = `failed: ${(error as Error).message}`;
    strapi.log.error(`governance: job ${name} ${outcome}`);
  }
  await leases.updateMany({ where: { name, holder: INSTANCE }, data: { lastOutcome: outcome.slice(0, 2000) } });
  return { ran: true, outcome };
};
