/**
 * Issue 25, trick 6: trivial and duplicate articles counted in the ranking. A site publishes a
 * one-character title, an empty body, an identical copy and a near-copy of another site's
 * article; the review flags each, the ranking counts them raw but not in the figure it ranks by,
 * and lists them with the reason. A different article, and an adopted copy, still count.
 */
import ExcelJS from 'exceljs';
import { paragraph } from '@test-helpers/article-body';
import {
  approveArticle,
  createReviewTeam,
  publishReviewed,
  type ReviewTeam,
} from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import config from '../../config';
import type { RankingResponse } from '../../../../shared/contracts/rankings';
import type { ArticleReview, ExcludedArticle } from '../../../../shared/contracts/review';
import type { SiteOversightDetail } from '../../../../shared/contracts/oversight';
import { localYearOf } from '../../time/local-year';
import { ARTICLE, SITE_COLUMN } from '../../uids';

let app: TestApp;
let province: TestAdmin;
let editor: TestAdmin;
let team: ReviewTeam;
let sites: Record<string, string>;
const year = localYearOf(new Date(), 'Asia/Shanghai');

const TITLE = '市民政局召开全市社会救助工作推进会';
const TEXT =
  '为深入贯彻落实全省民政工作会议精神，进一步加强城乡低保规范管理，市民政局于三月十五日召开全市社会救助工作推进会。会议总结了去年以来全市社会救助工作取得的成效，分析了当前面临的形势和任务，对今年重点工作作出安排部署。会议要求，各区县要把困难群众基本生活保障摆在更加突出的位置，完善最低生活保障、特困人员救助供养和临时救助制度，健全主动发现机制，做到应保尽保、应救尽救。要加强低保对象动态管理，严格审核审批程序，规范资金发放，坚决防止优亲厚友和骗取套取救助资金等问题。要推进社会救助服务向乡镇街道延伸，加强基层经办能力建设，提升救助服务的便利性和可及性。会议还通报了去年社会救助绩效评价结果，六个区县作了交流发言。' +
  '会议强调，做好社会救助工作，事关困难群众切身利益，事关社会和谐稳定。各级民政部门要坚持以人民为中心的发展思想，切实增强责任感和紧迫感，加强与财政、人社、医保、住建、教育等部门的协调配合，形成工作合力。要加大政策宣传力度，通过政府网站、政务新媒体、村务公开栏等渠道，让困难群众知晓政策、用好政策。要强化监督检查，畅通投诉举报渠道，对发现的问题及时督促整改，对违纪违规行为严肃追责问责，切实把党和政府的温暖送到困难群众心坎上。';
const OTHER =
  '近日，省民政厅组织开展养老机构安全隐患专项排查整治行动，聚焦消防安全、食品安全、设施设备安全和服务安全，采取自查自纠、交叉检查和明查暗访相结合的方式，对全省养老机构进行全覆盖检查。截至目前，共检查养老机构一千二百余家，发现并整改各类隐患三百余处。下一步，省民政厅将建立健全隐患排查治理长效机制，压实养老机构安全主体责任，确保老年人生命财产安全。';

const publish = (site: string, title: string, text: string) =>
  publishReviewed(app, team, { title, site: sites[site], body: text ? paragraph(text) : [] });

const draft = (site: string, title: string, text: string) =>
  app.strapi.documents(ARTICLE).create({
    data: { title, site: sites[site], body: text ? paragraph(text) : [] },
  });

const review = async (documentId: string) =>
  (await asAdmin(app, province).get(`/governance/review/articles/${documentId}`).expect(200)).body
    .data as ArticleReview;

const rowOf = async (code: string) => {
  const data = (await asAdmin(app, province).get(`/governance/rankings?year=${year}`).expect(200))
    .body.data as RankingResponse;
  return data.live.groups.flatMap((g) => g.rows).find((row) => row.site.code === code)!;
};

const excludedOf = async (code: string) =>
  (
    await asAdmin(app, province)
      .get(`/governance/rankings/excluded?year=${year}&site=${sites[code]}`)
      .expect(200)
  ).body.data as ExcludedArticle[];

const exclusionOf = async (documentId: string) =>
  (
    await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId, publishedAt: { $notNull: true } } })
  )?.countExclusion ?? null;

const FRESH =
  '本月，省民政厅联合省消防救援总队举办全省民政服务机构消防安全培训班，来自各市区县民政部门和养老机构、儿童福利机构、救助管理站的两百余名负责人参加培训。培训围绕火灾隐患辨识、初起火灾扑救、人员疏散引导和消防设施维护保养等内容，采取专题授课、案例剖析和现场实操相结合的方式进行。参训人员表示，将把培训成果运用到日常管理中，切实筑牢民政服务机构安全防线。';

let original: string;
let copy: string;
let nearCopy: string;
let oneCharacter: string;
let emptyBody: string;

