/**
 * The ranking on crafted data: dense ranks and ties, sites with nothing, local-midnight year
 * boundaries, republished, unpublished and draft articles, closed and deleted sites; the
 * exports; snapshots; who may see what.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createReviewTeam, publishReviewed, type ReviewTeam } from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { ERRORS } from '../validation';

import type {
  AnnualNotice,
  OwnPlaceResponse,
  Ranking,
  RankingResponse,
  RankingRow,
  RankingSnapshotVersion,
  RankingSnapshotVersions,
} from '../../../../shared/contracts/rankings';
import { SNAPSHOT_ERRORS } from '../snapshots';
import { READING_TTL_MS } from '../../figures/readings';
import { dbNames } from '../../utils/db-names';
import {
  ARTICLE,
  AUDIT_ENTRY,
  CITIZEN_MESSAGE,
  RANKING_SNAPSHOT,
  SITE,
  SITE_VISIT,
} from '../../uids';

let app: TestApp;
let province: TestAdmin;
let editor: TestAdmin;
let team: ReviewTeam;
let sites: Record<string, string>;

/** Publishes an article through review and moves its first publication to `instant`. */
const publishedAt = (site: string, title: string, instant: string, isSpecialTopic = false) =>
  publishReviewed(app, team, { title, site: sites[site], isSpecialTopic }, new Date(instant));

const panel = async (year: number) =>
  (await asAdmin(app, province).get(`/governance/rankings?year=${year}`).expect(200)).body
    .data as RankingResponse;

const rowsOf = (data: RankingResponse, level: string) =>
  data.live.groups.find((g) => g.level === level)!.rows;
const brief = (rows: RankingRow[]) => rows.map((r) => [r.site.code, r.articles, r.rank]);

