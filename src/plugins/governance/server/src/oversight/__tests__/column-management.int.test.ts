/**
 * Issue 25, trick 10: columns had no owner, and a site could retire a stale column to escape the
 * staleness veto. 栏目管理: the province manages every site's columns; a site's leader proposes
 * for their own site and the province approves or refuses with a reason; retiring (or giving
 * more days to) a stale, nearly stale or empty column needs the province, whose decision records
 * how the column stood; retired columns are kept, no longer offered nor judged; every change and
 * decision is audited; a leader reaches no other site's columns.
 */
import { DateTime } from 'luxon';
import { createReviewTeam, publishReviewed, type ReviewTeam } from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, type TestAdmin, type TestApp, startApp } from '@test-helpers/strapi';
import type { ManagedColumn, SiteColumnManagement } from '../../../../shared/contracts/columns';
import type { SiteOversight } from '../../../../shared/contracts/oversight';
import { ARTICLE, AUDIT_ENTRY, COLUMN_CHANGE, SITE_COLUMN } from '../../uids';
import { COLUMN_MANAGEMENT_ERRORS } from '../messages';

let app: TestApp;
let team: ReviewTeam;
let sites: Record<'xian' | 'baoji', string>;
let province: TestAdmin;
let xianLeader: TestAdmin;
let baojiLeader: TestAdmin;
let xianEditor: TestAdmin;
/** The article published under 工作动态, the column a leader asks to retire. */
let newsArticle: string;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const ZONE = 'Asia/Shanghai';
const daysAgo = (days: number) =>
  DateTime.now().setZone(ZONE).minus({ days }).set({ hour: 10, minute: 0 }).toJSDate();

const managed = async (who: TestAdmin, site: string) =>
  (await as(who).get(`/governance/column-management/sites/${site}`).expect(200)).body
    .data as SiteColumnManagement;
const columnNamed = async (site: string, name: string) =>
  (await managed(province, site)).columns.find((c) => c.name === name) as ManagedColumn;
const change = (who: TestAdmin, site: string, body: object) =>
  as(who).post(`/governance/column-management/sites/${site}/changes`, body);
const decide = (who: TestAdmin, id: number, body: object) =>
  as(who).post(`/governance/column-management/changes/${id}/decision`, body);

/** What 站群监测 shows the province of a site's columns. */
const judged = async (code: string) => {
  const res = await as(province).get('/governance/oversight').expect(200);
  return (res.body.data as SiteOversight[]).find((s) => s.site.code === code)!.columns;
};
const auditOf = async (action: string) =>
  (await app.strapi.db.query(AUDIT_ENTRY).findMany({
    where: { action },
    orderBy: { id: 'asc' },
  })) as Array<{ summary: string; details: Record<string, unknown> }>;
const changeCount = () => app.strapi.db.query(COLUMN_CHANGE).count({});

beforeAll(async () => {
  app = await startApp('column-management');
  team = await createReviewTeam(app);
  ({
    sites,
    staff: { province, xianLeader, baojiLeader, xianEditor },
  } = await createSitesAndStaff(app, {
    sites: {
      xian: {
        name: '西安市民政局',
        level: 'city',
        columns: ['工作动态', '党建工作', '媒体聚焦', '通知公告', '办事指南'],
      },
      baoji: { name: '宝鸡市民政局', level: 'city', columns: ['工作动态'] },
    },
    staff: {
      province: ['governance-provincial-admin', '省厅管理员'],
      xianLeader: ['governance-approver', '西安负责人', { xian: 'leader' }],
      baojiLeader: ['governance-approver', '宝鸡负责人', { baoji: 'leader' }],
      xianEditor: ['governance-site-editor', '西安编辑', { xian: 'editor' }],
    },
  }));
  const publish = (site: string, column: string, days: number) =>
    publishReviewed(app, team, { title: `${column}的文章`, site, column }, daysAgo(days));
  // Stale: news columns go stale after 14 days.
  newsArticle = (await publish(sites.xian, '工作动态', 40)).documentId;
  await publish(sites.xian, '党建工作', 30); // stale too
  await publish(sites.xian, '媒体聚焦', 1); // fresh
  await publish(sites.xian, '办事指南', 100); // static: never stale
  await publish(sites.baoji, '工作动态', 2);
});

afterAll(async () => {
  await app?.stop();
});

