/**
 * 站群监测 on crafted data, with every rule a day before, on and after its threshold (local days
 * in Asia/Shanghai): the home page, stale and empty columns, and the oldest unanswered message.
 */
import { DateTime } from 'luxon';
import { createReviewTeam, publishReviewed, type ReviewTeam } from '@test-helpers/review';
import {
  asAdmin,
  createAdmin,
  scansDuring,
  startApp,
  type TestAdmin,
  type TestApp,
} from '@test-helpers/strapi';

import type { RuleVerdict, SiteOversight } from '../../../../shared/contracts/oversight';
import { SITE, SITE_COLUMN } from '../../uids';

const ZONE = 'Asia/Shanghai';

let app: TestApp;
let team: ReviewTeam;
let province: TestAdmin;
let editor: TestAdmin;
const sites: Record<string, string> = {};

/** 10:00 local time, `days` local days ago (or `months` calendar months ago). */
const ago = ({ days = 0, months = 0 }) =>
  DateTime.now()
    .setZone(ZONE)
    .minus({ days, months })
    .set({ hour: 10, minute: 0, second: 0, millisecond: 0 })
    .toJSDate();

const publishAt = (site: string, column: string, at: Date) =>
  publishReviewed(app, team, { title: `${site} ${column}`, site: sites[site], column }, at);

const columns = (site: string, list: Array<[string, 'news' | 'notice' | 'policy' | 'static']>) =>
  Promise.all(
    list.map(([name, kind], sortOrder) =>
      app.strapi.db
        .query(SITE_COLUMN)
        .create({ data: { siteDocumentId: sites[site], name, kind, sortOrder } })
    )
  );

const message = (site: string, queryCode: string, receivedAt: Date, status = 'accepted') =>
  app.strapi.documents('api::citizen-message.citizen-message').create({
    data: {
      site: sites[site],
      category: 'consultation',
      subject: `咨询 ${queryCode}`,
      body: '请问如何办理？',
      name: '张三',
      queryCode,
      status,
      receivedAt,
    } as never,
  });

let data: SiteOversight[];
const rule = (site: string, name: RuleVerdict['rule']) =>
  data.find((s) => s.site.code === site)!.rules.find((r) => r.rule === name)!;

beforeAll(async () => {
  app = await startApp('oversight');
  team = await createReviewTeam(app);
  province = await createAdmin(app, 'governance-provincial-admin', '建国');
  editor = await createAdmin(app, 'governance-site-editor', '丽');
  for (const [code, level] of [
    ['home-13', 'county'],
    ['home-14', 'county'],
    ['home-15', 'county'],
    ['columns', 'county'],
    ['empty', 'county'],
    ['messages', 'city'],
  ] as const) {
    sites[code] = (
      await app.strapi.documents(SITE).create({ data: { code, name: code, level, active: true } })
    ).documentId;
  }
  for (const site of ['home-13', 'home-14', 'home-15', 'messages'])
    await columns(site, [['工作动态', 'news']]);
  // With warnDays 7: 13 idle days leave 1 (a warning), the 14th trips the rule.
  await publishAt('home-13', '工作动态', ago({ days: 13 }));
  await publishAt('home-14', '工作动态', ago({ days: 14 }));
  await publishAt('home-15', '工作动态', ago({ days: 15 }));

  // One of each kind: news fresh, notice 182 days (a day before), policy 183 (on the day), static old.
  await columns('columns', [
    ['工作动态', 'news'],
    ['通知公告', 'notice'],
    ['政策文件', 'policy'],
    ['办事指南', 'static'],
    ['基层动态', 'news'],
  ]);
  await publishAt('columns', '工作动态', ago({ days: 1 }));
  await publishAt('columns', '通知公告', ago({ days: 182 }));
  await publishAt('columns', '政策文件', ago({ days: 183 }));
  await publishAt('columns', '办事指南', ago({ days: 900 }));

  // Five configured columns with nothing, and a publication filed under no column.
  await columns('empty', [
    ['工作动态', 'news'],
    ['通知公告', 'notice'],
    ['政策文件', 'policy'],
    ['基层动态', 'news'],
    ['信息公开', 'policy'],
  ]);
  await publishReviewed(app, team, { title: 'empty 无栏目', site: sites.empty }, ago({ days: 1 }));

  // The oldest open valid message counts; answered and refused ones do not.
  await publishAt('messages', '工作动态', ago({ days: 1 }));
  await message('messages', 'OVS00001', ago({ months: 3, days: -1 }));
  await message('messages', 'OVS00002', ago({ days: 10 }), 'received');
  await message('messages', 'OVS00003', ago({ months: 5 }), 'replied');
  await message('messages', 'OVS00004', ago({ months: 6 }), 'rejected');

  data = (await asAdmin(app, province).get('/governance/oversight').expect(200)).body.data;
});