beforeAll(async () => {
  app = await startApp('rankings');
  ({
    sites,
    staff: { province, editor },
  } = await createSitesAndStaff(app, {
    sites: {
      portal: { name: '陕西民政网', level: 'portal', sortOrder: 0 },
      xian: { name: '西安市', level: 'city', sortOrder: 1 },
      baoji: { name: '宝鸡市', level: 'city', sortOrder: 2 },
      ankang: { name: '安康市', level: 'city', sortOrder: 3 },
      yanan: { name: '延安市', level: 'city', sortOrder: 4 },
      'xian-beilin': { name: '碑林区', level: 'county', sortOrder: 1, parent: 'xian' },
      closed: { name: '已关闭网站', level: 'city', sortOrder: 5 },
      'closed-silent': { name: '早已关闭网站', level: 'city', sortOrder: 6, active: false },
      gone: { name: '已删除网站', level: 'city', sortOrder: 7 },
    },
    staff: {
      province: ['governance-provincial-admin', '建国'],
      editor: ['governance-site-editor', '丽', { baoji: 'editor' }],
    },
  }));
  team = await createReviewTeam(app);

  // 西安: the first and the last second of 2014 in Shanghai, and the first second of 2015.
  await publishedAt('xian', '2014年第一条', '2013-12-31T16:00:00Z');
  await publishedAt('xian', '2014年最后一条', '2014-12-31T15:59:59Z');
  await publishedAt('xian', '2015年第一条', '2014-12-31T16:00:00Z');
  // 宝鸡 ties with 西安; one of its articles is republished, which must not move or double it.
  await publishedAt('baoji', '宝鸡一', '2014-03-01T02:00:00Z', true);
  const republished = await publishedAt('baoji', '宝鸡二', '2014-04-01T02:00:00Z');
  await app.strapi.documents(ARTICLE).unpublish({ documentId: republished.documentId });
  await app.strapi.documents(ARTICLE).publish({ documentId: republished.documentId });
  await publishedAt('baoji', '宝鸡2013', '2013-06-01T02:00:00Z');
  // 安康: one counted, one withdrawn, one draft.
  await publishedAt('ankang', '安康一', '2014-05-01T02:00:00Z');
  const withdrawn = await publishedAt('ankang', '安康撤下', '2014-05-02T02:00:00Z');
  await app.strapi.documents(ARTICLE).unpublish({ documentId: withdrawn.documentId });
  await app.strapi.documents(ARTICLE).create({ data: { title: '安康草稿', site: sites.ankang } });
  await publishedAt('xian-beilin', '碑林一', '2014-07-01T02:00:00Z');
  // A site closed since, with a 2014 article; a deleted site's article counts nowhere.
  await publishedAt('closed', '关闭前发布', '2014-08-01T02:00:00Z');
  await app.strapi.documents(SITE).update({ documentId: sites.closed, data: { active: false } });
  await publishedAt('gone', '删除前发布', '2014-08-02T02:00:00Z');
  await app.strapi.documents(SITE).delete({ documentId: sites.gone });

  // Messages received on either side of the local new year; one replied.
  const message = (queryCode: string, receivedAt: string, repliedAt: string | null) =>
    app.strapi.documents(CITIZEN_MESSAGE).create({
      data: {
        site: sites['xian-beilin'],
        category: 'consultation',
        subject: '咨询',
        body: '请问如何办理？',
        name: '张三',
        queryCode,
        status: repliedAt ? 'replied' : 'received',
        receivedAt: new Date(receivedAt),
        ...(repliedAt ? { repliedAt: new Date(repliedAt) } : {}),
      },
    });
  await message('RANK0001', '2014-12-31T15:59:00Z', '2015-01-05T02:00:00Z');
  await message('RANK0002', '2014-06-01T02:00:00Z', null);
  await message('RANK0003', '2014-12-31T16:00:00Z', null);

  // Visits are kept per local day: 31 December counts for 2014, 1 January for 2015.
  const visits = (code: string, day: string, n: number) =>
    app.strapi.db
      .query(SITE_VISIT)
      .create({ data: { siteDocumentId: sites[code], day, visits: n } });
  await visits('xian', '2014-12-31', 300);
  await visits('xian', '2015-01-01', 7);
  await visits('xian-beilin', '2014-06-01', 500);
  await visits('portal', '2014-06-01', 1000);

  // 宝鸡's submissions upward: one adopted and one withdrawn in 2014, one sent in the first minutes of 2015.
  const submission = (status: string, submittedAt: string) =>
    app.strapi.db.query('plugin::governance.submission').create({
      data: {
        sourceArticleDocumentId: `article-${submittedAt}`,
        sourceSiteDocumentId: sites.baoji,
        targetSiteDocumentId: sites.portal,
        title: '报送',
        status,
        submittedAt: new Date(submittedAt),
        // The kept flags (submissions/follow.ts): its source online, the adopted copy online too.
        sourcePublished: true,
        copyPublished: status === 'adopted',
      },
    });
  await submission('adopted', '2014-05-01T02:00:00Z');
  await submission('withdrawn', '2014-05-02T02:00:00Z');
  await submission('submitted', '2014-12-31T16:30:00Z');
});

afterAll(async () => {
  await app?.stop();
});