describe("a leader's proposal to retire a stale column", () => {
  let proposal: number;

  it('waits for the province: the column stays, still judged stale', async () => {
    const column = await columnNamed(sites.xian, '工作动态');
    expect(column.standing).toMatchObject({ stale: true, idleDays: 40, atRisk: true });

    const res = await change(xianLeader, sites.xian, {
      action: 'retire',
      column: column.id,
      reason: '栏目合并到党建工作，不再单独更新',
    }).expect(202);
    expect(res.body.data.status).toBe('pending');
    proposal = res.body.data.id;

    expect((await columnNamed(sites.xian, '工作动态')).retiredAt).toBeNull();
    expect((await judged('xian')).find((c) => c.name === '工作动态')).toMatchObject({
      stale: true,
    });
    const [entry] = await auditOf('column.propose');
    expect(entry.summary).toContain('申请停用西安市民政局的栏目“工作动态”，待省厅审批');
    expect(entry.summary).toContain('该栏目已 40 天未更新，超过 14 天的更新要求');

    // The province sees it waiting; the leader cannot decide it.
    const list = (await as(province).get('/governance/column-management').expect(200)).body.data;
    expect(list.pending[sites.xian]).toBe(1);
    await decide(xianLeader, proposal, { approve: true, reason: '我同意自己的申请' }).expect(403);
    expect((await columnNamed(sites.xian, '工作动态')).retiredAt).toBeNull();
  });

  it("is made by the province's approval, which records that the column was stale", async () => {
    await decide(province, proposal, { approve: true, reason: '同意合并，请做好内容迁移' }).expect(
      204
    );
    const column = await columnNamed(sites.xian, '工作动态');
    expect(column.retiredAt).not.toBeNull();
    expect(column.standing).toBeNull();

    const [record] = (await managed(province, sites.xian)).changes.filter((c) => c.id === proposal);
    expect(record).toMatchObject({
      status: 'applied',
      proposedBy: expect.stringMatching(/^西安负责人/),
      decidedBy: expect.stringMatching(/^省厅管理员/),
      decisionReason: '同意合并，请做好内容迁移',
      standing: { stale: true, idleDays: 40, atRisk: true },
    });
    const [entry] = await auditOf('column.approve');
    expect(entry.summary).toMatch(
      /^省厅管理员.*（省厅管理员）批准西安负责人.*的栏目调整申请（停用西安市民政局的栏目“工作动态”）（审批时该栏目已 40 天未更新，超过 14 天的更新要求）：同意合并，请做好内容迁移$/
    );
    expect(entry.details).toMatchObject({ approvedAtRisk: true });

    // Kept for history, no longer judged nor offered for a new article.
    expect((await judged('xian')).map((c) => c.name)).not.toContain('工作动态');
    const offered = (await as(xianEditor).get(`/governance/columns?site=${sites.xian}`).expect(200))
      .body.data.columns;
    expect(offered.map((c: { name: string }) => c.name)).not.toContain('工作动态');
    await expect(
      app.strapi.documents(ARTICLE).create({
        data: { title: '新文章', site: sites.xian, column: '工作动态' } as never,
      })
    ).rejects.toThrow(/不是西安市民政局设置的栏目/);
    // The article published under it keeps it when edited.
    await app.strapi.documents(ARTICLE).update({
      documentId: newsArticle,
      data: { title: '工作动态的文章（修订）' } as never,
    });
    // The other site's column of the same name is untouched.
    expect((await judged('baoji')).map((c) => c.name)).toContain('工作动态');
  });
});

