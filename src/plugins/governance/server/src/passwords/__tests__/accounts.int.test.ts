/**
 * 账号安全 over real HTTP: every account with its sites, holder, password age and lock; the
 * filters and their counts; unlocking, forcing a change and naming the holder, each on the
 * audit trail; the Excel export; and nobody but the province.
 */
import { sheetRows } from '@test-helpers/spreadsheets';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { PASSWORD_STATE } from '../../uids';

const DAY = 86_400_000;

let app: TestApp;
let province: TestAdmin;
let editor: TestAdmin;
let stale: TestAdmin;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const accounts = async (query = '') =>
  (await as(province).get(`/governance/accounts${query}`).expect(200)).body;
const row = (body: { data: Array<{ id: number }> }, admin: TestAdmin) =>
  body.data.find((a) => a.id === admin.id);

beforeAll(async () => {
  app = await startApp('accounts');
  ({
    staff: { province, editor, stale },
  } = await createSitesAndStaff(app, {
    sites: { xian: { name: '西安市', level: 'city' } },
    staff: {
      province: ['governance-provincial-admin', '省厅'],
      editor: ['governance-site-editor', '编辑', { xian: 'editor' }],
      stale: ['governance-site-editor', '过期'],
    },
  }));
  await app.strapi.db
    .query(PASSWORD_STATE)
    .update({ where: { userId: stale.id }, data: { changedAt: new Date(Date.now() - 95 * DAY) } });
});

afterAll(async () => {
  await app?.stop();
});

it('lists every account with its sites, holder, password age, expiry and lock, with counts per filter', async () => {
  const all = await accounts();
  expect(row(all, editor)).toMatchObject({
    email: editor.email,
    isActive: true,
    roles: ['站点编辑'],
    sites: [{ code: 'xian', name: '西安市', capacity: 'editor' }],
    holderName: null,
    passwordAgeDays: 0,
    daysLeft: 89,
    lockedUntil: null,
    lastLoginAt: expect.any(String),
  });
  expect(row(all, stale)).toMatchObject({ passwordAgeDays: 95, daysLeft: -6 });
  expect(all.meta.counts).toMatchObject({ all: 3, expired: 1, noHolder: 3, locked: 0 });
  expect((await accounts('?filter=expired')).data.map((a: { id: number }) => a.id)).toEqual([
    stale.id,
  ]);
  expect(
    (await accounts(`?q=${encodeURIComponent('编辑')}`)).data.map((a: { id: number }) => a.id)
  ).toEqual([editor.id]);
  await as(province).get('/governance/accounts?filter=everyone').expect(400);
});

it('unlocks, forces a change and names the holder, each on the audit trail', async () => {
  await app.strapi.db.query(PASSWORD_STATE).update({
    where: { userId: editor.id },
    data: { lockedUntil: new Date(Date.now() + 20 * 60_000), failedLogins: 0 },
  });
  expect((await accounts('?filter=locked')).data.map((a: { id: number }) => a.id)).toEqual([
    editor.id,
  ]);
  await as(province).post(`/governance/accounts/${editor.id}/unlock`).expect(204);
  expect((await accounts('?filter=locked')).data).toEqual([]);

  await as(province)
    .put(`/governance/accounts/${editor.id}/holder`, { holderName: '李华' })
    .expect(204);
  await as(province)
    .put(`/governance/accounts/${editor.id}/holder`, { holderName: '' })
    .expect(400);
  await as(province)
    .put(`/governance/accounts/${editor.id}/holder`, { holderName: 'x'.repeat(51) })
    .expect(400);
  expect(row(await accounts(), editor)).toMatchObject({ holderName: '李华' });

  await as(province).post(`/governance/accounts/${editor.id}/force-change`).expect(204);
  const refused = await as(editor).get('/governance/review/queue').expect(403);
  expect(refused.body.error.details).toMatchObject({
    code: 'PASSWORD_EXPIRED',
    reason: 'adminReset',
  });
  await as(province).post('/governance/accounts/999999/unlock').expect(404);

  const trail = await app.strapi.db
    .query('plugin::governance.audit-entry')
    .findMany({ where: { subject: editor.email }, orderBy: { seq: 'asc' } });
  expect(trail.map((e: { action: string }) => e.action)).toEqual(
    expect.arrayContaining(['account.unlocked', 'account.holder', 'account.forceChange'])
  );
});

it('exports the same rows to Excel, under the tab chosen', async () => {
  const res = await as(province)
    .download('/governance/reports/accounts?filter=expired')
    .expect(200);
  expect(res.headers['content-disposition']).toContain('attachment');
  const rows = await sheetRows(res);
  // The title, the moment it was made, the tab, then the table.
  expect(rows[0][0]).toMatch(/账号安全$/);
  expect(rows[1][0]).toMatch(/^生成于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）$/);
  expect(rows[2][0]).toBe('筛选：已过期');
  expect(rows[3]).toEqual([
    '姓名',
    '账号',
    '状态',
    '角色',
    '所属站点（身份）',
    '责任人',
    '密码已用天数',
    '密码到期日',
    '剩余天数',
    '须修改密码',
    '锁定至',
    '最近登录',
  ]);
  expect(rows).toHaveLength(5);
  expect(rows[4]).toContain(stale.email);
});

it("is the province's alone", async () => {
  const other = await createAdmin(app, 'governance-site-editor', '旁人');
  await as(other).get('/governance/accounts').expect(403);
  await as(other).get('/governance/reports/accounts').expect(403);
  await as(other).post(`/governance/accounts/${stale.id}/unlock`).expect(403);
  await as(other).post(`/governance/accounts/${stale.id}/force-change`).expect(403);
  await as(other)
    .put(`/governance/accounts/${stale.id}/holder`, { holderName: '旁人' })
    .expect(403);
});