describe('GET /governance/rankings', () => {
  it('ranks each level densely by the articles first published in the local year, ties by sortOrder, empty sites last', async () => {
    const data = await panel(2014);
    expect(data.live).toMatchObject({ year: 2014, timezone: 'Asia/Shanghai', days: 365 });
    expect(data.live.groups.map((g) => g.level)).toEqual([
      'portal',
      'city',
      'department',
      'county',
    ]);
    expect(brief(rowsOf(data, 'city'))).toEqual([
      ['xian', 2, 1],
      ['baoji', 2, 1],
      ['ankang', 1, 2],
      ['closed', 1, 2],
      ['yanan', 0, 3],
    ]);
    expect(brief(rowsOf(data, 'portal'))).toEqual([['portal', 0, 1]]);
    expect(rowsOf(data, 'department')).toEqual([]);
    expect(brief(rowsOf(data, 'county'))).toEqual([['xian-beilin', 1, 1]]);
  });

  it('lists a closed site only for the years it has figures in, and a deleted site nowhere', async () => {
    const data = await panel(2014);
    const codes = data.live.groups.flatMap((g) => g.rows.map((r) => r.site.code));
    expect(codes).not.toContain('closed-silent');
    expect(codes).not.toContain('gone');
    expect(rowsOf(data, 'city').find((r) => r.site.code === 'closed')!.site.active).toBe(false);
    expect(brief(rowsOf(await panel(2015), 'city')).map(([code]) => code)).not.toContain('closed');
  });

  it('counts special topics, messages received in the local year, replies and visits per local day', async () => {
    const data = await panel(2014);
    const baoji = rowsOf(data, 'city').find((r) => r.site.code === 'baoji')!;
    expect(baoji.specialTopics).toBe(1);
    const beilin = rowsOf(data, 'county')[0];
    expect(beilin).toMatchObject({ messages: 2, replies: 1, visits: 500 });
    expect(beilin.site.parentName).toBe('西安市');
    expect(rowsOf(data, 'city').find((r) => r.site.code === 'xian')!.visits).toBe(300);
    expect(data.live.totals).toEqual({
      sites: 7,
      articles: 7,
      // Nothing here is trivial (minimums off in tests) or a copy: every article counts.
      rawArticles: 7,
      specialTopics: 1,
      messages: 2,
      replies: 1,
      visits: 1800,
      submitted: 1,
      adopted: 1,
    });
    expect(rowsOf(data, 'city').find((r) => r.site.code === 'baoji')).toMatchObject({
      submitted: 1,
      adopted: 1,
    });
    expect(data.live.groups.find((g) => g.level === 'city')!.totals).toMatchObject({
      sites: 5,
      articles: 6,
    });
    expect(data.live.topVisited.map((t) => [t.site.code, t.visits])).toEqual([
      ['xian-beilin', 500],
      ['xian', 300],
    ]);

    const next = await panel(2015);
    expect(rowsOf(next, 'city').find((r) => r.site.code === 'xian')).toMatchObject({
      articles: 1,
      visits: 7,
    });
    expect(rowsOf(next, 'county')[0]).toMatchObject({ messages: 1, replies: 0 });
    expect(rowsOf(next, 'city').find((r) => r.site.code === 'baoji')).toMatchObject({
      submitted: 1,
      adopted: 0,
    });
  });

  it('compares each site and level with the year before', async () => {
    const data = await panel(2014);
    const city = rowsOf(data, 'city');
    expect(city.find((r) => r.site.code === 'baoji')!.previous).toEqual({ articles: 1, rank: 1 });
    expect(city.find((r) => r.site.code === 'xian')!.previous).toEqual({ articles: 0, rank: 2 });
    // Closed and silent in 2013: not listed then.
    expect(city.find((r) => r.site.code === 'closed')!.previous).toBeNull();
    expect(data.live.previousTotals.articles).toBe(1);
    const next = await panel(2015);
    expect(rowsOf(next, 'city').find((r) => r.site.code === 'xian')!.previous).toEqual({
      articles: 2,
      rank: 1,
    });
  });

  it.each([
    ['abc', ERRORS.year],
    ['1999', ERRORS.year],
    ['2014.5', ERRORS.year],
    ['', ERRORS.year],
  ])('refuses year=%p', async (year, message) => {
    const res = await asAdmin(app, province).get(`/governance/rankings?year=${year}`).expect(400);
    expect(res.body.error.message).toBe(message);
  });

  it('without a year, shows the last complete year with publications', async () => {
    // The latest publication is of 2015; the current year is later.
    expect(
      (await asAdmin(app, province).get('/governance/rankings').expect(200)).body.data.live.year
    ).toBe(2015);
    const notice = (await asAdmin(app, province).get('/governance/rankings/notice').expect(200))
      .body.data as AnnualNotice;
    expect(notice.year).toBe(2015);
    expect(notice.years).toEqual(expect.arrayContaining([2015, 2014, 2013]));
    expect(
      (await asAdmin(app, province).get('/governance/rankings/export?format=csv').expect(400)).body
        .error.message
    ).toBe(ERRORS.yearRequired);
  });

  it('answers only provincial admins', async () => {
    await asAdmin(app, editor).get('/governance/rankings?year=2014').expect(403);
    await asAdmin(app, editor).get('/governance/rankings/export?year=2014').expect(403);
    await asAdmin(app, editor).get('/governance/rankings/notice?year=2014').expect(403);
    await asAdmin(app, editor).post('/governance/rankings/snapshots', { year: 2014 }).expect(403);
    await asAdmin(app, editor).get('/governance/rankings/snapshots?year=2014').expect(403);
    await asAdmin(app, editor).get('/governance/rankings/snapshots/1?year=2014').expect(403);
    await asAdmin(app, editor)
      .put('/governance/rankings/settings', { membersSeeOwnPlace: true })
      .expect(403);
    await app.http().get('/governance/rankings?year=2014').expect(401);
  });
});

