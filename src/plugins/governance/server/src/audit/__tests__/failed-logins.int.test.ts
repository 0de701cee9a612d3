/**
 * Failed logins in the 操作日志, over real HTTP: a script trying ever new e-mails from one address
 * writes at most `failedLogins.perSource` entries a window, and one summary entry counts the rest
 * exactly; another address's failures are still recorded one by one; an account is still locked
 * after 5 wrong passwords, whether the failures were recorded or only counted.
 */
import { createAdmin, startApp, type TestApp } from '@test-helpers/strapi';
import { AUDIT_ENTRY, PASSWORD_STATE } from '../../uids';

const SCRIPT = '203.0.113.9';
const PER_SOURCE = 20;
const WINDOW_MS = 600_000;

let app: TestApp;

const login = (email: string, password: string, ip: string) =>
  app.http().post('/admin/login').set('X-Forwarded-For', ip).send({ email, password });
const loginFailures = () => app.strapi.plugin('governance').service('loginFailures');
const entriesOf = (action: string, ip: string) =>
  app.strapi.db.query(AUDIT_ENTRY).findMany({ where: { action, ip }, orderBy: { seq: 'asc' } });

beforeAll(async () => {
  app = await startApp('audit-failed-logins');
  app.strapi.server.app.proxy = true;
});

afterAll(async () => {
  await app?.stop();
});

it('records 20 failed logins from one address one by one, and counts the other 180 in one summary when the window ends', async () => {
  for (let i = 0; i < 200; i += 1)
    await login(`nobody${i}@test.example`, 'Wrong-Passw0rd!', SCRIPT).expect(400);
  expect(await entriesOf('login.failure', SCRIPT)).toHaveLength(PER_SOURCE);
  expect(await entriesOf('login.failureSummary', SCRIPT)).toEqual([]);

  // Another address meanwhile: recorded as usual.
  await login('someone@test.example', 'Wrong-Passw0rd!', '198.51.100.20').expect(400);
  expect(await entriesOf('login.failure', '198.51.100.20')).toMatchObject([
    { subject: 'someone@test.example' },
  ]);

  // The window ends (the sweep runs every minute; here at once, as of ten minutes later).
  expect(await loginFailures().flush(Date.now() + WINDOW_MS)).toBe(1);
  const [summary, ...more] = await entriesOf('login.failureSummary', SCRIPT);
  expect(more).toEqual([]);
  expect(summary).toMatchObject({
    subject: SCRIPT,
    actorName: '系统',
    details: { source: SCRIPT, recorded: PER_SOURCE, notRecorded: 180 },
    summary: expect.stringMatching(
      new RegExp(
        `^系统 汇总来自 ${SCRIPT.replace(/\./g, '\\.')} 的登录失败：\\d{4}年\\d+月\\d+日 \\d{2}:\\d{2}:\\d{2}至.+间逐条记录 20 条（上限）后，另有 180 次未逐条记录$`
      )
    ),
  });
  // The other address stayed under the cap: nothing to summarise.
  expect(await entriesOf('login.failureSummary', '198.51.100.20')).toEqual([]);
});

it('starts a new window for the address once the last one has ended', async () => {
  await loginFailures().flush(Date.now() + WINDOW_MS + 1000, { all: true });
  await login('again@test.example', 'Wrong-Passw0rd!', SCRIPT).expect(400);
  expect(await entriesOf('login.failure', SCRIPT)).toHaveLength(PER_SOURCE + 1);
});

it('still locks an account after 5 wrong passwords from an address over its cap', async () => {
  for (let i = 0; i < PER_SOURCE; i += 1)
    await login(`filler${i}@test.example`, 'Wrong-Passw0rd!', SCRIPT).expect(400);
  const holder = await createAdmin(app, 'governance-site-editor', '被试');
  const recorded = (await entriesOf('login.failure', SCRIPT)).length;
  for (let attempt = 0; attempt < 5; attempt += 1)
    await login(holder.email, 'Wrong-Passw0rd!', SCRIPT).expect(400);
  const state = await app.strapi.db.query(PASSWORD_STATE).findOne({ where: { userId: holder.id } });
  expect(new Date(state.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
  // Counted, not recorded one by one; the lock itself is recorded.
  expect(await entriesOf('login.failure', SCRIPT)).toHaveLength(recorded);
  expect(
    await app.strapi.db
      .query(AUDIT_ENTRY)
      .findOne({ where: { action: 'account.locked', subject: holder.email } })
  ).not.toBeNull();
  await login(holder.email, holder.password, '198.51.100.30').expect(400);
});