beforeAll(async () => {
  app = await startApp('counting');
  // The deployment's minimums (the test environment turns them off for other fixtures).
  app.strapi.config.set('plugin::governance.articles.trivial', config.default.articles.trivial);
  ({
    sites,
    staff: { province, editor },
  } = await createSitesAndStaff(app, {
    sites: {
      portal: { name: '陕西民政网', level: 'portal', sortOrder: 0 },
      xian: { name: '西安市', level: 'city', sortOrder: 1 },
      baoji: { name: '宝鸡市', level: 'city', sortOrder: 2 },
    },
    staff: {
      province: ['governance-provincial-admin', '建国'],
      editor: ['governance-site-editor', '丽', { baoji: 'editor' }],
    },
  }));
  team = await createReviewTeam(app);
  original = (await publish('xian', TITLE, TEXT)).documentId;
}, 120_000);

afterAll(() => app?.stop());

describe('trivial and duplicate articles (issue 25, trick 6)', () => {
  it('flags a one-character title and an empty body in review; published, they do not count', async () => {
    const short = await draft('baoji', '通', TEXT.slice(0, 200));
    const flags = (await review(short.documentId)).countFlags!;
    expect(flags.trivial).toMatchObject({ title: true, body: false, titleChars: 1 });
    expect(flags.trivial!.minTitleChars).toBe(5);

    const empty = await draft('baoji', '关于做好冬季救助工作的通知', '');
    expect((await review(empty.documentId)).countFlags!.trivial).toMatchObject({
      title: false,
      body: true,
      bodyChars: 0,
      minBodyChars: 50,
    });
    // Punctuation is no content: `。` is a body of 0 characters.
    const dot = await draft('baoji', '关于做好冬季救助工作的通知二', '。');
    expect((await review(dot.documentId)).countFlags!.trivial!.bodyChars).toBe(0);

    // A trivial article may still be published.
    for (const id of [short.documentId, empty.documentId]) {
      await approveArticle(app, team, id);
      await app.strapi.documents(ARTICLE).publish({ documentId: id });
    }
    [oneCharacter, emptyBody] = [short.documentId, empty.documentId];
    expect(await exclusionOf(oneCharacter)).toBe('trivial');
    expect(await exclusionOf(emptyBody)).toBe('trivial');
  });

  it("flags an identical copy and a near-copy of another site's article; published, they do not count", async () => {
    const same = await draft('baoji', TITLE, TEXT);
    const sameFlags = (await review(same.documentId)).countFlags!;
    expect(sameFlags.trivial).toBeNull();
    expect(sameFlags.duplicates).toEqual([
      expect.objectContaining({ documentId: original, siteName: '西安市', distance: 0 }),
    ]);

    // One word changed: 六个区县 → 五个区县, 切实把 → 务必把.
    const changed = TEXT.replace('六个区县', '五个区县').replace('切实把', '务必把');
    const near = await draft('baoji', TITLE, changed);
    const nearFlags = (await review(near.documentId)).countFlags!;
    expect(nearFlags.duplicates.map((d) => d.documentId)).toEqual([original]);
    expect(nearFlags.duplicates[0].distance).toBeGreaterThan(0);
    expect(nearFlags.duplicates[0].distance).toBeLessThanOrEqual(3);

    for (const id of [same.documentId, near.documentId]) {
      await approveArticle(app, team, id);
      await app.strapi.documents(ARTICLE).publish({ documentId: id });
    }
    [copy, nearCopy] = [same.documentId, near.documentId];
    expect(await exclusionOf(copy)).toBe('duplicate');
    expect(await exclusionOf(nearCopy)).toBe('duplicate');
  });

  it('counts a different article, and an adopted copy on the adopting site', async () => {
    const different = await publish('baoji', '省民政厅开展养老机构安全隐患排查整治', OTHER);
    expect((await review(different.documentId)).countFlags!.duplicates).toEqual([]);
    expect(await exclusionOf(different.documentId)).toBeNull();

    // 采用: the portal's copy carries its source (set by the submissions concern, here by hand).
    const adopted = await draft('portal', TITLE, TEXT);
    await app.strapi.db.query(ARTICLE).updateMany({
      where: { documentId: adopted.documentId },
      data: { sourceArticleDocumentId: original },
    });
    expect((await review(adopted.documentId)).countFlags!.duplicates).toEqual([]);
    await approveArticle(app, team, adopted.documentId);
    await app.strapi.documents(ARTICLE).publish({ documentId: adopted.documentId });
    expect(await exclusionOf(adopted.documentId)).toBeNull();
  });

  it('发布排名 shows raw and counted figures, ranks by the counted, and lists what is not counted', async () => {
    expect(await rowOf('xian')).toMatchObject({ articles: 1, rawArticles: 1 });
    // 宝鸡: five published (通, empty body, copy, near-copy, a different one), one counted.
    const baoji = await rowOf('baoji');
    expect(baoji).toMatchObject({ articles: 1, rawArticles: 5 });
    // Ranked by the counted figure: 西安 and 宝鸡 tie at 1 (sortOrder puts 西安 first).
    expect((await rowOf('xian')).rank).toBe(baoji.rank);
    expect(await rowOf('portal')).toMatchObject({ articles: 1, rawArticles: 1 });

    const listed = await excludedOf('baoji');
    expect(listed.map((a) => [a.documentId, a.reason, a.duplicateOf?.documentId ?? null])).toEqual(
      expect.arrayContaining([
        [oneCharacter, 'trivial', null],
        [emptyBody, 'trivial', null],
        [copy, 'duplicate', original],
        [nearCopy, 'duplicate', original],
      ])
    );
    expect(listed).toHaveLength(4);
    expect(listed.find((a) => a.documentId === copy)!.duplicateOf).toMatchObject({
      title: TITLE,
      siteName: '西安市',
      distance: 0,
    });
    expect(await excludedOf('xian')).toEqual([]);
  });

  it('exports the articles not counted as a sheet of the workbook', async () => {
    const response = await asAdmin(app, province)
      .get(`/governance/rankings/export?year=${year}&format=xlsx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.body);
    const sheet = book.getWorksheet('未计入的文章')!;
    const rows: string[] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).join('|')));
    // The title's cell is merged across the columns.
    expect(sheet.getCell('A1').value).toBe(`${year}年未计入信息发布量的文章（共4篇）`);
    expect(rows[1]).toBe('网站|文章标题|首次发布时间|未计入原因');
    expect(rows.filter((row) => row.startsWith('宝鸡市|通|'))).toHaveLength(1);
    expect(rows.some((row) => row.includes(`与《${TITLE}》（西安市）重复`))).toBe(true);
    expect(rows.some((row) => row.includes(`近似《${TITLE}》（西安市）`))).toBe(true);
    const main = book.worksheets[0];
    const baoji: string[] = [];
    main.eachRow((row) => {
      if (row.getCell(1).value === '宝鸡市')
        baoji.push((row.values as unknown[]).slice(1).join('|'));
    });
    expect(baoji[0]).toMatch(/^宝鸡市\|1\|\d+\|.*另有4篇未计入/);
  });

  it('an editor cannot clear the verdict, nor read the list', async () => {
    await app.strapi.documents(ARTICLE).update({
      documentId: copy,
      data: { countExclusion: null, duplicateOf: null } as never,
    });
    // Neither the draft nor the published row lost it (a publication would judge it again).
    const rows = await app.strapi.db.query(ARTICLE).findMany({ where: { documentId: copy } });
    expect(rows.map((row) => [row.countExclusion, row.duplicateOf])).toEqual([
      ['duplicate', original],
      ['duplicate', original],
    ]);
    await asAdmin(app, editor)
      .get(`/governance/rankings/excluded?year=${year}&site=${sites.baoji}`)
      .expect(403);
    await asAdmin(app, province)
      .get(`/governance/rankings/excluded?year=${year}&site=x;drop`)
      .expect(400);
  });

  it('when the original goes offline, its copies are judged again', async () => {
    await app.strapi.documents(ARTICLE).unpublish({ documentId: original });
    // The exact copy is now the earliest: it counts; the near-copy copies it instead.
    expect(await exclusionOf(copy)).toBeNull();
    const near = await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId: nearCopy, publishedAt: { $notNull: true } } });
    expect(near).toMatchObject({ countExclusion: 'duplicate', duplicateOf: copy });
    expect(await rowOf('baoji')).toMatchObject({ articles: 2, rawArticles: 5 });
  });
});

describe('what keeps a column fresh', () => {
  it('does not let a trivial article clear a stale column or the home page', async () => {
    await app.strapi.db.query(SITE_COLUMN).create({
      data: { siteDocumentId: sites.portal, name: '工作动态', kind: 'news', staleAfterDays: 14 },
    });
    const standing = async () => {
      const detail = (
        await asAdmin(app, province).get(`/governance/oversight/sites/${sites.portal}`).expect(200)
      ).body.data as SiteOversightDetail;
      return {
        column: detail.columns.find((c) => c.name === '工作动态')!,
        homePage: detail.rules.find((r) => r.rule === 'homePage')!,
      };
    };
    const monthAgo = new Date(Date.now() - 30 * 86_400_000);
    await publishReviewed(
      app,
      team,
      {
        title: '省民政厅部署养老机构安全检查',
        site: sites.portal,
        column: '工作动态',
        body: paragraph(FRESH),
      },
      monthAgo
    );
    const stale = await standing();
    expect(stale.column).toMatchObject({ stale: true, idleDays: 30 });

    // The trick: `。` under the stale column's name, published today.
    await publishReviewed(app, team, {
      title: '工作动态更新一则',
      site: sites.portal,
      column: '工作动态',
      body: paragraph('。'),
    });
    const after = await standing();
    expect(after.column).toMatchObject({ stale: true, idleDays: 30, published: 1 });
    expect(after.homePage.value).toBe(stale.homePage.value);
  });
});