describe('GET /governance/rankings/export', () => {
  it("gives the notice's table as CSV: one section per level, 网站 / 信息发布量(条) / 排名 / 报送 / 采用 / 采用率 / 备注", async () => {
    const res = await asAdmin(app, province)
      .get('/governance/rankings/export?year=2014&format=csv')
      .buffer(true)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toContain('ranking-2014.csv');
    const text = res.text.replace(/^\uFEFF/, '');
    const records = parse(text, { relax_column_count: true }) as string[][];
    expect(records[0][0]).toBe('2014年陕西民政网站群信息发布量排名');
    const headings = records.filter((r) => /^[一二三四]、/.test(r[0])).map((r) => r[0]);
    expect(headings).toEqual([
      '一、厅门户网站（1个，合计0条）',
      '二、市级民政网站（5个，合计6条）',
      '三、厅直属单位网站（0个，合计0条）',
      '四、县级民政网站（1个，合计1条）',
    ]);
    expect(records.filter((r) => r[0] === '网站')).toHaveLength(4);
    expect(records.find((r) => r[0] === '西安市')).toEqual(['西安市', '2', '1', '0', '0', '', '']);
    expect(records.find((r) => r[0] === '宝鸡市')).toEqual([
      '宝鸡市',
      '2',
      '1',
      '1',
      '1',
      '100.0%',
      '',
    ]);
    expect(records.find((r) => r[0] === '已关闭网站')).toEqual([
      '已关闭网站',
      '1',
      '2',
      '0',
      '0',
      '',
      '已关闭',
    ]);
    expect(records.find((r) => r[0] === '延安市')).toEqual([
      '延安市',
      '0',
      '3',
      '0',
      '0',
      '',
      '本年未发布信息',
    ]);
    expect(records.find((r) => r[0] === '碑林区')).toEqual([
      '碑林区',
      '1',
      '1',
      '0',
      '0',
      '',
      '西安市',
    ]);
  });

  it('gives the same table as an Excel workbook', async () => {
    const res = await asAdmin(app, province)
      .download('/governance/rankings/export?year=2014&format=xlsx')
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const rows = book.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows[0][0]).toBe('2014年陕西民政网站群信息发布量排名');
    expect(rows).toContainEqual([
      '网站',
      '信息发布量(条)',
      '排名',
      '报送(条)',
      '采用(条)',
      '采用率',
      '备注',
    ]);
    expect(rows).toContainEqual(['宝鸡市', 2, 1, 1, 1, '100.0%', '']);
  });

  it.each([
    ['format=pdf', ERRORS.format],
    ['source=yesterday', ERRORS.source],
  ])('refuses %s', async (query, message) => {
    const res = await asAdmin(app, province)
      .get(`/governance/rankings/export?year=2014&${query}`)
      .expect(400);
    expect(res.body.error.message).toBe(message);
  });
});