describe("the province's own changes", () => {
  it('gives a stale column more days only once the province confirms it, and says so in the log', async () => {
    const column = await columnNamed(sites.xian, '党建工作');
    const before = await changeCount();
    const refused = await change(province, sites.xian, {
      action: 'change',
      column: column.id,
      staleAfterDays: 60,
      reason: '党建工作每月更新一次即可',
    }).expect(400);
    expect(refused.body.error.message).toBe(
      COLUMN_MANAGEMENT_ERRORS.atRisk('该栏目已 30 天未更新，超过 14 天的更新要求')
    );
    expect(await changeCount()).toBe(before);
    expect((await judged('xian')).find((c) => c.name === '党建工作')).toMatchObject({
      stale: true,
      staleAfterDays: 14,
    });

    await change(province, sites.xian, {
      action: 'change',
      column: column.id,
      staleAfterDays: 60,
      reason: '党建工作每月更新一次即可',
      confirmAtRisk: true,
    }).expect(201);
    expect((await judged('xian')).find((c) => c.name === '党建工作')).toMatchObject({
      stale: false,
      staleAfterDays: 60,
    });
    const [entry] = await auditOf('column.change');
    expect(entry.summary).toContain(
      '将西安市民政局的栏目“党建工作”更新要求改为 60 天（该栏目已 30 天未更新，超过 14 天的更新要求，经省厅确认）：党建工作每月更新一次即可'
    );
    expect(entry.details).toMatchObject({ confirmedAtRisk: true });
  });

  it('retires an empty column only knowingly: an empty column counts towards the veto too', async () => {
    const column = await columnNamed(sites.xian, '通知公告');
    expect(column.standing).toMatchObject({ empty: true, atRisk: true });
    await change(province, sites.xian, {
      action: 'retire',
      column: column.id,
      reason: '通知公告统一在门户网站发布',
    }).expect(400);
    await change(province, sites.xian, {
      action: 'retire',
      column: column.id,
      reason: '通知公告统一在门户网站发布',
      confirmAtRisk: true,
    }).expect(201);
    expect((await auditOf('column.change')).at(-1)!.summary).toContain(
      '该栏目从未发布过文章（空白栏目），经省厅确认'
    );
  });

  it('adds a column and renames one, whose articles still count under its new name', async () => {
    await change(province, sites.xian, {
      action: 'add',
      name: '基层动态',
      kind: 'news',
      staleAfterDays: 10,
      sortOrder: 9,
      reason: '新设基层动态栏目',
    }).expect(201);
    expect(await columnNamed(sites.xian, '基层动态')).toMatchObject({
      kind: 'news',
      staleAfterDays: 10,
      sortOrder: 9,
      // Not said: a news column's articles are the annual report's 政务动态信息.
      reportCategory: 'news',
      retiredAt: null,
    });

    const media = await columnNamed(sites.xian, '媒体聚焦');
    await change(province, sites.xian, {
      action: 'change',
      column: media.id,
      name: '新闻聚焦',
      reason: '栏目名称与门户网站统一',
    }).expect(201);
    const renamed = (await judged('xian')).find((c) => c.name === '新闻聚焦')!;
    expect(renamed).toMatchObject({ published: 1, empty: false, stale: false, idleDays: 1 });
    expect((await columnNamed(sites.xian, '新闻聚焦')).formerNames).toEqual(['媒体聚焦']);
    // The old name cannot be given to another column: its articles count for this one.
    await change(province, sites.xian, {
      action: 'add',
      name: '媒体聚焦',
      kind: 'news',
      reason: '再设一个媒体聚焦',
    }).expect(400);
    const audited = (await auditOf('column.change')).map((e) => e.summary).join('\n');
    expect(audited).toContain(
      '为西安市民政局增设栏目“基层动态”（动态类，10 天未更新即超期，年度报表计入政务动态信息）：新设基层动态栏目'
    );
    expect(audited).toContain(
      '将西安市民政局的栏目“媒体聚焦”改名为“新闻聚焦”：栏目名称与门户网站统一'
    );
  });
});

describe("a column's annual report category (年度报表类别)", () => {
  it('follows the kind of a column set up without one, and is changed by the province', async () => {
    // Columns set up before the form have none stored: their kind's.
    expect(await columnNamed(sites.xian, '通知公告')).toMatchObject({
      kind: 'notice',
      reportCategory: 'disclosure',
    });
    const guide = await columnNamed(sites.xian, '办事指南');
    expect(guide).toMatchObject({ kind: 'static', reportCategory: 'overview' });
    await change(province, sites.xian, {
      action: 'change',
      column: guide.id,
      reportCategory: 'none',
      reason: '办事指南属办事服务，不计入概况类信息',
    }).expect(201);
    expect(await columnNamed(sites.xian, '办事指南')).toMatchObject({
      kind: 'static',
      reportCategory: 'none',
    });
    const audited = (await auditOf('column.change')).map((e) => e.summary).join('\n');
    expect(audited).toContain('将西安市民政局的栏目“办事指南”年度报表类别改为不单列');
    // Saying it again changes nothing, and is refused as such.
    await change(province, sites.xian, {
      action: 'change',
      column: guide.id,
      reportCategory: 'none',
      reason: '再改一次同样的类别',
    }).expect(400);
  });

  it('is set when a column is added', async () => {
    await change(province, sites.xian, {
      action: 'add',
      name: '机构概况',
      kind: 'static',
      reportCategory: 'overview',
      reason: '新设机构概况栏目',
    }).expect(201);
    expect(await columnNamed(sites.xian, '机构概况')).toMatchObject({
      kind: 'static',
      reportCategory: 'overview',
    });
  });
});