afterAll(async () => {
  await app?.stop();
});

describe('GET /governance/oversight', () => {
  it('trips the home-page rule on the 14th idle day, warns the day before', () => {
    expect(rule('home-13', 'homePage')).toMatchObject({
      status: 'warning',
      value: 13,
      daysLeft: 1,
    });
    expect(rule('home-14', 'homePage')).toMatchObject({
      status: 'tripped',
      value: 14,
      daysLeft: 0,
    });
    expect(rule('home-15', 'homePage')).toMatchObject({
      status: 'tripped',
      value: 15,
      daysLeft: 0,
    });
  });

  it('judges each column by its kind: a notice 182 days idle is fresh, a policy 183 days idle stale, static never', () => {
    const site = data.find((s) => s.site.code === 'columns')!;
    const byName = Object.fromEntries(site.columns.map((c) => [c.name, c]));
    expect(byName['工作动态']).toMatchObject({
      kind: 'news',
      staleAfterDays: 14,
      idleDays: 1,
      stale: false,
      published: 1,
    });
    expect(byName['通知公告']).toMatchObject({ staleAfterDays: 183, idleDays: 182, stale: false });
    expect(byName['政策文件']).toMatchObject({ staleAfterDays: 183, idleDays: 183, stale: true });
    expect(byName['办事指南']).toMatchObject({ staleAfterDays: null, stale: false });
    expect(byName['基层动态']).toMatchObject({ empty: true, idleDays: null });
    expect(rule('columns', 'staleColumns')).toMatchObject({ value: 1, status: 'ok' });
    expect(rule('columns', 'emptyColumns')).toMatchObject({ value: 1, status: 'ok' });
  });

  it('fails a site with five empty columns, whatever else it publishes', () => {
    expect(rule('empty', 'emptyColumns')).toMatchObject({ status: 'tripped', value: 5 });
    expect(rule('empty', 'homePage')).toMatchObject({ status: 'ok', value: 1 });
  });

  it('counts down the oldest unanswered valid message to its three months', () => {
    const site = data.find((s) => s.site.code === 'messages')!;
    expect(site.oldestUnanswered).toMatchObject({ subject: '咨询 OVS00001' });
    expect(rule('messages', 'unansweredMessage')).toMatchObject({ status: 'warning', daysLeft: 1 });
  });

  it('gives each site its replies this year, review backlog, publishing mix and expired accounts', () => {
    const site = data.find((s) => s.site.code === 'messages')!;
    // This year's open messages: the one of 10 days ago, and the one of three months ago when that was this year too.
    const thisYear = (at: Date) =>
      DateTime.fromJSDate(at, { zone: ZONE }).year === DateTime.now().setZone(ZONE).year;
    expect(site.replies).toMatchObject({
      open: [ago({ days: 10 }), ago({ months: 3, days: -1 })].filter(thisYear).length,
    });
    expect(site.mix).toEqual({ workNews: 1, analysis: 0, disclosure: 0, other: 0 });
    expect(site.reviewBacklog).toEqual({ waiting: 0, oldestDays: null });
    expect(site.expiredAccounts).toBe(0);
    // Nothing inspected here: no link found broken (inspection/__tests__/link-availability).
    expect(site.brokenLinks).toBe(0);
    expect(site.submissions).toEqual({ submitted: 0, adopted: 0 });
    const columns = data.find((s) => s.site.code === 'columns')!;
    // The 政策文件 and 通知公告 articles are within the year; 办事指南's is older.
    expect(columns.mix).toEqual({ workNews: 1, analysis: 0, disclosure: 2, other: 0 });
  });

  it("counts each site's submissions of this year as the ranking does", async () => {
    await app.strapi.db.query('plugin::governance.submission').create({
      data: {
        sourceArticleDocumentId: 'a1',
        sourceSiteDocumentId: sites.columns,
        targetSiteDocumentId: sites.messages,
        title: '报送',
        status: 'adopted',
        submittedAt: new Date(),
        // Source and adopted copy online (the flags submissions/follow.ts keeps).
        sourcePublished: true,
        copyPublished: true,
      },
    });
    const now = (await asAdmin(app, province).get('/governance/oversight').expect(200)).body
      .data as SiteOversight[];
    expect(now.find((s) => s.site.code === 'columns')!.submissions).toEqual({
      submitted: 1,
      adopted: 1,
    });
  });

  it('lists the failing sites first, then the nearest to failing', () => {
    expect(data.map((s) => s.status)).toEqual(
      [...data.map((s) => s.status)].sort(
        (a, b) => ['tripped', 'warning', 'ok'].indexOf(a) - ['tripped', 'warning', 'ok'].indexOf(b)
      )
    );
    expect(data[0].status).toBe('tripped');
  });

  // The plan does not depend on the tables' size on SQLite (no ANALYZE): what it reads here it
  // reads at ten years of messages.
  (process.env.DATABASE_CLIENT === 'postgres' ? it.skip : it)(
    'reads the waiting messages only, never every message (SQLite plan)',
    async () => {
      const messages = app.strapi.db.metadata.get('api::citizen-message.citizen-message');
      const { joinTable } = messages.attributes.site as unknown as { joinTable: { name: string } };
      const scans = await scansDuring(
        app,
        [
          messages.tableName,
          joinTable.name,
          app.strapi.db.metadata.get('plugin::governance.message-holding').tableName,
        ],
        () => asAdmin(app, province).get('/governance/oversight').expect(200)
      );
      expect(scans).toEqual([]);
    }
  );

  it('is for provincial admins only', async () => {
    await asAdmin(app, editor).get('/governance/oversight').expect(403);
    await app.http().get('/governance/oversight').expect(401);
  });
});