describe('snapshots and the annual notice', () => {
  it('freezes a year; later publications change the live figures, not the snapshot or the notice', async () => {
    const frozen = await asAdmin(app, province)
      .post('/governance/rankings/snapshots', { year: 2014, note: '年度通报用' })
      .expect(200);
    expect(frozen.body.data).toMatchObject({ year: 2014, note: '年度通报用' });
    expect(frozen.body.data.takenBy).toContain('建国');

    const before = await asAdmin(app, province)
      .get('/governance/rankings/notice?year=2014')
      .expect(200);
    const notice = before.body.data as AnnualNotice;
    expect(notice.snapshot).toMatchObject({ year: 2014, note: '年度通报用' });

    // A late 2014 publication for 安康.
    await publishedAt('ankang', '补发的2014年信息', '2014-09-01T02:00:00Z');

    const data = await panel(2014);
    expect(rowsOf(data, 'city').find((r) => r.site.code === 'ankang')!.articles).toBe(2);
    expect(
      data
        .snapshot!.ranking.groups.find((g) => g.level === 'city')!
        .rows.find((r) => r.site.code === 'ankang')!.articles
    ).toBe(1);
    expect(data.changedSinceSnapshot).toEqual([
      expect.objectContaining({
        field: 'articles',
        frozen: 1,
        live: 2,
        site: expect.objectContaining({ code: 'ankang' }),
      }),
    ]);

    const after = (
      await asAdmin(app, province).get('/governance/rankings/notice?year=2014').expect(200)
    ).body.data as AnnualNotice;
    expect(after.sections).toEqual(notice.sections);
    expect(after.attachment).toEqual(notice.attachment);

    const snapshotCsv = await asAdmin(app, province)
      .get('/governance/rankings/export?year=2014&format=csv&source=snapshot')
      .buffer(true)
      .expect(200);
    expect(snapshotCsv.text).toContain('安康市,1,');
    const liveCsv = await asAdmin(app, province)
      .get('/governance/rankings/export?year=2014&format=csv')
      .buffer(true)
      .expect(200);
    expect(liveCsv.text).toContain('安康市,2,');
  });

  it("writes the notice from the figures, in the notice's sections", async () => {
    const notice = (
      await asAdmin(app, province).get('/governance/rankings/notice?year=2014').expect(200)
    ).body.data as AnnualNotice;
    expect(notice.title).toBe('关于2014年陕西民政网站群内容维护情况的通报');
    expect(notice.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、信息发布情况',
      '三、网民留言办理情况',
      '四、信息报送情况',
      '五、网站访问情况',
    ]);
    const text = notice.sections.flatMap((s) => s.paragraphs).join('\n');
    expect(text).toContain('共有网站7个，全年发布信息7条，比2013年增加6条（增长600.0%）');
    expect(text).toContain(
      '发布量排名前三的是西安市（2条）、宝鸡市（2条）、安康市（1条）、已关闭网站（1条）'
    );
    expect(text).toContain('全年未发布信息的网站：延安市');
    expect(text).toContain('县级民政网站收到2条、答复1条');
    expect(text).toContain('访问量较高的是碑林区、西安市');
    expect(text).toContain(
      '各网站共报送信息1条，被采用1条，采用率100.0%。被采用较多的是宝鸡市（1条）'
    );
    expect(notice.attachment.sections[1].rows[0]).toEqual(['西安市', 2, 1, 0, 0, '', '']);
  });

  it('drafts the notice of a year not frozen from live figures', async () => {
    const notice = (
      await asAdmin(app, province).get('/governance/rankings/notice?year=2015').expect(200)
    ).body.data as AnnualNotice;
    expect(notice.snapshot).toBeNull();
    expect(notice.attachment.sections[1].rows.find((r) => r[0] === '西安市')).toEqual([
      '西安市',
      1,
      1,
      0,
      0,
      '',
      '',
    ]);
  });

  it('keeps a replaced snapshot as a version: a reason is required, the old version stays, the audit keeps the differences', async () => {
    // The trick: freeze again after a late publication, silently replacing the figures quoted.
    const refused = await asAdmin(app, province)
      .post('/governance/rankings/snapshots', { year: 2014, note: '更正后' })
      .expect(400);
    expect(refused.body.error.message).toBe(SNAPSHOT_ERRORS.reasonRequired(2014, 1));
    const short = await asAdmin(app, province)
      .post('/governance/rankings/snapshots', { year: 2014, reason: '更正' })
      .expect(400);
    expect(short.body.error.message).toBe(ERRORS.reason);
    expect((await panel(2014)).snapshot).toMatchObject({ version: 1, note: '年度通报用' });

    const second = await asAdmin(app, province)
      .post('/governance/rankings/snapshots', {
        year: 2014,
        reason: '安康市补报9月信息一条，经核实予以计入',
      })
      .expect(200);
    expect(second.body.data).toMatchObject({
      year: 2014,
      version: 2,
      reason: '安康市补报9月信息一条，经核实予以计入',
      changedFigures: 1,
    });

    // Both versions listed, newest first; version 1 still readable with its own figures.
    const list = (
      await asAdmin(app, province).get('/governance/rankings/snapshots?year=2014').expect(200)
    ).body.data as RankingSnapshotVersions;
    expect(list.versions.map((v) => [v.version, v.note, v.reason])).toEqual([
      [2, null, '安康市补报9月信息一条，经核实予以计入'],
      [1, '年度通报用', null],
    ]);
    const ankangIn = (ranking: Ranking) =>
      ranking.groups.flatMap((g) => g.rows).find((r) => r.site.code === 'ankang')!.articles;
    const first = (
      await asAdmin(app, province).get('/governance/rankings/snapshots/1?year=2014').expect(200)
    ).body.data as RankingSnapshotVersion;
    expect(ankangIn(first.ranking)).toBe(1);
    const latest = (
      await asAdmin(app, province).get('/governance/rankings/snapshots/2?year=2014').expect(200)
    ).body.data as RankingSnapshotVersion;
    expect(ankangIn(latest.ranking)).toBe(2);
    expect(latest.differences).toEqual([
      expect.objectContaining({ field: 'articles', frozen: 1, live: 2 }),
    ]);
    await asAdmin(app, province).get('/governance/rankings/snapshots/3?year=2014').expect(404);
    await asAdmin(app, province).get('/governance/rankings/snapshots/x?year=2014').expect(400);

    // The audit entry of the replacement keeps the reason and the per-site differences.
    const entry = await app.strapi.db.query(AUDIT_ENTRY).findOne({
      where: { action: 'rankings.freeze' },
      orderBy: { seq: 'desc' },
    });
    expect(entry.summary).toContain('重新冻结2014年发布排名为第2版（替换第1版，保留原版本）');
    expect(entry.details).toMatchObject({
      version: 2,
      replaced: 1,
      reason: '安康市补报9月信息一条，经核实予以计入',
      differences: [{ site: 'ankang', name: '安康市', field: 'articles', before: 1, after: 2 }],
    });

    // The notice quotes version 2 and says so; the snapshot export names its version.
    const notice = (
      await asAdmin(app, province).get('/governance/rankings/notice?year=2014').expect(200)
    ).body.data as AnnualNotice;
    expect(notice.snapshot).toMatchObject({ version: 2 });
    expect(notice.quotes).toMatch(
      /^本通报数据取自2014年发布排名第2版（\d{4}年\d+月\d+日 \d\d:\d\d 由.*建国.*冻结）。$/
    );
    const csv = await asAdmin(app, province)
      .get('/governance/rankings/export?year=2014&format=csv&source=snapshot&version=1')
      .buffer(true)
      .expect(200);
    expect(csv.text).toContain('安康市,1,');
    expect(csv.text).toMatch(/数据冻结于 .+（第1版）/);
    // The Word notice, as filed, names the version too.
    const word = await asAdmin(app, province)
      .download(
        '/governance/reports/annual-notice?year=2014&issuer=' +
          encodeURIComponent('陕西省民政厅办公室') +
          '&docNumber=' +
          encodeURIComponent('陕民办发〔2015〕3号') +
          '&addressee=' +
          encodeURIComponent('各设区市民政局') +
          '&date=2015-01-20'
      )
      .expect(200);
    const documentXml = await (
      await JSZip.loadAsync(word.body)
    )
      .file('word/document.xml')!
      .async('string');
    expect(documentXml).toContain(notice.quotes!);

    // No route edits or removes a version; none leaves version 1 changed.
    for (const res of [
      await asAdmin(app, province).put('/governance/rankings/snapshots/1?year=2014', { note: 'x' }),
      await asAdmin(app, province).delete('/governance/rankings/snapshots/1?year=2014'),
      await asAdmin(app, province).delete('/governance/rankings/snapshots?year=2014'),
    ])
      expect([404, 405]).toContain(res.status);
    expect(await app.strapi.db.query(RANKING_SNAPSHOT).count({ where: { year: 2014 } })).toBe(2);
  });

  it('refuses to freeze a year without sites, and a snapshot export of a year not frozen', async () => {
    const res = await asAdmin(app, province)
      .post('/governance/rankings/snapshots', { year: 2003 })
      .expect(400);
    expect(res.body.error.message).toContain('2003');
    await asAdmin(app, province)
      .get('/governance/rankings/export?year=2015&source=snapshot')
      .expect(404);
    const bad = await asAdmin(app, province)
      .post('/governance/rankings/snapshots', { year: 2014, note: 'x'.repeat(501) })
      .expect(400);
    expect(bad.body.error.message).toBe(ERRORS.note);
  });
});

