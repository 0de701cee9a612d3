/**
 * Job leases that last as long as the run: a run longer than its lease keeps it by renewing it,
 * so a second Strapi instance on the same database skips the job meanwhile and the run's outcome
 * is recorded once; a run whose lease another instance took stops at its next row and leaves the
 * other run's outcome alone.
 */
import { bootSecondInstance } from '@test-helpers/second-instance';
import { createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { runWithLease, type LeaseRun } from '../lease';
import { AUDIT_ENTRY, JOB_LEASE, PASSWORD_STATE } from '../../uids';

const PASSWORD_JOB = 'governance-password-daily';
const DAY = 86_400_000;

let app: TestApp;

const jobs = () => app.strapi.plugin('governance').service('passwordJobs');
const leaseRow = () => app.strapi.db.query(JOB_LEASE).findOne({ where: { name: PASSWORD_JOB } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An account nobody has used for 200 days: the daily job's to disable. */
const idleAccount = async (firstname: string) => {
  const admin = await createAdmin(app, 'governance-site-editor', firstname);
  await app.strapi.db.query(PASSWORD_STATE).update({
    where: { userId: admin.id },
    data: { lastLoginAt: new Date(Date.now() - 200 * DAY) },
  });
  return admin;
};
const disabledEntries = (admin: TestAdmin) =>
  app.strapi.db
    .query(AUDIT_ENTRY)
    .count({ where: { action: 'account.disabled', subject: admin.email } });
const isActive = async (admin: TestAdmin) =>
  (
    await app.strapi.db
      .query('admin::user')
      .findOne({ where: { id: admin.id }, select: ['isActive'] })
  ).isActive;

beforeAll(async () => {
  app = await startApp('job-lease');
});

afterAll(async () => {
  await app?.stop();
});

describe('a run longer than its lease', () => {
  it('keeps the lease while it runs: another instance skips the job, and the one outcome is recorded', async () => {
    const idle = await idleAccount('久未登录');
    const second = await bootSecondInstance('passwordJobs', 'runDaily');
    const started = Date.now();
    let during: { holder: string; expiresAt: string } | undefined;
    let there: LeaseRun | undefined;
    // Held for 300 ms, running about 1.5 s.
    const here = await runWithLease(app.strapi, PASSWORD_JOB, 300, async (signal) => {
      await sleep(700);
      during = await leaseRow();
      // The other instance's own daily run, while the lease taken 700 ms ago for 300 ms would have run out.
      there = (await second.run<LeaseRun>()).result;
      const disabled = await jobs().disableInactive(new Date(), signal);
      await sleep(1500 - (Date.now() - started));
      return `disabled ${disabled.length} unused account(s)`;
    });

    expect(there).toEqual({ ran: false });
    expect(here).toEqual({ ran: true, outcome: 'disabled 1 unused account(s)' });
    expect(new Date(during!.expiresAt).getTime()).toBeGreaterThan(started + 300);
    const row = await leaseRow();
    expect(row).toMatchObject({
      holder: during!.holder,
      finishedBy: during!.holder,
      lastOutcome: here.outcome,
    });
    expect(new Date(row.finishedAt).getTime()).toBeGreaterThanOrEqual(started + 1500);
    expect(await isActive(idle)).toBe(false);
    expect(await disabledEntries(idle)).toBe(1);

    // Done, and past its 300 ms: the lease is free again for the next run.
    expect(await runWithLease(app.strapi, PASSWORD_JOB, 300, async () => 'next')).toEqual({
      ran: true,
      outcome: 'next',
    });
  });

  it('stops a run whose lease another instance took, and leaves that instance’s outcome alone', async () => {
    const idle = await idleAccount('被接管');
    // The last run's 300 ms may not be over yet.
    await app.strapi.db
      .query(JOB_LEASE)
      .updateMany({ where: { name: PASSWORD_JOB }, data: { expiresAt: new Date(0) } });
    const other = {
      holder: 'other-host:4242:abcdef12/1',
      lastOutcome: 'sent 0 reminder(s), disabled 0 unused account(s)',
    };
    let stoppedAfter = 0;
    const here = await runWithLease(app.strapi, PASSWORD_JOB, 300, async (signal) => {
      // As if this instance had stalled past its lease: the other took the job and finished a run.
      await app.strapi.db.query(JOB_LEASE).updateMany({
        where: { name: PASSWORD_JOB },
        data: {
          ...other,
          expiresAt: new Date(Date.now() + 3_600_000),
          finishedAt: new Date(),
          finishedBy: other.holder,
        },
      });
      const taken = Date.now();
      if (!signal.aborted)
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      stoppedAfter = Date.now() - taken;
      await jobs().disableInactive(new Date(), signal);
      return 'not to be recorded';
    });

    expect(here).toMatchObject({ ran: true, lostLease: true });
    expect(here.outcome).toMatch(/^failed: .*another instance holds its lease/);
    // Found at the next renewals (every 100 ms here).
    expect(stoppedAfter).toBeLessThan(1000);
    expect(await leaseRow()).toMatchObject({ ...other, finishedBy: other.holder });
    expect(await isActive(idle)).toBe(true);
    expect(await disabledEntries(idle)).toBe(0);
  });
});
