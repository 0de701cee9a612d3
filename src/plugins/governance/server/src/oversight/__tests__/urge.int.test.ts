/** 催办: the province urges a site's leaders, once a day per site, recorded and audited. */
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { AUDIT_ENTRY } from '../../uids';

let app: TestApp;
let province: TestAdmin;
let sites: Record<'xian' | 'baoji', string>;
let staff: Record<'leader' | 'editor', TestAdmin>;

beforeAll(async () => {
  app = await startApp('urge');
  province = await createAdmin(app, 'governance-provincial-admin', '王建国');
  ({ sites, staff } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市民政局', level: 'city', sortOrder: 1 },
      baoji: { name: '宝鸡市民政局', level: 'city', sortOrder: 2 },
    },
    staff: {
      leader: ['governance-approver', '刘站长', { xian: 'leader' }],
      editor: ['governance-site-editor', '李编辑', { xian: 'editor' }],
    },
  }));
});

afterAll(async () => {
  await app?.stop();
});

const urge = (who: TestAdmin, site: string, body: object = {}) =>
  asAdmin(app, who).post(`/governance/oversight/sites/${site}/urge`, body);

it('records who urged, when and which leaders were told, shows it on the site page and audits it', async () => {
  const res = await urge(province, sites.xian, { note: '首页请于本周内更新' }).expect(201);
  expect(res.body.data).toMatchObject({ note: '首页请于本周内更新', emailed: false });
  expect(res.body.data.urgedBy).toContain('王建国');
  expect(res.body.data.notified).toEqual([expect.stringContaining('刘站长')]);

  // The site's leader sees it on their own site's page.
  const page = await asAdmin(app, staff.leader)
    .get(`/governance/oversight/sites/${sites.xian}`)
    .expect(200);
  expect(page.body.data.urges).toEqual([res.body.data]);

  const entry = await app.strapi.db
    .query(AUDIT_ENTRY)
    .findOne({ where: { action: 'oversight.urge' } });
  expect(entry).toMatchObject({ subject: '西安市民政局' });
  expect(entry.summary).toContain('首页请于本周内更新');
});

it('urges a site once a day: the second urge is a 429 naming who urged first, and nothing is added', async () => {
  const res = await urge(province, sites.xian).expect(429);
  expect(res.body.error.message).toMatch(/今天已由.*王建国.*催办过该站点/);
  const page = await asAdmin(app, province)
    .get(`/governance/oversight/sites/${sites.xian}`)
    .expect(200);
  expect(page.body.data.urges).toHaveLength(1);
  // Another site is its own.
  await urge(province, sites.baoji).expect(201);
});

it('is the province’s act: a site’s own leader and editor are refused', async () => {
  await urge(staff.leader, sites.baoji).expect(403);
  await urge(staff.editor, sites.baoji).expect(403);
});

it('refuses a note over 200 characters and a site that does not exist', async () => {
  await urge(province, sites.baoji, { note: '催'.repeat(201) }).expect(400);
  await urge(province, 'no-such-site').expect(404);
});
