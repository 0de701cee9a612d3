/**
 * 信息报送 on crafted data: who may submit where, once per target; only the receiving site's
 * editors adopt or decline; the adopted copy is a draft of the receiving site that its own review
 * must pass before publication; withdrawal after adoption is refused; deleting the source keeps
 * the copy and its attribution.
 */
import {
  approveArticle,
  createReviewTeam,
  publishReviewed,
  type ReviewTeam,
} from '@test-helpers/review';
import { addMember, createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { ERRORS } from '../messages';

import type {
  Submission,
  SubmissionPage,
  SubmissionTargets,
} from '../../../../shared/contracts/submissions';
import { ARTICLE, AUDIT_ENTRY } from '../../uids';

let app: TestApp;
let team: ReviewTeam;
let province: TestAdmin;
let countyEditor: TestAdmin;
let cityEditor: TestAdmin;
let portalEditor: TestAdmin;
let otherCountyEditor: TestAdmin;
let sites: Record<'portal' | 'xian' | 'baoji' | 'xian-beilin' | 'baoji-jintai', string>;
let published: string;

const submit = (user: TestAdmin, body: object) =>
  asAdmin(app, user).post('/governance/submissions', body);
const incoming = async (user: TestAdmin, query = '') =>
  (await asAdmin(app, user).get(`/governance/submissions/incoming${query}`).expect(200))
    .body as SubmissionPage;

beforeAll(async () => {
  app = await startApp('submissions');
  team = await createReviewTeam(app);
  ({
    sites,
    staff: { province, countyEditor, cityEditor, portalEditor, otherCountyEditor },
  } = await createSitesAndStaff(app, {
    sites: {
      portal: { name: '陕西民政网', level: 'portal' },
      xian: { name: '西安市', level: 'city' },
      baoji: { name: '宝鸡市', level: 'city' },
      'xian-beilin': { name: '碑林区', level: 'county', parent: 'xian' },
      'baoji-jintai': { name: '金台区', level: 'county', parent: 'baoji' },
    },
    staff: {
      province: ['governance-provincial-admin', '建国'],
      countyEditor: ['governance-site-editor', '县编辑', { 'xian-beilin': 'editor' }],
      cityEditor: ['governance-site-editor', '市编辑', { xian: 'editor' }],
      portalEditor: ['governance-site-editor', '门户编辑', { portal: 'editor' }],
      otherCountyEditor: ['governance-site-editor', '他县编辑', { 'baoji-jintai': 'editor' }],
    },
  }));
  // The province's admin as the portal's leader (初审), as in the demo: still not a receiver.
  await addMember(app, province, sites.portal, 'leader');

  published = (
    await publishReviewed(app, team, { title: '碑林区开展冬季救助', site: sites['xian-beilin'] })
  ).documentId;
});

afterAll(async () => {
  await app?.stop();
});

describe('submitting', () => {
  it('offers a county the portal and its own city, and marks what it already sent', async () => {
    const res = await asAdmin(app, countyEditor)
      .get(`/governance/submissions/targets?article=${published}`)
      .expect(200);
    const targets = res.body.data as SubmissionTargets;
    expect(targets.article).toMatchObject({ eligible: true, title: '碑林区开展冬季救助' });
    expect(targets.targets.map((t) => [t.site.code, t.submission])).toEqual([
      ['portal', null],
      ['xian', null],
    ]);
  });

  it("refuses another city, a draft not approved, and another site's editor", async () => {
    expect(
      (await submit(countyEditor, { article: published, target: 'baoji' }).expect(400)).body.error
        .message
    ).toBe(ERRORS.notATarget);
    const draft = await app.strapi
      .documents(ARTICLE)
      .create({ data: { title: '未审核草稿', site: sites['xian-beilin'] } });
    expect(
      (await submit(countyEditor, { article: draft.documentId, target: 'portal' }).expect(400)).body
        .error.message
    ).toBe(ERRORS.notEligible);
    expect(
      (await submit(otherCountyEditor, { article: published, target: 'portal' }).expect(403)).body
        .error.message
    ).toBe(ERRORS.notSourceEditor);
    await asAdmin(app, otherCountyEditor)
      .get(`/governance/submissions/targets?article=${published}`)
      .expect(403);
    await submit(countyEditor, { article: 'nosucharticle', target: 'portal' }).expect(404);
    expect(
      (
        await submit(countyEditor, {
          article: published,
          target: 'portal',
          note: 'x'.repeat(501),
        }).expect(400)
      ).body.error.message
    ).toBe(ERRORS.note);
  });

  it('refuses an approved article never published: it is not a 报送, and takes it once online', async () => {
    const draft = await app.strapi
      .documents(ARTICLE)
      .create({ data: { title: '已审核待发布', site: sites['xian-beilin'] } });
    await approveArticle(app, team, draft.documentId);
    const targets = (
      await asAdmin(app, countyEditor)
        .get(`/governance/submissions/targets?article=${draft.documentId}`)
        .expect(200)
    ).body.data as SubmissionTargets;
    expect(targets.article).toMatchObject({ eligible: false, reason: ERRORS.notEligible });
    expect(
      (await submit(countyEditor, { article: draft.documentId, target: 'xian' }).expect(400)).body
        .error.message
    ).toBe(ERRORS.notEligible);
    expect(
      await app.strapi.db
        .query('plugin::governance.submission')
        .count({ where: { sourceArticleDocumentId: draft.documentId } })
    ).toBe(0);

    await app.strapi.documents(ARTICLE).publish({ documentId: draft.documentId });
    const res = await submit(countyEditor, {
      article: draft.documentId,
      target: 'xian',
      note: '请市局参考',
    }).expect(201);
    expect(res.body.data).toMatchObject({
      status: 'submitted',
      note: '请市局参考',
      targetSite: { code: 'xian' },
      sourceSite: { code: 'xian-beilin' },
      counted: true,
      adoptionCounted: false,
      events: [],
    });
  });

  it('sends an article once per target', async () => {
    const first = await submit(countyEditor, {
      article: published,
      target: 'portal',
      note: '典型经验',
    }).expect(201);
    expect(first.body.data.submittedByName).toContain('县编辑');
    const again = await submit(countyEditor, { article: published, target: sites.portal }).expect(
      400
    );
    expect(again.body.error.message).toContain('只能报送一次');
    await submit(countyEditor, { article: published, target: 'xian' }).expect(201);
    const count = await app.strapi.db
      .query('plugin::governance.submission')
      .count({ where: { sourceArticleDocumentId: published } });
    expect(count).toBe(2);
  });

  it('lets two editors racing for the same target leave one submission', async () => {
    const other = await publishReviewed(app, team, {
      title: '并发报送',
      site: sites['xian-beilin'],
    });
    const second = await createAdmin(app, 'governance-site-editor', '县编辑二');
    await addMember(app, second, sites['xian-beilin'], 'editor');
    const answers = await Promise.all([
      submit(countyEditor, { article: other.documentId, target: 'portal' }),
      submit(second, { article: other.documentId, target: 'portal' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400]);
  });
});

describe('receiving', () => {
  let toPortal: Submission;

  beforeAll(async () => {
    const page = await incoming(portalEditor);
    toPortal = page.data.find((s) => s.sourceArticleDocumentId === published)!;
  });

  it('shows each receiving site its queue, with filters by site, level and age', async () => {
    expect(toPortal).toMatchObject({
      status: 'submitted',
      title: '碑林区开展冬季救助',
      note: '典型经验',
      sourceExists: true,
      waitingDays: 0,
    });
    expect((await incoming(portalEditor, '?level=county')).data.length).toBeGreaterThan(0);
    expect((await incoming(portalEditor, '?level=city')).data).toEqual([]);
    expect((await incoming(portalEditor, '?site=baoji-jintai')).data).toEqual([]);
    expect((await incoming(portalEditor, '?minWaitingDays=2')).data).toEqual([]);
    expect((await incoming(cityEditor)).data.map((s) => s.targetSite?.code)).toEqual([
      'xian',
      'xian',
    ]);
    expect((await incoming(otherCountyEditor)).data).toEqual([]);
    await asAdmin(app, portalEditor)
      .get('/governance/submissions/incoming?level=planet')
      .expect(400);
  });

  it("lets nobody but the receiving site's editors decide, not even the province as the portal's leader", async () => {
    for (const user of [countyEditor, cityEditor, province]) {
      const res = await asAdmin(app, user)
        .post(`/governance/submissions/${toPortal.id}/adopt`)
        .expect(403);
      expect(res.body.error.message).toBe(ERRORS.notTargetEditor);
      await asAdmin(app, user)
        .post(`/governance/submissions/${toPortal.id}/decline`, { reason: '内容不适合门户' })
        .expect(403);
    }
  });

  it('adopts as a draft of the receiving site, with the source named, that its own review must pass', async () => {
    const res = await asAdmin(app, portalEditor)
      .post(`/governance/submissions/${toPortal.id}/adopt`)
      .expect(200);
    const copyId = res.body.data.articleDocumentId as string;
    const copy = await app.strapi.db.query(ARTICLE).findOne({
      where: { documentId: copyId, publishedAt: null },
      populate: { site: true, createdBy: true },
    });
    expect(copy).toMatchObject({
      title: '碑林区开展冬季救助',
      reviewStatus: 'draft',
      sourceSiteName: '碑林区',
      sourceSiteCode: 'xian-beilin',
      sourceArticleDocumentId: published,
    });
    expect(copy.sourceSubmitterName).toContain('县编辑');
    expect(copy.site.code).toBe('portal');
    expect(copy.createdBy.id).toBe(portalEditor.id);

    // Not online before its own review.
    await expect(app.strapi.documents(ARTICLE).publish({ documentId: copyId })).rejects.toThrow(
      /未通过审核/
    );
    await approveArticle(app, team, copyId);
    await app.strapi.documents(ARTICLE).publish({ documentId: copyId });
    const online = await app.http().get(`/api/articles/${copyId}`).expect(200);
    expect(online.body.data).toMatchObject({ sourceSiteName: '碑林区' });
    expect(online.body.data.sourceSubmitterName).toBeUndefined();

    // Decided once.
    await asAdmin(app, portalEditor)
      .post(`/governance/submissions/${toPortal.id}/adopt`)
      .expect(400);
    await asAdmin(app, portalEditor)
      .post(`/governance/submissions/${toPortal.id}/decline`, { reason: '重复处理测试' })
      .expect(400);
  });

  it('refuses to withdraw an adopted submission', async () => {
    const res = await asAdmin(app, countyEditor)
      .post(`/governance/submissions/${toPortal.id}/withdraw`)
      .expect(400);
    expect(res.body.error.message).toContain('不能撤回');
  });

  it('declines with a reason the submitter reads', async () => {
    const toCity = (await incoming(cityEditor)).data.find(
      (s) => s.sourceArticleDocumentId === published
    )!;
    expect(
      (
        await asAdmin(app, cityEditor)
          .post(`/governance/submissions/${toCity.id}/decline`, { reason: '短' })
          .expect(400)
      ).body.error.message
    ).toBe(ERRORS.reason);
    await asAdmin(app, cityEditor)
      .post(`/governance/submissions/${toCity.id}/decline`, { reason: '与本站已发信息重复' })
      .expect(200);
    const mine = (
      await asAdmin(app, countyEditor)
        .get('/governance/submissions/outgoing?status=declined')
        .expect(200)
    ).body as SubmissionPage;
    expect(
      mine.data.map((s) => [
        s.title,
        s.targetSite?.code,
        s.declineReason,
        s.decidedByName?.includes('市编辑'),
      ])
    ).toEqual([['碑林区开展冬季救助', 'xian', '与本站已发信息重复', true]]);
  });

  it('lets the submitter withdraw an open submission and send it again', async () => {
    const open = (
      await asAdmin(app, countyEditor)
        .get('/governance/submissions/outgoing?status=submitted')
        .expect(200)
    ).body as SubmissionPage;
    const approved = open.data.find((s) => s.title === '已审核待发布')!;
    await asAdmin(app, otherCountyEditor)
      .post(`/governance/submissions/${approved.id}/withdraw`)
      .expect(403);
    await asAdmin(app, countyEditor)
      .post(`/governance/submissions/${approved.id}/withdraw`)
      .expect(200);
    await submit(countyEditor, {
      article: approved.sourceArticleDocumentId,
      target: 'xian',
    }).expect(201);
  });

  it('keeps the adopted copy and its attribution when the source is deleted', async () => {
    await app.strapi.documents(ARTICLE).delete({ documentId: published });
    const copyId = (
      await app.strapi.db
        .query('plugin::governance.submission')
        .findOne({ where: { id: toPortal.id } })
    ).adoptedArticleDocumentId;
    const copy = await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId: copyId, publishedAt: { $notNull: true } } });
    expect(copy).toMatchObject({ sourceSiteName: '碑林区', sourceArticleDocumentId: published });
    const page = await incoming(portalEditor, '?status=adopted');
    expect(page.data.find((s) => s.id === toPortal.id)).toMatchObject({
      sourceExists: false,
      title: '碑林区开展冬季救助',
      adoptedArticleDocumentId: copyId,
    });
  });
});

// Last: it adds a submission the lists above do not count.
describe('the 操作日志', () => {
  it('records the editor who submitted, also when a script acts for them (the demo loader)', async () => {
    const draft = await publishReviewed(app, team, {
      title: '脚本代为报送',
      site: sites['xian-beilin'],
    });
    // No request behind it: the service has the user it acts for, and the log takes it from there.
    const editorUser = await app.strapi.db
      .query('admin::user')
      .findOne({ where: { id: countyEditor.id } });
    await app.strapi
      .plugin('governance')
      .service('submissions')
      .submit({ article: draft.documentId, target: 'xian', note: null }, editorUser);
    const entry = await app.strapi.db.query(AUDIT_ENTRY).findOne({
      where: { action: 'submission.submit' },
      orderBy: { seq: 'desc' },
    });
    expect(entry).toMatchObject({
      actorId: countyEditor.id,
      actorName: expect.stringMatching(/县编辑 \d+（站点编辑）$/),
      summary: expect.stringMatching(
        /县编辑 \d+（站点编辑）将《脚本代为报送》从碑林区报送至西安市$/
      ),
    });
  });
});
