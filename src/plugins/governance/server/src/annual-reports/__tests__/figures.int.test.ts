/**
 * Issue 20: what the CMS fills in on a site's 政府网站工作年度报表, on crafted data over HTTP —
 * the site's identity, 网站总访问量, 信息发布 by the columns' 年度报表类别 (a renamed column's
 * articles too) with what each figure counted, 留言办理 and 安全防护 — each in the group's local year,
 * and only for the sites the caller may see.
 */
import { DateTime } from 'luxon';
import { createReviewTeam, publishReviewed, type ReviewTeam } from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import type { AutomaticFigures, CountedArticle } from '../../../../shared/contracts/annual-reports';
import type { SiteColumnManagement } from '../../../../shared/contracts/columns';
import { CITIZEN_MESSAGE, INSPECTION_FINDING, INSPECTION_RUN, SITE, SITE_VISIT } from '../../uids';
import { ANNUAL_REPORT_ERRORS } from '../messages';

let app: TestApp;
let team: ReviewTeam;
let sites: Record<'xian' | 'baoji', string>;
let siteIds: Record<'xian' | 'baoji', number>;
let province: TestAdmin;
let xianEditor: TestAdmin;
let xianHandler: TestAdmin;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const figuresOf = async (who: TestAdmin, site: string, year: number) =>
  (await as(who).get(`/governance/annual-reports/sites/${site}/years/${year}/figures`).expect(200))
    .body.data as AutomaticFigures;
const counted = async (who: TestAdmin, site: string, year: number, query: string) => {
  const res = await as(who)
    .get(`/governance/annual-reports/sites/${site}/years/${year}/articles?${query}`)
    .expect(200);
  return res.body as { data: CountedArticle[]; meta: { pagination: { total: number } } };
};

/** Publishes an article under `column` of 西安, first published at `instant` (UTC). */
const published = (title: string, column: string, instant: string, site = sites.xian) =>
  publishReviewed(app, team, { title, site, column }, new Date(instant));