describe("a site member's own place", () => {
  it("is hidden until the province allows it, then shows only the member's sites", async () => {
    const hidden = (
      await asAdmin(app, editor).get('/governance/rankings/own?year=2014').expect(200)
    ).body.data as OwnPlaceResponse;
    expect(hidden).toMatchObject({ allowed: false, places: [] });

    await asAdmin(app, province)
      .put('/governance/rankings/settings', { membersSeeOwnPlace: 'yes' })
      .expect(400);
    await asAdmin(app, province)
      .put('/governance/rankings/settings', { membersSeeOwnPlace: true })
      .expect(200);
    const own = (await asAdmin(app, editor).get('/governance/rankings/own?year=2014').expect(200))
      .body.data as OwnPlaceResponse;
    expect(own.allowed).toBe(true);
    expect(
      own.places.map((p) => [
        p.row.site.code,
        p.row.articles,
        p.row.rank,
        p.levelSites,
        p.lowestRank,
      ])
    ).toEqual([['baoji', 2, 1, 5, 3]]);
    expect(
      (await asAdmin(app, province).get('/governance/rankings?year=2014').expect(200)).body.data
        .membersSeeOwnPlace
    ).toBe(true);

    await asAdmin(app, province)
      .put('/governance/rankings/settings', { membersSeeOwnPlace: false })
      .expect(200);
    expect(
      (await asAdmin(app, editor).get('/governance/rankings/own?year=2014').expect(200)).body.data
        .places
    ).toEqual([]);
  });
});

