/**
 * Site isolation under attack: the Baoji editor tries the Xi'an documents through every admin
 * route that can reach them, and through the content API with a read-only token. Every try is
 * refused or sees nothing, and the Xi'an data is unchanged afterwards. The admin routes are
 * enumerated from Strapi itself, so a route added by Strapi or by a later feature fails the
 * suite until it is classified here.
 */
import { sheetRows } from '@test-helpers/spreadsheets';
import { createReviewTeam, publishReviewed } from '@test-helpers/review';
import { createSites, createStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { ERRORS } from '../messages';
import { ARTICLE, CITIZEN_MESSAGE } from '../../uids';
import { INBOX_TABS } from '../../../../shared/contracts/messages';

const CM = '/content-manager/collection-types';

let app: TestApp;
let baojiEditor: TestAdmin;
let xianEditor: TestAdmin;
let baojiHandler: TestAdmin;
let baojiReviewer: TestAdmin;
const xian: Record<string, string> = {};
const baoji: Record<string, string> = {};

const as = (admin: TestAdmin) => asAdmin(app, admin);

/** Every row of the Xi'an documents, to compare before and after the attacks. */
const xianRows = async () => {
  const knex = app.strapi.db.connection;
  const articles = await knex('articles')
    .whereIn('document_id', [xian.published, xian.draft])
    .orderBy('id');
  const messages = await knex('citizen_messages').where('document_id', xian.message).orderBy('id');
  const links = await knex('articles_site_lnk')
    .whereIn(
      'article_id',
      articles.map((a: { id: number }) => a.id)
    )
    .orderBy('id');
  return { articles, messages, links };
};

let before: Awaited<ReturnType<typeof xianRows>>;

beforeAll(async () => {
  app = await startApp('isolation');
  const docs = app.strapi.documents;
  const { sites } = await createSites(app, {
    xian: { name: '西安市', level: 'city' },
    baoji: { name: '宝鸡市', level: 'city' },
  });
  xian.site = sites.xian;
  baoji.site = sites.baoji;
  const team = await createReviewTeam(app);
  xian.published = (
    await publishReviewed(app, team, { title: '西安已发布', site: xian.site })
  ).documentId;
  xian.draft = (
    await docs(ARTICLE).create({ data: { title: '西安草稿', site: xian.site } })
  ).documentId;
  baoji.published = (
    await publishReviewed(app, team, { title: '宝鸡已发布', site: baoji.site })
  ).documentId;
  const message = (site: string, queryCode: string) => ({
    site,
    category: 'consultation' as const,
    subject: '咨询',
    body: '请问',
    name: '张三',
    phone: '13300000000',
    queryCode,
    receivedAt: new Date(),
  });
  xian.message = (
    await docs(CITIZEN_MESSAGE).create({ data: message(xian.site, 'XIAN0001') })
  ).documentId;
  baoji.message = (
    await docs(CITIZEN_MESSAGE).create({ data: message(baoji.site, 'BAOJI001') })
  ).documentId;

  ({ baojiEditor, xianEditor, baojiHandler, baojiReviewer } = await createStaff(app, sites, {
    baojiEditor: ['governance-site-editor', '宝鸡编辑', { baoji: 'editor' }],
    xianEditor: ['governance-site-editor', '西安编辑', { xian: 'editor' }],
    baojiHandler: ['governance-message-handler', '宝鸡办理员', { baoji: 'handler' }],
    baojiReviewer: ['governance-reviewer', '宝鸡审核员', { baoji: 'reviewer' }],
  }));
  // The Xi'an draft waits for its first review step: what a Baoji reviewer must not reach.
  await as(xianEditor).post(`/governance/review/articles/${xian.draft}/submit`).expect(200);
  before = await xianRows();
});

afterAll(async () => {
  await app?.stop();
});

const refused = (status: number) => expect([403, 404]).toContain(status);

/**
 * A single read of a document the user may not see. The Content Manager answers 404, or, when
 * the row exists (it checks with a raw query), 200 with empty data: existence, never content.
 */
const seesNothing = (res: { status: number; body: { data?: unknown } }) => {
  if (res.status === 200) {
    expect(res.body.data).toEqual({});
    expect(JSON.stringify(res.body)).not.toMatch(/西安/);
  } else {
    refused(res.status);
  }
};
const titles = (body: { results?: Array<{ title?: string; subject?: string }> }) =>
  (body.results ?? []).map((r) => r.title ?? r.subject);

describe('the Content Manager, article routes', () => {
  const model = `${CM}/${ARTICLE}`;

  it('lists only the own site, in results and counts, whatever the filter', async () => {
    const list = await as(baojiEditor).get(model).expect(200);
    expect(titles(list.body)).toEqual(['宝鸡已发布']);
    expect(list.body.pagination.total).toBe(1);
    const filtered = await as(baojiEditor)
      .get(`${model}?filters[$and][0][site][code][$eq]=xian`)
      .expect(200);
    expect(filtered.body.results).toHaveLength(0);
    const searched = await as(baojiEditor)
      .get(`${model}?_q=${encodeURIComponent('西安')}`)
      .expect(200);
    expect(searched.body.results).toHaveLength(0);
  });

  it("lets the Xi'an editor see Xi'an, as a control", async () => {
    const list = await as(xianEditor).get(model).expect(200);
    expect(titles(list.body).sort()).toEqual(['西安已发布', '西安草稿'].sort());
    await as(xianEditor).get(`${model}/${xian.draft}`).expect(200);
  });

  it.each(['published', 'draft'])("refuses to read the %s Xi'an article", async (which) => {
    seesNothing(await as(baojiEditor).get(`${model}/${xian[which]}`));
    refused(
      (await as(baojiEditor).get(`${model}/${xian[which]}/actions/countDraftRelations`)).status
    );
  });

  it('refuses update, delete, publish, unpublish and discard', async () => {
    const id = xian.published;
    refused((await as(baojiEditor).put(`${model}/${id}`, { title: '被篡改' })).status);
    refused((await as(baojiEditor).delete(`${model}/${id}`)).status);
    refused(
      (await as(baojiEditor).post(`${model}/${xian.draft}/actions/publish`, { title: '被发布' }))
        .status
    );
    refused((await as(baojiEditor).post(`${model}/${id}/actions/unpublish`)).status);
    refused((await as(baojiEditor).post(`${model}/${id}/actions/discard`)).status);
  });

  it('refuses bulk publish, unpublish and delete', async () => {
    const documentIds = [xian.published, xian.draft];
    for (const action of ['bulkPublish', 'bulkUnpublish', 'bulkDelete']) {
      const res = await as(baojiEditor).post(`${model}/actions/${action}`, { documentIds });
      if (res.status === 200) expect(res.body.data?.count ?? res.body.count ?? 0).toBe(0);
      else refused(res.status);
    }
    const validation = await as(baojiEditor).post(`${model}/actions/bulkFindForValidation`, {
      documentIds,
    });
    if (validation.status === 200) expect(JSON.stringify(validation.body)).not.toContain('西安');
    else refused(validation.status);
    const counts = await as(baojiEditor).get(
      `${model}/actions/countManyEntriesDraftRelations?documentIds[0]=${xian.draft}`
    );
    if (counts.status === 200) expect(counts.body.data).toBe(0);
    else refused(counts.status);
  });

  it("refuses to clone a Xi'an article", async () => {
    const clone = await as(baojiEditor).post(`${model}/clone/${xian.published}`, { title: '复制' });
    refused(clone.status);
    // Auto-clone stops earlier, on the schema's unique slug (400): it names fields, no content.
    const auto = await as(baojiEditor).post(`${model}/auto-clone/${xian.published}`);
    expect([400, 403, 404]).toContain(auto.status);
    expect(JSON.stringify(auto.body)).not.toMatch(/西安/);
  });

  it("refuses to create an article for Xi'an, and defaults to the own site", async () => {
    // Strapi refuses first: the editor cannot read the Xi'an site to connect it.
    await as(baojiEditor).post(model, { title: '冒充西安', site: xian.site }).expect(403);
    const own = await as(baojiEditor).post(model, { title: '宝鸡新稿' }).expect(201);
    const stored = await app.strapi
      .documents(ARTICLE)
      .findOne({ documentId: own.body.data.documentId, populate: ['site'] });
    expect((stored?.site as { code?: string })?.code).toBe('baoji');
  });

  it.each([
    ['a documentId', () => xian.site],
    ['a single connect object', () => ({ connect: { documentId: xian.site } })],
    ['connect with a list', () => ({ connect: [{ documentId: xian.site }] })],
    ['set', () => ({ set: [{ documentId: xian.site }] })],
    ["a list whose last item is Xi'an", () => [baoji.site, xian.site]],
  ])("refuses to move an own article to Xi'an given as %s", async (_shape, site) => {
    const res = await as(baojiEditor).put(`${model}/${baoji.published}`, { site: site() });
    expect([400, 403]).toContain(res.status);
    const rows = await app.strapi.db
      .query(ARTICLE)
      .findMany({ where: { documentId: baoji.published }, populate: ['site'] });
    expect(rows.map((r: { site?: { code?: string } }) => r.site?.code)).toEqual(['baoji', 'baoji']);
  });

  it('refuses to take the site off an own article', async () => {
    const res = await as(baojiEditor).put(`${model}/${baoji.published}`, {
      site: { connect: [], disconnect: [{ documentId: baoji.site }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(ERRORS.siteRequired);
  });

  it("offers only own sites in the site picker, and no Xi'an article relations", async () => {
    const picker = await as(baojiEditor)
      .get(`/content-manager/relations/${ARTICLE}/site`)
      .expect(200);
    expect(picker.body.results.map((s: { name: string }) => s.name)).toEqual(['宝鸡市']);
    refused(
      (await as(baojiEditor).get(`/content-manager/relations/${ARTICLE}/${xian.published}/site`))
        .status
    );
  });

  it("leaves Xi'an out of the home page widgets", async () => {
    const recent = await as(baojiEditor)
      .get('/content-manager/homepage/recent-documents?action=update')
      .expect(200);
    expect(JSON.stringify(recent.body)).not.toContain('西安');
    // Strapi counts every site with raw SQL there: site-bound users are refused it.
    await as(baojiEditor).get('/content-manager/homepage/count-documents').expect(403);
  });
});

describe('the Content Manager, citizen message routes', () => {
  const model = `${CM}/${CITIZEN_MESSAGE}`;

  it("shows the handler only the own site's messages, never the Xi'an one", async () => {
    const list = await as(baojiHandler).get(model).expect(200);
    expect(titles(list.body)).toEqual(['咨询']);
    expect(list.body.results[0].documentId).toBe(baoji.message);
    seesNothing(await as(baojiHandler).get(`${model}/${xian.message}`));
    refused((await as(baojiHandler).put(`${model}/${xian.message}`, { reply: '越权答复' })).status);
  });

  it("shows site editors their own site's messages only", async () => {
    const list = await as(baojiEditor).get(model).expect(200);
    expect(list.body.results.map((m: { documentId: string }) => m.documentId)).toEqual([
      baoji.message,
    ]);
    seesNothing(await as(baojiEditor).get(`${model}/${xian.message}`));
  });
});

describe('the governance routes', () => {
  it('refuses the overview and the site management to a site editor', async () => {
    await as(baojiEditor).get('/governance/overview').expect(403);
    await as(baojiEditor).get('/governance/sites').expect(403);
    await as(baojiEditor).get('/governance/sites/users?q=admin').expect(403);
    await as(baojiEditor)
      .post(`/governance/sites/${xian.site}/members`, {
        userId: baojiEditor.id,
        capacity: 'editor',
      })
      .expect(403);
    const [membership] = await app.strapi.db
      .query('plugin::governance.site-membership')
      .findMany({ where: { user: { id: xianEditor.id } } });
    expect(membership).toBeDefined();
    await as(baojiEditor).delete(`/governance/memberships/${membership.id}`).expect(403);
    expect(
      await app.strapi.db
        .query('plugin::governance.site-membership')
        .count({ where: { user: { id: baojiEditor.id } } })
    ).toBe(1);
  });

  it('does not let another site’s editor read, submit or withdraw its articles, or manage the word list', async () => {
    const review = '/governance/review/articles';
    await as(baojiEditor).get(`${review}/${xian.draft}`).expect(404);
    await as(baojiEditor).get(`${review}/${xian.published}`).expect(404);
    await as(baojiEditor).post(`${review}/${xian.draft}/submit`).expect(404);
    await as(baojiEditor).post(`${review}/${xian.draft}/withdraw`).expect(404);
    await as(baojiEditor)
      .post(`${review}/${xian.draft}/approve`, { contentHash: 'a'.repeat(64), checklist: {} })
      .expect(403);
    await as(baojiEditor)
      .post(`${review}/${xian.draft}/reject`, { reason: '试图退回别站文章' })
      .expect(403);
    for (const tab of ['toReview', 'mine', 'all']) {
      const queue = await as(baojiEditor).get(`/governance/review/queue?tab=${tab}`).expect(200);
      expect(JSON.stringify(queue.body)).not.toMatch(/西安/);
    }
    await as(baojiEditor).get('/governance/review/count').expect(200);
    await as(baojiEditor).get('/governance/review/words').expect(403);
    await as(baojiEditor)
      .post('/governance/review/words', { word: '测试', level: 'check' })
      .expect(403);
    await as(baojiEditor)
      .put('/governance/review/words/1', { word: '测试', level: 'check' })
      .expect(403);
    await as(baojiEditor).delete('/governance/review/words/1').expect(403);
    const wording = '/governance/review/wording-rules';
    await as(baojiEditor).get(wording).expect(403);
    await as(baojiEditor).get(`${wording}/export`).expect(403);
    await as(baojiEditor).post(`${wording}/import`).expect(403);
    await as(baojiEditor)
      .post(wording, { wrong: '测试', right: '测验', category: 'other' })
      .expect(403);
    await as(baojiEditor)
      .put(`${wording}/1`, { wrong: '测试', right: '测验', category: 'other' })
      .expect(403);
    await as(baojiEditor).delete(`${wording}/1`).expect(403);
    // 外链名单: the province's, like the word list.
    const hosts = '/governance/review/link-hosts';
    await as(baojiEditor).get(hosts).expect(403);
    await as(baojiEditor).post(hosts, { host: 'evil.example', list: 'allow' }).expect(403);
    await as(baojiEditor).put(`${hosts}/1`, { host: 'evil.example', list: 'allow' }).expect(403);
    await as(baojiEditor).delete(`${hosts}/1`).expect(403);
    // 内容巡检: the own site's findings only. 西安's published articles have some.
    await app.strapi.db
      .query('plugin::governance.sensitive-word')
      .create({ data: { word: '西安', level: 'check' } });
    await app.strapi.plugin('governance').service('contentInspection').run();
    expect(
      await app.strapi.db
        .query('plugin::governance.inspection-finding')
        .count({ where: { title: { $contains: '西安' } } })
    ).toBeGreaterThan(0);
    const summary = await as(baojiEditor).get('/governance/inspection/summary').expect(200);
    expect(JSON.stringify(summary.body)).not.toMatch(/西安/);
    const listed = await as(baojiEditor)
      .get('/governance/inspection/findings?site=xian')
      .expect(200);
    expect(listed.body.data).toEqual([]);
    const exported = await as(baojiEditor)
      .download('/governance/inspection/findings/export?site=xian')
      .expect(200);
    const exportedRows = (await sheetRows(exported)).map((row) => String(row[0] ?? ''));
    expect(exportedRows.slice(exportedRows.indexOf('站点') + 1)).toEqual([]);
    await as(baojiEditor)
      .post('/governance/inspection/findings/1/dismiss', { reason: '试图处理别站' })
      .expect(404);
    await as(baojiEditor).post('/governance/inspection/runs', { site: 'xian' }).expect(404);
    // 撤稿 of another site's article through one of its findings: refused, and it stays online.
    const xianFinding = (await app.strapi.db
      .query('plugin::governance.inspection-finding')
      .findOne({ where: { title: { $contains: '西安' }, state: 'open' } })) as {
      id: number;
      articleDocumentId: string;
    };
    await as(baojiEditor)
      .post(`/governance/inspection/findings/${xianFinding.id}/unpublish`, {
        reason: '试图撤下别站文章',
      })
      .expect(404);
    expect(
      await app.strapi.db.query('api::article.article').count({
        where: { documentId: xianFinding.articleDocumentId, publishedAt: { $notNull: true } },
      })
    ).toBe(1);
  });

  it('does not let another site’s handler or editor read or act on its messages', async () => {
    const { id } = await app.strapi.db
      .query(CITIZEN_MESSAGE)
      .findOne({ where: { documentId: xian.message }, select: ['id'] });
    for (const who of [baojiHandler, baojiEditor]) {
      for (const tab of INBOX_TABS) {
        const inbox = await as(who).get(`/governance/messages?tab=${tab}&site=xian`).expect(200);
        expect(inbox.body.data).toEqual([]);
        expect(Object.values(inbox.body.meta.counts)).toEqual(INBOX_TABS.map(() => 0));
      }
      await as(who).get(`/governance/messages/${id}`).expect(404);
      for (const [action, body] of [
        ['sign', {}],
        ['reply', { text: '您好，这是宝鸡的答复内容。' }],
        ['transfer', { site: 'baoji', reason: '抢过来办理' }],
        ['extension', { workingDays: 3, reason: '需要更多时间' }],
        ['invalid', { reason: '不是我们的事情' }],
        ['close', {}],
        ['transfer/accept', {}],
        ['transfer/refuse', { reason: '不接收西安的留言' }],
      ] as const) {
        await as(who).post(`/governance/messages/${id}/${action}`, body).expect(404);
      }
      await as(who)
        .post(`/governance/messages/${id}/extension/decision`, { approve: true })
        .expect(403);
      // Ruling 误派 and deciding a refusal are the province's.
      await as(who)
        .post(`/governance/messages/${id}/misassigned`, { reason: '宝鸡认定西安误派' })
        .expect(403);
      await as(who)
        .post(`/governance/messages/${id}/invalid/decision`, { confirm: true })
        .expect(403);
      // The province's statistics and spot checks span every site: not a site's people's.
      await as(who).get('/governance/messages/statistics?year=2026').expect(403);
      await as(who).get('/governance/messages/spot-checks/sample?year=2026').expect(403);
      await as(who)
        .post(`/governance/messages/${id}/spot-check`, {
          verdict: 'substandard',
          comment: '宝鸡试图抽查西安',
        })
        .expect(403);
      // Accounts and the audit trail (which names messages and who read them): the province's.
      await as(who).get('/governance/accounts').expect(403);
      await as(who).get('/governance/reports/accounts').expect(403);
      await as(who).get('/governance/audit?actor=西安').expect(403);
      await as(who).get('/governance/audit/export').expect(403);
    }
  });

  it('does not let another site’s reviewer see or decide its articles', async () => {
    const review = '/governance/review/articles';
    await as(baojiReviewer).get(`${review}/${xian.draft}`).expect(404);
    const seen = {
      contentHash: 'a'.repeat(64),
      checklist: { noClassifiedContent: true, noPersonalData: true, wordingChecked: true },
    };
    await as(baojiReviewer).post(`${review}/${xian.draft}/approve`, seen).expect(404);
    await as(baojiReviewer)
      .post(`${review}/${xian.draft}/reject`, { reason: '试图退回别站文章' })
      .expect(404);
    await as(baojiReviewer).post(`${review}/${xian.draft}/submit`).expect(403);
    const queue = await as(baojiReviewer).get('/governance/review/queue?tab=all').expect(200);
    expect(queue.body.data).toEqual([]);
    expect((await as(baojiReviewer).get('/governance/review/count').expect(200)).body.data).toEqual(
      { toReview: 0, toRevise: 0 }
    );
  });

  it("does not let another site's editor read its annual report figures or what they counted", async () => {
    const year = new Date().getFullYear();
    const form = `/governance/annual-reports/sites/${xian.site}/years/${year}`;
    await as(baojiEditor).get(`${form}/figures`).expect(404);
    const listed = await as(baojiEditor).get(`${form}/articles`).expect(404);
    expect(JSON.stringify(listed.body)).not.toMatch(/西安/);
    // A reviewer holds neither annual-report action.
    await as(baojiReviewer).get(`${form}/figures`).expect(403);
    // The control: the site's own editor reads them.
    await as(xianEditor).get(`${form}/figures`).expect(200);
  });
});

describe('the content API with a read-only token', () => {
  it('shows published articles only and no messages', async () => {
    const token = await app.strapi
      .service('admin::api-token')
      .create({ name: 'read-only', type: 'read-only', lifespan: null, description: '' });
    const auth = { Authorization: `Bearer ${token.accessKey}` };
    const drafts = await app.http().get('/api/articles?status=draft').set(auth).expect(200);
    expect(drafts.body.data.map((a: { title: string }) => a.title)).not.toContain('西安草稿');
    await app.http().get(`/api/articles/${xian.draft}`).set(auth).expect(404);
    // The public list of published replies is the only message route: the token's scopes lack it.
    const messages = await app.http().get('/api/citizen-messages').set(auth);
    expect([403, 404]).toContain(messages.status);
    expect(JSON.stringify(messages.body)).not.toContain('张三');
  });
});

/**
 * Every admin route of Strapi and its plugins that can reach articles or messages, and what
 * covers it above. A route missing here fails the suite: classify it before it ships.
 */
const COVERED = new Set([
  'GET /content-manager/collection-types/:model',
  'POST /content-manager/collection-types/:model',
  'POST /content-manager/collection-types/:model/clone/:sourceId',
  'POST /content-manager/collection-types/:model/auto-clone/:sourceId',
  'GET /content-manager/collection-types/:model/:id',
  'PUT /content-manager/collection-types/:model/:id',
  'DELETE /content-manager/collection-types/:model/:id',
  'POST /content-manager/collection-types/:model/actions/publish',
  'POST /content-manager/collection-types/:model/:id/actions/publish',
  'POST /content-manager/collection-types/:model/:id/actions/unpublish',
  'POST /content-manager/collection-types/:model/:id/actions/discard',
  'POST /content-manager/collection-types/:model/actions/bulkDelete',
  'POST /content-manager/collection-types/:model/actions/bulkFindForValidation',
  'POST /content-manager/collection-types/:model/actions/bulkPublish',
  'POST /content-manager/collection-types/:model/actions/bulkUnpublish',
  'GET /content-manager/collection-types/:model/:id/actions/countDraftRelations',
  'GET /content-manager/collection-types/:model/actions/countManyEntriesDraftRelations',
  'GET /content-manager/relations/:model/:targetField',
  'GET /content-manager/relations/:model/:id/:targetField',
  'GET /content-manager/homepage/recent-documents',
  'GET /content-manager/homepage/count-documents',
  'GET /governance/overview',
  'GET /governance/sites',
  'GET /governance/sites/users',
  'POST /governance/sites/:documentId/members',
  'DELETE /governance/memberships/:id',
  'GET /governance/review/queue',
  'GET /governance/review/count',
  'GET /governance/review/articles/:documentId',
  'POST /governance/review/articles/:documentId/submit',
  'POST /governance/review/articles/:documentId/withdraw',
  'POST /governance/review/articles/:documentId/approve',
  'POST /governance/review/articles/:documentId/reject',
  'GET /governance/review/words',
  'POST /governance/review/words',
  'PUT /governance/review/words/:id',
  'DELETE /governance/review/words/:id',
  'GET /governance/review/wording-rules',
  'GET /governance/review/wording-rules/export',
  'POST /governance/review/wording-rules/import',
  'POST /governance/review/wording-rules',
  'PUT /governance/review/wording-rules/:id',
  'DELETE /governance/review/wording-rules/:id',
  'GET /governance/inspection/summary',
  'GET /governance/inspection/findings',
  'GET /governance/inspection/findings/export',
  'GET /governance/review/link-hosts',
  'POST /governance/review/link-hosts',
  'PUT /governance/review/link-hosts/:id',
  'DELETE /governance/review/link-hosts/:id',
  'POST /governance/inspection/findings/:id/dismiss',
  'POST /governance/inspection/findings/:id/unpublish',
  'POST /governance/inspection/runs',
  'GET /governance/annual-reports/sites/:documentId/years/:year/figures',
  'GET /governance/annual-reports/sites/:documentId/years/:year/articles',
  'GET /governance/messages',
  'GET /governance/messages/:id',
  'POST /governance/messages/:id/sign',
  'POST /governance/messages/:id/reply',
  'POST /governance/messages/:id/transfer',
  'POST /governance/messages/:id/extension',
  'POST /governance/messages/:id/extension/decision',
  'POST /governance/messages/:id/invalid',
  'POST /governance/messages/:id/transfer/accept',
  'POST /governance/messages/:id/transfer/refuse',
  'POST /governance/messages/:id/misassigned',
  'POST /governance/messages/:id/invalid/decision',
  'POST /governance/messages/:id/close',
  'POST /governance/messages/:id/category',
  'GET /governance/messages/statistics',
  'GET /governance/messages/spot-checks/sample',
  'POST /governance/messages/:id/spot-check',
  'GET /governance/accounts',
  'GET /governance/audit',
  'GET /governance/audit/export',
]);

/** Admin routes that cannot return or change an article or message document, and why. */
const UNRELATED: Record<string, string> = {
  'GET /content-manager/init': 'content-type list, no documents',
  'GET /content-manager/content-types': 'schemas only',
  'GET /content-manager/content-types-settings': 'view settings only',
  'GET /content-manager/content-types/:uid/configuration': 'view settings only',
  'PUT /content-manager/content-types/:uid/configuration':
    'view settings, needs the configure-view permission editors lack',
  'GET /content-manager/components': 'schemas only',
  'GET /content-manager/components/:uid/configuration': 'view settings only',
  'PUT /content-manager/components/:uid/configuration': 'view settings only',
  'POST /content-manager/uid/generate': 'generates a slug, reveals no document',
  'POST /content-manager/uid/check-availability': 'answers whether a slug is free (no content)',
  'GET /content-manager/single-types/:model': 'articles and messages are collection types',
  'PUT /content-manager/single-types/:model': 'articles and messages are collection types',
  'DELETE /content-manager/single-types/:model': 'articles and messages are collection types',
  'POST /content-manager/single-types/:model/actions/publish':
    'articles and messages are collection types',
  'POST /content-manager/single-types/:model/actions/unpublish':
    'articles and messages are collection types',
  'POST /content-manager/single-types/:model/actions/discard':
    'articles and messages are collection types',
  'GET /content-manager/single-types/:model/actions/countDraftRelations':
    'articles and messages are collection types',
  'GET /content-manager/preview/url/:contentType': 'no preview is configured',
  'GET /content-manager/preview/script': 'a static script',
  'GET /governance/messages/transfer-targets':
    'the names and codes of the active sites, public on the portal anyway',
  'GET /governance/passwords/status': "the caller's own password status",
  'GET /governance/time': "the group's time zone from the configuration, no document",
  'POST /governance/accounts/:id/unlock':
    'accounts, not documents; accounts.manage only (tested in accounts.int.test.ts)',
  'POST /governance/accounts/:id/force-change':
    'accounts, not documents; accounts.manage only (tested in accounts.int.test.ts)',
  'PUT /governance/accounts/:id/holder':
    'accounts, not documents; accounts.manage only (tested in accounts.int.test.ts)',
  'POST /governance/audit/verify': 'answers whether the chain is intact, no entry content',
  'GET /governance/audit/checkpoints':
    'signed entry numbers and hashes, no entry content; audit.read only (audit.int.test.ts)',
  'GET /governance/rankings':
    'counts per site, no document; rankings.read, provincial admins only (rankings.int.test.ts)',
  'GET /governance/rankings/export':
    'counts per site, no document; rankings.read only (rankings.int.test.ts)',
  'GET /governance/rankings/notice':
    'text made of counts, no document; rankings.read only (rankings.int.test.ts)',
  'POST /governance/rankings/snapshots':
    'stores counts, no document; rankings.manage only (rankings.int.test.ts)',
  'GET /governance/rankings/snapshots':
    'the frozen versions of a year, counts per site, no document; rankings.read only (rankings.int.test.ts)',
  'GET /governance/rankings/snapshots/:version':
    'one frozen version, counts per site, no document; rankings.read only (rankings.int.test.ts)',
  'PUT /governance/rankings/settings': 'one switch; rankings.manage only (rankings.int.test.ts)',
  'GET /governance/rankings/excluded':
    'titles of the articles a ranking does not count; rankings.read, provincial admins only (counting.int.test.ts)',
  'GET /governance/column-management':
    "site names and counts of column proposals: every site for the province, the caller's led sites otherwise (column-management.int.test.ts)",
  'GET /governance/column-management/sites/:documentId':
    "a site's columns, not documents; another site's leader or an editor gets 404 (column-management.int.test.ts)",
  'POST /governance/column-management/sites/:documentId/changes':
    "a site's columns, not documents; another site's leader or an editor gets 404 (column-management.int.test.ts)",
  'POST /governance/column-management/changes/:id/decision':
    'decides a column proposal; sites.manage only, never the proposer (column-management.int.test.ts)',
  'GET /governance/rankings/own':
    "the places of the caller's own sites only (rankings.int.test.ts)",
  'GET /governance/submissions/targets':
    "an article of the caller's own sites only, else 403 (submissions.int.test.ts)",
  'GET /governance/submissions/outgoing':
    "submissions of the caller's own sites only (submissions.int.test.ts)",
  'POST /governance/submissions':
    "an article of the caller's own sites only, else 403 (submissions.int.test.ts)",
  'POST /governance/submissions/:id/withdraw':
    "the source site's editors only, else 403 (submissions.int.test.ts)",
  'GET /governance/submissions/incoming':
    "submissions to the caller's own sites only (submissions.int.test.ts)",
  'POST /governance/submissions/:id/adopt':
    "the receiving site's editors only, not even the province (submissions.int.test.ts)",
  'POST /governance/submissions/:id/decline':
    "the receiving site's editors only, not even the province (submissions.int.test.ts)",
  'GET /governance/oversight':
    'counts and dates per site, no document; oversight.read, provincial admins only (oversight.int.test.ts)',
  'GET /governance/oversight/own': "the caller's own sites only (oversight-work.int.test.ts)",
  'GET /governance/oversight/sites/:documentId':
    'the province, or a member of that site, else 403; open messages without personal data (oversight-work.int.test.ts)',
  'GET /governance/oversight/alerts':
    'site names and rule figures, no document; oversight.read only (oversight-work.int.test.ts)',
  'GET /governance/oversight/notices/draft':
    'text made of counts, no document; oversight.manage only (oversight-work.int.test.ts)',
  'GET /governance/oversight/notices':
    'the notices made; oversight.manage only (oversight-work.int.test.ts)',
  'POST /governance/oversight/notices':
    'a portal draft by the province; oversight.manage only (oversight-work.int.test.ts)',
  'GET /governance/oversight/rectifications':
    "the province, or the caller's own sites' tasks (oversight-work.int.test.ts)",
  'POST /governance/oversight/rectifications/:id/evidence':
    'a member of the named site only, else 403 (oversight-work.int.test.ts)',
  'POST /governance/oversight/rectifications/:id/review':
    'oversight.manage only (oversight-work.int.test.ts)',
  'GET /governance/messages/export':
    "the inbox's rows as a workbook, under the inbox's own site scope, no contact data (desk.int.test.ts)",
  'GET /governance/messages/todo':
    "a count of the caller's own sites' messages only (desk.int.test.ts)",
  'POST /governance/messages/sign':
    "each message signed as one sign would be: another site's is refused as not found (desk.int.test.ts)",
  'POST /governance/messages/:id/public':
    "the caller's own sites' messages only, else 404, as every act on a case (desk.int.test.ts)",
  'GET /governance/reports/overview':
    "the overview's figures of the caller's sites only (reports.int.test.ts)",
  'GET /governance/reports/message-statistics':
    'group-wide statistics, messages.oversee (the province) only, no contact data (reports.int.test.ts)',
  'GET /governance/reports/oversight': 'oversight.read (the province) only (reports.int.test.ts)',
  'GET /governance/reports/sites': "the caller's sites only (reports.int.test.ts)",
  'GET /governance/reports/accounts': 'accounts.manage only, no documents (reports.int.test.ts)',
  'GET /governance/reports/annual-notice':
    'the ranking notice, rankings.read (the province) only (reports.int.test.ts)',
  'GET /governance/reports/inspection-notice':
    'the monitoring notice, oversight.manage (the province) only (reports.int.test.ts)',
  'POST /governance/oversight/sites/:documentId/urge':
    'oversight.manage (the province) only, no documents (urge.int.test.ts)',
  'GET /governance/columns':
    "a site's column names, of the caller's own sites or articles only, else 404 (site-columns.int.test.ts)",
  'GET /governance/calendar':
    'holiday dates, no document; calendar.manage only (calendar.int.test.ts)',
  'GET /governance/calendar/status':
    'whether years are known, no document; calendar.manage only (calendar.int.test.ts)',
  'POST /governance/calendar/parse':
    'reads pasted text, saves nothing; calendar.manage only (calendar.int.test.ts)',
  'PUT /governance/calendar/:year':
    "the province's holidays, which move every site's open deadlines by the rules, never one message's; calendar.manage only (calendar.int.test.ts)",
  'GET /governance/workbench':
    "counts of the caller's own sites only, the group's for the province; no document (workbench.int.test.ts)",
  'POST /governance/media/file-pass':
    "a signed cookie opening the caller's own sites' files under /uploads only, no document (file-gate.int.test.ts)",
};

describe('the list of admin routes', () => {
  it('has every route that can reach articles or messages covered or explained', () => {
    const routes: string[] = [];
    const collect = (prefix: string, definitions: unknown) => {
      const groups = Array.isArray(definitions)
        ? [{ type: 'admin', routes: definitions }]
        : Object.values(
            (definitions ?? {}) as Record<
              string,
              { type?: string; routes?: Array<{ method: string; path: string }> }
            >
          );
      for (const group of groups) {
        if (group.type !== 'admin') continue;
        for (const route of group.routes ?? [])
          routes.push(`${route.method} ${prefix}${route.path}`);
      }
    };
    for (const [name, plugin] of Object.entries(app.strapi.plugins))
      collect(`/${name}`, (plugin as { routes?: unknown }).routes);
    const reaching = routes.filter(
      (r) =>
        /^\w+ \/(content-manager|governance|content-releases|review-workflows)\//.test(r) ||
        /\/(history|releases)/.test(r)
    );
    const unclassified = reaching.filter((r) => !COVERED.has(r) && !(r in UNRELATED));
    expect(unclassified).toEqual([]);
  });
});

// Last, after every attack above (jest runs a file's tests in order).
describe('after the attacks', () => {
  it("leaves the Xi'an articles, their site links and messages exactly as they were", async () => {
    expect(await xianRows()).toEqual(before);
  });
});
