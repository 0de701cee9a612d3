/**
 * The daily account job: reminders at each threshold before expiry, once per account, password
 * and threshold, even with two Strapi instances running it on one database at once; accounts
 * unused for 90 days disabled, never the last super admin.
 */
import { bootSecondInstance } from '@test-helpers/second-instance';
import { createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { PASSWORD_REMINDER, PASSWORD_STATE } from '../../uids';

const DAY = 86_400_000;

let app: TestApp;
const sent: Array<{ to: string; subject: string; text: string }> = [];

const jobs = () => app.strapi.plugin('governance').service('passwordJobs');

/** Sets the account's password date so that `left` whole days remain before it expires (90 days). */
const expiringIn = async (admin: TestAdmin, left: number) =>
  app.strapi.db.query(PASSWORD_STATE).update({
    where: { userId: admin.id },
    data: { changedAt: new Date(Date.now() - (90 - left - 0.5) * DAY) },
  });

beforeAll(async () => {
  app = await startApp('password-jobs');
  app.strapi.plugin('email').service('email').send = async (message: {
    to: string;
    subject: string;
    text: string;
  }) => void sent.push(message);
  app.strapi.config.set('plugin::governance.notifications.email', true);
});

afterAll(async () => {
  await app?.stop();
});

describe('password reminders', () => {
  it('reminds once at each threshold reached, the tightest one first found', async () => {
    const holder = await createAdmin(app, 'governance-site-editor', '提醒');
    const fresh = await createAdmin(app, 'governance-site-editor', '新密码');
    await expiringIn(holder, 13);
    sent.length = 0;
    expect(await jobs().remind()).toBe(1);
    expect(await jobs().remind()).toBe(0);
    expect(sent.map((m) => m.to)).toEqual([holder.email]);
    expect(sent[0].text).toContain('还剩 14 天');

    // Found at five days left: the 7-day reminder, not also the 14-day one again.
    await expiringIn(holder, 5);
    expect(await jobs().remind()).toBe(1);
    expect(await jobs().remind()).toBe(0);
    const thresholds = (
      await app.strapi.db.query(PASSWORD_REMINDER).findMany({ where: { userId: holder.id } })
    ).map((r: { threshold: number }) => r.threshold);
    expect(thresholds.sort((a: number, b: number) => a - b)).toEqual([7, 14]);
    expect(sent.filter((m) => m.to === fresh.email)).toEqual([]);
  });

  it('sends each reminder exactly once with two instances running the job at the same moment', async () => {
    const due = await Promise.all(
      [1, 2, 3].map((n) => createAdmin(app, 'governance-site-editor', `同时${n}`))
    );
    for (const [index, admin] of due.entries()) await expiringIn(admin, [0, 2, 6][index]);
    sent.length = 0;
    const second = await bootSecondInstance('passwordJobs', 'remind');
    const [here, there] = await Promise.all([jobs().remind(), second.run<number>()]);
    expect(here + there.result).toBe(3);
    const emails = [...sent, ...there.emails].filter((m) =>
      due.some((admin) => admin.email === m.to)
    );
    expect(emails.map((m) => m.to).sort()).toEqual(due.map((admin) => admin.email).sort());
    const keys = await app.strapi.db
      .query(PASSWORD_REMINDER)
      .findMany({ where: { userId: { $in: due.map((a) => a.id) } } });
    expect(keys.map((r: { threshold: number }) => r.threshold).sort()).toEqual([1, 3, 7]);
  });

  it('runs the daily job on one instance only', async () => {
    await app.strapi.db
      .query('plugin::governance.job-lease')
      .deleteMany({ where: { name: 'governance-password-daily' } });
    const second = await bootSecondInstance('passwordJobs', 'runDaily');
    const [here, there] = await Promise.all([jobs().runDaily(), second.run<{ ran: boolean }>()]);
    expect([here.ran, there.result.ran].filter(Boolean)).toHaveLength(1);
  });
});

describe('unused accounts', () => {
  it('disables an account unused for 90 days, and never the last super admin', async () => {
    const idle = await createAdmin(app, 'governance-site-editor', '闲置');
    const active = await createAdmin(app, 'governance-site-editor', '在用');
    await app.strapi.db.query(PASSWORD_STATE).update({
      where: { userId: idle.id },
      data: { lastLoginAt: new Date(Date.now() - 91 * DAY) },
    });
    // Every super admin idle too: all but one may go.
    const superAdmins = [await createAdmin(app), await createAdmin(app)];
    for (const admin of superAdmins) {
      await app.strapi.db.query(PASSWORD_STATE).update({
        where: { userId: admin.id },
        data: { lastLoginAt: new Date(Date.now() - 200 * DAY) },
      });
    }
    const disabled = await jobs().disableInactive();
    expect(disabled).toContain(idle.id);
    expect(disabled).not.toContain(active.id);
    const stillActive = await app.strapi.db
      .query('admin::user')
      .count({ where: { roles: { code: 'strapi-super-admin' }, isActive: true } });
    expect(stillActive).toBe(1);
    await app
      .http()
      .post('/admin/login')
      .send({ email: idle.email, password: idle.password })
      .expect(400);
  });

  it('disables an account once, logged once, and keeps the last super admin when two runs meet', async () => {
    const idle = await createAdmin(app, 'governance-site-editor', '重叠');
    await app.strapi.db.query(PASSWORD_STATE).update({
      where: { userId: idle.id },
      data: { lastLoginAt: new Date(Date.now() - 91 * DAY) },
    });
    // Two more idle super admins besides the one left by the test above: two of three may go.
    for (const admin of [await createAdmin(app), await createAdmin(app)]) {
      await app.strapi.db.query(PASSWORD_STATE).update({
        where: { userId: admin.id },
        data: { lastLoginAt: new Date(Date.now() - 200 * DAY) },
      });
    }
    const runs: number[][] = await Promise.all([
      jobs().disableInactive(),
      jobs().disableInactive(),
    ]);
    const disabled = runs.flat();
    expect(disabled.filter((id) => id === idle.id)).toHaveLength(1);
    expect(new Set(disabled).size).toBe(disabled.length);
    expect(disabled).toHaveLength(3);
    const entries = await app.strapi.db
      .query('plugin::governance.audit-entry')
      .count({ where: { action: 'account.disabled', subject: idle.email } });
    expect(entries).toBe(1);
    const stillActive = await app.strapi.db
      .query('admin::user')
      .count({ where: { roles: { code: 'strapi-super-admin' }, isActive: true } });
    expect(stillActive).toBe(1);
    // And again: nothing left to disable, nothing logged.
    expect(await jobs().disableInactive()).toEqual([]);
  });
});