/** A message received by 西安 at `receivedAt` (UTC), stored as the flow would have left it. */
const message = (receivedAt: string, fields: Record<string, unknown> = {}) =>
  app.strapi.db.query(CITIZEN_MESSAGE).create({
    data: {
      site: siteIds.xian,
      category: 'consultation',
      subject: '年度报表用留言',
      body: '年度报表用留言内容',
      name: '王五',
      phone: '13600000000',
      queryCode: `AR${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      receivedAt: new Date(receivedAt),
      dueAt: new Date('2024-12-31T16:00:00Z'),
      status: 'accepted',
      ...fields,
    },
  });
const answered = (workingDays: number, isPublic: boolean) => ({
  status: 'replied',
  reply: '您好，答复内容。',
  repliedAt: new Date('2024-06-01T02:00:00Z'),
  workingDaysToReply: workingDays,
  repliedOnTime: true,
  isPublic,
});

beforeAll(async () => {
  app = await startApp('annual-reports');
  team = await createReviewTeam(app);
  ({
    sites,
    siteIds,
    staff: { province, xianEditor, xianHandler },
  } = await createSitesAndStaff(app, {
    sites: {
      xian: {
        name: '西安市民政局',
        level: 'city',
        url: 'https://mzj.xa.gov.cn',
        columns: ['工作动态', '通知公告', '机构概况', '办事指南'],
      },
      baoji: { name: '宝鸡市民政局', level: 'city', columns: ['工作动态'] },
    },
    staff: {
      province: ['governance-provincial-admin', '省厅管理员'],
      xianEditor: ['governance-site-editor', '西安编辑', { xian: 'editor' }],
      xianHandler: ['governance-message-handler', '西安办理员', { xian: 'handler' }],
    },
  }));
  await app.strapi.documents(SITE).update({
    documentId: sites.xian,
    data: {
      sponsor: '西安市民政局',
      siteType: 'departmentSite',
      siteIdCode: '6101000001',
      icpNumber: '陕ICP备05001234号-1',
      publicSecurityNumber: '陕公网安备 61010202000123号',
    },
  });

  // 信息发布, 2024 in Shanghai: from 2023-12-31T16:00Z to 2024-12-31T16:00Z.
  await published('年终岁末走访慰问困难群众', '工作动态', '2023-12-31T15:59:00Z'); // 2023
  await published('元旦零点发布新年献词', '工作动态', '2023-12-31T16:00:00Z');
  await published('全市民政工作会议召开', '工作动态', '2024-06-01T02:00:00Z');
  await published('关于开展低保年审的通知', '通知公告', '2024-03-01T02:00:00Z');
  await published('西安市民政局机构职能', '机构概况', '2024-02-01T02:00:00Z');
  await published('低保申请办事指南', '办事指南', '2024-04-01T02:00:00Z');
  await published('养老服务补贴发放公示', '通知公告', '2024-12-31T15:59:00Z');
  await published('殡葬改革宣传月活动通知', '通知公告', '2024-12-31T16:00:00Z'); // 2025
  await published('宝鸡市社区建设经验交流', '工作动态', '2024-05-01T02:00:00Z', sites.baoji);

  // The province says 办事指南 is not 概况类信息 (办事服务), and renames 工作动态: its articles
  // filed under the former name still count for it.
  const columns = (
    await as(province).get(`/governance/column-management/sites/${sites.xian}`).expect(200)
  ).body.data as SiteColumnManagement;
  const idOf = (name: string) => columns.columns.find((c) => c.name === name)!.id;
  const change = (body: object) =>
    as(province)
      .post(`/governance/column-management/sites/${sites.xian}/changes`, body)
      .expect(201);
  await change({
    action: 'change',
    column: idOf('办事指南'),
    reportCategory: 'none',
    reason: '办事指南属办事服务',
  });
  await change({
    action: 'change',
    column: idOf('工作动态'),
    name: '民政要闻',
    reason: '栏目名称与门户网站统一',
  });

  // 网站总访问量: local days; a day judged abnormal counts its threshold.
  const visits = (site: string, day: string, n: number, flaggedAbove?: number) =>
    app.strapi.db.query(SITE_VISIT).create({
      data: { siteDocumentId: site, day, visits: n, flaggedAbove: flaggedAbove ?? null },
    });
  await visits(sites.xian, '2023-12-31', 1000);
  await visits(sites.xian, '2024-01-01', 70);
  await visits(sites.xian, '2024-07-01', 5000, 200);
  await visits(sites.xian, '2024-12-31', 30);
  await visits(sites.baoji, '2024-07-01', 900);

  // 留言办理, by the local day of receipt.
  await message('2023-12-31T15:59:00Z', answered(2, true)); // 2023
  await message('2023-12-31T16:00:00Z', answered(3, true));
  await message('2024-03-01T02:00:00Z', answered(6, false));
  await message('2024-04-01T02:00:00Z', {
    ...answered(1, true),
    // A placeholder the quality check flagged is no answer.
    workingDaysToReply: null,
    replyFlagged: true,
  });
  await message('2024-05-01T02:00:00Z'); // still being handled
  await message('2024-12-31T15:59:00Z', { status: 'rejected', invalidation: 'confirmed' });

  // 安全防护: the inspections finished in the year over the group or 西安 alone.
  const run = (finishedAt: string, siteId: number | null) =>
    app.strapi.db.query(INSPECTION_RUN).create({
      data: {
        siteId,
        trigger: 'schedule',
        listVersion: 'v1',
        startedAt: new Date(finishedAt),
        finishedAt: new Date(finishedAt),
      },
    });
  await run('2023-12-31T15:00:00Z', null); // 2023
  await run('2023-12-31T17:00:00Z', null);
  await run('2024-05-01T17:00:00Z', siteIds.xian);
  await run('2024-06-01T17:00:00Z', siteIds.baoji); // another site's own
  await run('2024-07-01T17:00:00Z', null);
  const finding = (firstFoundAt: string, state: string, siteId = siteIds.xian) =>
    app.strapi.db.query(INSPECTION_FINDING).create({
      data: {
        articleDocumentId: `article-${firstFoundAt}-${state}`,
        siteId,
        kind: 'word',
        level: 'forbidden',
        word: '错词',
        field: 'body',
        position: 0,
        found: '错词',
        context: '……错词……',
        fingerprint: `${firstFoundAt}-${state}-${siteId}`,
        listVersion: 'v1',
        state,
        firstFoundAt: new Date(firstFoundAt),
        lastFoundAt: new Date(firstFoundAt),
      },
    });
  await finding('2023-12-31T15:00:00Z', 'open'); // 2023
  await finding('2024-02-01T02:00:00Z', 'open');
  await finding('2024-03-01T02:00:00Z', 'gone');
  await finding('2024-04-01T02:00:00Z', 'gone');
  await finding('2024-05-01T02:00:00Z', 'dismissed'); // a false positive is no problem
  await finding('2024-05-01T02:00:00Z', 'open', siteIds.baoji);
});

afterAll(async () => {
  await app?.stop();
});

describe("a site's automatic figures", () => {
  it("fill the form's head, 信息发布, 网站总访问量 and 留言办理 from the local year", async () => {
    expect(await figuresOf(province, sites.xian, 2024)).toEqual({
      year: 2024,
      site: {
        documentId: sites.xian,
        name: '西安市民政局',
        code: 'xian',
        url: 'https://mzj.xa.gov.cn',
        sponsor: '西安市民政局',
        siteType: 'departmentSite',
        siteIdCode: '6101000001',
        icpNumber: '陕ICP备05001234号-1',
        publicSecurityNumber: '陕公网安备 61010202000123号',
      },
      visits: 70 + 200 + 30,
      // 2024's visits were written as rows, not counted by the beacon: no visitors known.
      uniqueVisitors: null,
      // 民政要闻 (formerly 工作动态) 2, 通知公告 2, 机构概况 1, 办事指南 1 (in the total only).
      publishing: { total: 6, overview: 1, news: 2, disclosure: 2 },
      messages: { received: 5, closed: 2, averageWorkingDays: 4.5, publiclyAnswered: 1 },
      security: { inspections: 3, problemsFound: 3, problemsFixed: 2 },
    });
    const before = await figuresOf(province, sites.xian, 2023);
    expect(before.publishing).toEqual({ total: 1, overview: 0, news: 1, disclosure: 0 });
    expect(before.visits).toBe(1000);
    expect(before.messages).toMatchObject({ received: 1, closed: 1, publiclyAnswered: 1 });
    expect(before.security).toEqual({ inspections: 1, problemsFound: 1, problemsFixed: 0 });
  });

  it("give 独立用户访问总量 from the visitors behind the beacon's visits", async () => {
    const visits = app.strapi.plugin('governance').service('visits');
    const browser =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
    for (let n = 1; n <= 12; n++)
      for (let page = 1; page <= 2; page++)
        await visits.record('xian', {
          userAgent: browser,
          ip: `198.51.100.${n}`,
          referer: `https://mzj.xa.gov.cn/news/${page}.html`,
        });
    await visits.flush();
    const year = DateTime.now().setZone('Asia/Shanghai').year;
    const figures = await figuresOf(province, sites.xian, year);
    expect(figures).toMatchObject({ year, visits: 24 });
    // An estimate: two of the twelve may share the sketch's register (visits.int.test.ts).
    expect(figures.uniqueVisitors).toBeGreaterThanOrEqual(11);
    expect(figures.uniqueVisitors).toBeLessThanOrEqual(12);
  });

  it('list what each 信息发布 figure counted, newest first, a page at a time', async () => {
    const news = await counted(province, sites.xian, 2024, 'figure=news');
    expect(news.data.map((a) => [a.title, a.column])).toEqual([
      ['全市民政工作会议召开', '工作动态'],
      ['元旦零点发布新年献词', '工作动态'],
    ]);
    expect(news.meta.pagination.total).toBe(2);
    const disclosure = await counted(province, sites.xian, 2024, 'figure=disclosure');
    expect(disclosure.data.map((a) => a.title)).toEqual([
      '养老服务补贴发放公示',
      '关于开展低保年审的通知',
    ]);
    const total = await counted(province, sites.xian, 2024, 'figure=total&page=2&pageSize=4');
    expect(total.meta.pagination).toMatchObject({ total: 6, page: 2, pageCount: 2 });
    expect(total.data).toHaveLength(2);
    expect(total.data.at(-1)).toMatchObject({
      title: '元旦零点发布新年献词',
      firstPublishedAt: '2023-12-31T16:00:00.000Z',
    });
  });

  it("are the site members' own: another site's form is unknown, and a handler has none", async () => {
    expect((await figuresOf(xianEditor, sites.xian, 2024)).publishing.total).toBe(6);
    const other = await as(xianEditor)
      .get(`/governance/annual-reports/sites/${sites.baoji}/years/2024/figures`)
      .expect(404);
    expect(other.body.error.message).toBe(ANNUAL_REPORT_ERRORS.noSuchSite);
    await as(xianEditor)
      .get(`/governance/annual-reports/sites/${sites.baoji}/years/2024/articles`)
      .expect(404);
    const handler = await as(xianHandler)
      .get(`/governance/annual-reports/sites/${sites.xian}/years/2024/figures`)
      .expect(403);
    expect(handler.body.error.message).toBe(ANNUAL_REPORT_ERRORS.notYourSite);
  });

  it.each([
    ['a year to come', 'xian/years/2099/figures'],
    ['a year before 2000', 'xian/years/1999/figures'],
    ['a year in words', 'xian/years/twenty/figures'],
    ['an unknown figure', 'xian/years/2024/articles?figure=secrets'],
    ['a page too large', 'xian/years/2024/articles?pageSize=1000'],
  ])('refuse %s with a 400 in Chinese', async (_, path) => {
    const res = await as(province)
      .get(`/governance/annual-reports/sites/${path.replace(/^xian/, sites.xian)}`)
      .expect(400);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
