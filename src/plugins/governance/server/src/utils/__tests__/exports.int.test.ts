/**
 * Every download of the admin, over real HTTP, named and stamped as a Chinese office files it:
 * `2014年发布排名.xlsx`, `操作日志-2026年12月4日.xlsx` (RFC 5987 `filename*`, an ASCII name
 * beside it for old clients), a line "生成于 2026年12月4日 20:31（北京时间）" under the title,
 * and every time in the group's zone, never an ISO/UTC string.
 */
import type { Response } from 'supertest';
import { createReviewTeam, publishReviewed } from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import { csvRecords, sheetRows } from '@test-helpers/spreadsheets';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { localDate, localDateTime } from '../../../../shared/local-time';

let app: TestApp;
let province: TestAdmin;

const as = () => asAdmin(app, province);
const zone = () => app.strapi.config.get<string>('plugin::governance.timezone');

/** The name a browser saves the download under (the UTF-8 one), and the ASCII fallback. */
const namesOf = (res: Response) => {
  const disposition = String(res.headers['content-disposition']);
  return {
    name: decodeURIComponent(disposition.match(/filename\*=UTF-8''([^;]+)/)?.[1] ?? ''),
    ascii: disposition.match(/filename="([^"]+)"/)?.[1],
  };
};

const STAMP = /^生成于 (\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2})（(.+)）$/;
/** The stamp says when the file was made, in the group's zone: within the minute of the request. */
const expectStamp = (line: unknown, before: Date, zoneName = '北京时间') => {
  const match = String(line).match(STAMP);
  expect(match).not.toBeNull();
  expect([localDateTime(before, zone()), localDateTime(new Date(), zone())]).toContain(match![1]);
  expect(match![2]).toBe(zoneName);
};
/** No instant written the machine way: 2026-12-04T12:31:37.527Z. */
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

beforeAll(async () => {
  app = await startApp('exports');
  const made = await createSitesAndStaff(app, {
    sites: {
      portal: { name: '陕西民政网', level: 'portal' },
      xian: { name: '西安市', level: 'city' },
    },
    staff: { province: ['governance-provincial-admin', '建国'] },
  });
  province = made.staff.province;
  const team = await createReviewTeam(app);
  await publishReviewed(
    app,
    team,
    { title: '2014年的一条信息', site: made.sites.xian },
    new Date('2014-05-01T02:00:00Z')
  );
  await as().post('/governance/rankings/snapshots', { year: 2014, note: '年度通报' }).expect(200);
});

afterAll(async () => {
  await app?.stop();
});

describe('发布排名', () => {
  it('is 2014年发布排名.xlsx, live figures said so, stamped in Beijing time', async () => {
    const before = new Date();
    const res = await as().download('/governance/rankings/export?year=2014').expect(200);
    expect(namesOf(res)).toEqual({ name: '2014年发布排名.xlsx', ascii: 'ranking-2014.xlsx' });
    const rows = await sheetRows(res);
    expect(rows[0][0]).toBe('2014年陕西民政网站群信息发布量排名');
    expect(rows[1][0]).toBe('实时数据（尚未冻结，以冻结后的数据为准）');
    expectStamp(rows[2][0], before);
    expect(JSON.stringify(rows)).not.toMatch(ISO_INSTANT);
  });

  it('is 2014年发布排名（冻结）.csv when frozen, with the moment it was frozen in local time', async () => {
    const before = new Date();
    const res = await as()
      .download('/governance/rankings/export?year=2014&format=csv&source=snapshot')
      .expect(200);
    expect(namesOf(res)).toEqual({
      name: '2014年发布排名（冻结）.csv',
      ascii: 'ranking-2014-snapshot.csv',
    });
    const records = csvRecords(res);
    expect(records[1][0]).toMatch(
      /^数据冻结于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}（第1版）$/
    );
    expectStamp(records[2][0], before);
    expect(JSON.stringify(records)).not.toMatch(ISO_INSTANT);
  });
});

describe('操作日志', () => {
  it('is 操作日志-<today>.xlsx, with the filters, the stamp and local times', async () => {
    const before = new Date();
    const res = await as().download('/governance/audit/export?action=rankings.freeze').expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const today = localDate(before, zone());
    expect(namesOf(res).name).toBe(`操作日志-${today}.xlsx`);
    expect(namesOf(res).ascii).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = await sheetRows(res);
    expect(rows[0][0]).toBe('操作日志');
    expect(rows[1][0]).toBe('筛选条件：操作类型：冻结发布排名');
    expectStamp(rows[2][0], before);
    expect(rows[3]).toEqual([
      '序号',
      '时间（北京时间）',
      '操作',
      '操作人',
      '记录',
      'IP 地址',
      '校验码',
    ]);
    const [freeze] = rows.slice(4);
    expect(freeze[1]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/);
    expect(freeze.slice(2, 5)).toEqual([
      '冻结发布排名',
      expect.stringMatching(/建国 \d+（省厅管理员）$/),
      expect.stringMatching(
        /建国 \d+（省厅管理员）冻结2014年发布排名：2个网站，信息1条（年度通报）$/
      ),
    ]);
    expect(JSON.stringify(rows)).not.toMatch(ISO_INSTANT);
  });

  it('is a CSV on asking, and its checkpoints 操作日志校验点-<today>.jsonl', async () => {
    const today = localDate(new Date(), zone());
    const csv = await as().download('/governance/audit/export?format=csv').expect(200);
    expect(namesOf(csv).name).toBe(`操作日志-${today}.csv`);
    expect(csvRecords(csv)[1]).toEqual(['全部记录']);
    const checkpoints = await as().download('/governance/audit/checkpoints').expect(200);
    expect(namesOf(checkpoints).name).toBe(`操作日志校验点-${today}.jsonl`);
  });
});

describe('账号安全', () => {
  it('is 账号安全（全部）-<today>.xlsx, stamped, with last logins in local time', async () => {
    const before = new Date();
    const res = await as().download('/governance/reports/accounts').expect(200);
    expect(namesOf(res).name).toBe(`账号安全（全部）-${localDate(before, zone())}.xlsx`);
    const rows = await sheetRows(res);
    expect(rows[0][0]).toMatch(/账号安全$/);
    expectStamp(rows[1][0], before);
    expect(rows[2][0]).toBe('姓名');
    const own = rows.find((r) => r[1] === province.email)!;
    expect(own[11]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/);
    expect(JSON.stringify(rows)).not.toMatch(ISO_INSTANT);
  });
});

describe('in another zone', () => {
  afterEach(() => app.strapi.config.set('plugin::governance.timezone', 'Asia/Shanghai'));

  it('names and stamps in the configured zone, not the server’s', async () => {
    // 14 hours ahead of UTC: its date is tomorrow's for half the day.
    app.strapi.config.set('plugin::governance.timezone', 'Pacific/Kiritimati');
    const before = new Date();
    const res = await as().download('/governance/reports/accounts').expect(200);
    expect(namesOf(res).name).toBe(
      `账号安全（全部）-${localDate(before, 'Pacific/Kiritimati')}.xlsx`
    );
    expectStamp((await sheetRows(res))[1][0], before, '莱恩群岛时间');
  });
});