describe("a leader's other proposals", () => {
  it('one at a time per column; a refusal keeps the column and says why', async () => {
    const column = await columnNamed(sites.xian, '新闻聚焦');
    const { id } = (
      await change(xianLeader, sites.xian, {
        action: 'change',
        column: column.id,
        kind: 'static',
        reason: '新闻聚焦改为静态栏目',
      }).expect(202)
    ).body.data;
    await change(xianLeader, sites.xian, {
      action: 'change',
      column: column.id,
      sortOrder: 1,
      reason: '调整栏目顺序',
    }).expect(400);
    await decide(province, id, { approve: false, reason: '新闻类栏目须保持更新' }).expect(204);
    expect(await columnNamed(sites.xian, '新闻聚焦')).toMatchObject({ kind: 'news' });
    const [entry] = await auditOf('column.refuse');
    expect(entry.summary).toMatch(
      /不批准西安负责人.*的栏目调整申请（将西安市民政局的栏目“新闻聚焦”类型改为静态类）：新闻类栏目须保持更新$/
    );
    // Decided once: a second decision finds nothing waiting.
    await decide(province, id, { approve: true, reason: '改为同意此申请' }).expect(404);
  });

  it('adds a column once the province approves', async () => {
    const { id } = (
      await change(xianLeader, sites.xian, {
        action: 'add',
        name: '政策解读',
        kind: 'policy',
        reason: '按要求开设政策解读栏目',
      }).expect(202)
    ).body.data;
    expect((await managed(xianLeader, sites.xian)).columns.map((c) => c.name)).not.toContain(
      '政策解读'
    );
    await decide(province, id, { approve: false, reason: '不行' }).expect(400);
    await decide(province, id, { approve: true, reason: '同意' }).expect(204);
    expect(await columnNamed(sites.xian, '政策解读')).toMatchObject({ kind: 'policy' });
  });
});

describe('isolation and validation', () => {
  it("keeps a leader out of another site's columns: 404, and nothing changes", async () => {
    const xianColumn = await columnNamed(sites.xian, '新闻聚焦');
    const before = await changeCount();
    await as(baojiLeader).get(`/governance/column-management/sites/${sites.xian}`).expect(404);
    await change(baojiLeader, sites.xian, {
      action: 'retire',
      column: xianColumn.id,
      reason: '替西安停用这个栏目',
    }).expect(404);
    // Through their own site, naming the other site's column.
    await change(baojiLeader, sites.baoji, {
      action: 'retire',
      column: xianColumn.id,
      reason: '替西安停用这个栏目',
    }).expect(404);
    // A site's editor is no leader.
    await as(xianEditor).get(`/governance/column-management/sites/${sites.xian}`).expect(404);
    await change(xianEditor, sites.xian, {
      action: 'add',
      name: '编辑的栏目',
      kind: 'news',
      reason: '编辑自己加栏目',
    }).expect(404);
    expect(await changeCount()).toBe(before);
    expect((await columnNamed(sites.xian, '新闻聚焦')).retiredAt).toBeNull();

    const listed = (await as(baojiLeader).get('/governance/column-management').expect(200)).body
      .data;
    expect(listed).toMatchObject({ as: 'leader', pending: {} });
    expect(listed.sites.map((s: { name: string }) => s.name)).toEqual(['宝鸡市民政局']);
  });

  it.each([
    ['a one-character name', { action: 'add', name: '栏', kind: 'news', reason: '五个字的理由' }],
    ['an unknown kind', { action: 'add', name: '新栏目', kind: 'blog', reason: '五个字的理由' }],
    [
      'zero days',
      { action: 'add', name: '新栏目', kind: 'news', staleAfterDays: 0, reason: '五个字的理由' },
    ],
    ['no reason', { action: 'add', name: '新栏目', kind: 'news', reason: '短' }],
    [
      'an unknown report category',
      {
        action: 'add',
        name: '新栏目',
        kind: 'news',
        reportCategory: 'blog',
        reason: '五个字的理由',
      },
    ],
    ['a change without its column', { action: 'change', name: '新栏目', reason: '五个字的理由' }],
    ['an unknown action', { action: 'delete', column: 1, reason: '五个字的理由' }],
  ])('refuses %s with a 400 and changes nothing', async (_, body) => {
    const before = await changeCount();
    const columns = await app.strapi.db.query(SITE_COLUMN).count({});
    const res = await change(province, sites.xian, body).expect(400);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await changeCount()).toBe(before);
    expect(await app.strapi.db.query(SITE_COLUMN).count({})).toBe(columns);
  });

  it('refuses a change that changes nothing, and a column of no site', async () => {
    const column = await columnNamed(sites.xian, '新闻聚焦');
    const same = await change(province, sites.xian, {
      action: 'change',
      column: column.id,
      name: '新闻聚焦',
      reason: '名称不变的修改',
    }).expect(400);
    expect(same.body.error.message).toBe(COLUMN_MANAGEMENT_ERRORS.nothingChanged);
    await as(province).get('/governance/column-management/sites/nosuchsite').expect(404);
  });
});