describe('on the day a message reaches three months', () => {
  it('trips the rule', async () => {
    await message('messages', 'OVS00005', ago({ months: 3 }));
    const now = (await asAdmin(app, province).get('/governance/oversight').expect(200)).body
      .data as SiteOversight[];
    const verdict = now
      .find((s) => s.site.code === 'messages')!
      .rules.find((r) => r.rule === 'unansweredMessage')!;
    expect(verdict).toMatchObject({ status: 'tripped', daysLeft: 0 });
  });
});

/**
 * The site-level thresholds a day before, on the day and a day after: the fifth stale column,
 * the fifth empty column, the tenth column idle a year, and a message three months old.
 */
describe('every rule a day before, on and after its threshold', () => {
  let now: SiteOversight[];
  const verdictOf = (site: string, name: RuleVerdict['rule']) =>
    now.find((s) => s.site.code === site)!.rules.find((r) => r.rule === name)!;
  const NEWS = ['工作动态', '基层动态', '单位动态', '媒体聚焦', '党建工作'];
  const NOTICES = Array.from({ length: 10 }, (_, i) => `公告${i + 1}`);

  beforeAll(async () => {
    const newSite = async (code: string) => {
      sites[code] = (
        await app.strapi
          .documents(SITE)
          .create({ data: { code, name: code, level: 'county', active: true } })
      ).documentId;
    };
    // Five news columns, four long stale; the fifth 13, 14 or 15 days idle.
    for (const [code, last] of [
      ['stale-13', 13],
      ['stale-14', 14],
      ['stale-15', 15],
    ] as const) {
      await newSite(code);
      await columns(
        code,
        NEWS.map((name) => [name, 'news'] as [string, 'news'])
      );
      for (const name of NEWS.slice(0, 4)) await publishAt(code, name, ago({ days: 20 }));
      await publishAt(code, NEWS[4], ago({ days: last }));
    }
    // Four, five (the `empty` site above) and six columns with nothing.
    for (const [code, count] of [
      ['empty-4', 4],
      ['empty-6', 6],
    ] as const) {
      await newSite(code);
      await columns(
        code,
        [...NEWS, '信息公开'].slice(0, count).map((name) => [name, 'news'] as [string, 'news'])
      );
      await publishReviewed(
        app,
        team,
        { title: `${code} 无栏目`, site: sites[code] },
        ago({ days: 1 })
      );
    }
    // Ten notice columns, nine idle 400 days; the tenth 364, 365 or 366.
    for (const [code, last] of [
      ['idle-364', 364],
      ['idle-365', 365],
      ['idle-366', 366],
    ] as const) {
      await newSite(code);
      await columns(
        code,
        NOTICES.map((name) => [name, 'notice'] as [string, 'notice'])
      );
      for (const name of NOTICES.slice(0, 9)) await publishAt(code, name, ago({ days: 400 }));
      await publishAt(code, NOTICES[9], ago({ days: last }));
    }
    // A message a day past its three months.
    await newSite('late');
    await columns('late', [['工作动态', 'news']]);
    await publishAt('late', '工作动态', ago({ days: 1 }));
    await message('late', 'OVS00006', ago({ months: 3, days: 1 }));
    now = (await asAdmin(app, province).get('/governance/oversight').expect(200)).body.data;
  });

  it('stale columns: the fifth goes stale on its 14th day', () => {
    expect(verdictOf('stale-13', 'staleColumns')).toMatchObject({
      status: 'warning',
      value: 4,
      daysLeft: 1,
    });
    expect(verdictOf('stale-14', 'staleColumns')).toMatchObject({
      status: 'tripped',
      value: 5,
      daysLeft: 0,
    });
    expect(verdictOf('stale-15', 'staleColumns')).toMatchObject({
      status: 'tripped',
      value: 5,
      daysLeft: 0,
    });
  });

  it('empty columns: four warn, five and six fail', () => {
    expect(verdictOf('empty-4', 'emptyColumns')).toMatchObject({ status: 'warning', value: 4 });
    expect(verdictOf('empty', 'emptyColumns')).toMatchObject({ status: 'tripped', value: 5 });
    expect(verdictOf('empty-6', 'emptyColumns')).toMatchObject({ status: 'tripped', value: 6 });
  });

  it('columns idle a year: the tenth trips on its 365th day', () => {
    expect(verdictOf('idle-364', 'longIdleColumns')).toMatchObject({
      status: 'warning',
      value: 9,
      daysLeft: 1,
    });
    expect(verdictOf('idle-365', 'longIdleColumns')).toMatchObject({
      status: 'tripped',
      value: 10,
      daysLeft: 0,
    });
    expect(verdictOf('idle-366', 'longIdleColumns')).toMatchObject({
      status: 'tripped',
      value: 10,
      daysLeft: 0,
    });
  });

  it('a message: a day past its three months fails the site', () => {
    const verdict = verdictOf('late', 'unansweredMessage');
    expect(verdict).toMatchObject({ status: 'tripped', daysLeft: 0 });
    expect(verdict.value).toBe(verdict.threshold! + 1);
  });
});