describe('the year shown without one', () => {
  it('stays the last complete year with publications when the years between are empty', async () => {
    // Published now: the current year runs, and the years since 2015 have nothing (as in the demo).
    await publishedAt('xian', '本年度的一篇文章', new Date().toISOString());
    expect(
      (await asAdmin(app, province).get('/governance/rankings').expect(200)).body.data.live.year
    ).toBe(2015);
  });
});

describe('the live ranking read again (figures/readings.ts)', () => {
  const yanan = (data: RankingResponse) =>
    rowsOf(data, 'city').find((r) => r.site.code === 'yanan')!;

  it('is served again until a figure changes on this instance, and shows a change made elsewhere within READING_TTL_MS', async () => {
    const first = await panel(2014);
    expect((await panel(2014)).live.computedAt).toBe(first.live.computedAt);

    // A publication here voids it at once.
    await publishedAt('yanan', '延安一', '2014-09-01T02:00:00Z');
    const published = await panel(2014);
    expect(published.live.computedAt).not.toBe(first.live.computedAt);
    expect(yanan(published).articles).toBe(1);

    // What another instance writes (plain SQL: no writer of this one says so) shows once the
    // reading is READING_TTL_MS old, not before.
    const visit = dbNames(app.strapi, SITE_VISIT);
    await app.strapi.db.connection(visit.table).insert({
      document_id: 'visit-from-elsewhere',
      [visit.column('siteDocumentId')]: sites.yanan,
      [visit.column('day')]: '2014-09-01',
      [visit.column('visits')]: 40,
      created_at: new Date(),
      updated_at: new Date(),
      published_at: new Date(),
    });
    expect(yanan(await panel(2014)).visits).toBe(0);
    const now = Date.now();
    const later = jest.spyOn(Date, 'now').mockReturnValue(now + READING_TTL_MS);
    try {
      expect(yanan(await panel(2014)).visits).toBe(40);
    } finally {
      later.mockRestore();
    }
  });
});
