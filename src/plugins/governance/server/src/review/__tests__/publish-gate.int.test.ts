/**
 * The bypass suite: every path that can publish an article is tried with articles that are not
 * approved for their current content — never submitted, approved only in part, rejected,
 * withdrawn, edited after approval — and nothing is published. The same paths publish an
 * approved article, so a refusal is the gate's and not a broken path.
 */
import {
  approveArticle,
  createReviewTeam,
  FULL_CHECKLIST,
  stepHoldersOf,
  type ReviewTeam,
} from '@test-helpers/review';
import { createSites } from '@test-helpers/sites';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { ARTICLE } from '../../uids';

const CM = `/content-manager/collection-types/${ARTICLE}`;

let app: TestApp;
let admin: TestAdmin;
let team: ReviewTeam;
let site: string;
const unapproved: Record<string, string> = {};

const as = (admin: TestAdmin) => asAdmin(app, admin);

const draft = async (title: string) =>
  (await app.strapi.documents(ARTICLE).create({ data: { title, site } })).documentId;

const review = (
  documentId: string,
  action: string,
  body: object = {},
  who: TestAdmin = team.submitter
) => as(who).post(`/governance/review/articles/${documentId}/${action}`, body);

/** Every published row in the database, whatever wrote it. */
const publishedRows = () =>
  app.strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true } } });
const isPublished = async (documentId: string) =>
  (await app.strapi.db
    .query(ARTICLE)
    .count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;

const expectRefused = (res: { status: number; body: { error?: { message?: string } } }) => {
  expect(res.status).toBe(403);
  expect(res.body.error?.message).toMatch(/未通过审核/);
};

beforeAll(async () => {
  app = await startApp('publish-gate');
  ({
    sites: { xian: site },
  } = await createSites(app, { xian: { name: '西安市', level: 'city' } }));
  admin = await createAdmin(app);
  team = await createReviewTeam(app);
  const { leader } = await stepHoldersOf(app, team, site);

  unapproved.never = await draft('从未送审');

  unapproved.partly = await draft('只通过初审');
  await review(unapproved.partly, 'submit').expect(200);
  const { contentHash } = (
    await app
      .http()
      .get(`/governance/review/articles/${unapproved.partly}`)
      .set('Authorization', `Bearer ${leader.token}`)
  ).body.data;
  await review(
    unapproved.partly,
    'approve',
    { contentHash, checklist: FULL_CHECKLIST },
    leader
  ).expect(200);

  unapproved.rejected = await draft('被退回');
  await review(unapproved.rejected, 'submit').expect(200);
  await review(unapproved.rejected, 'reject', { reason: '涉及未公开的统计数据' }, leader).expect(
    200
  );

  unapproved.withdrawn = await draft('已撤回');
  await review(unapproved.withdrawn, 'submit').expect(200);
  await review(unapproved.withdrawn, 'withdraw').expect(200);

  unapproved.edited = await draft('通过后被修改');
  await approveArticle(app, team, unapproved.edited);
  await app.strapi
    .documents(ARTICLE)
    .update({ documentId: unapproved.edited, data: { summary: '审核通过后加入的摘要' } });
});

afterAll(async () => {
  await app?.stop();
});

describe('the publish gate', () => {
  it('starts with nothing published', async () => {
    expect(await publishedRows()).toBe(0);
  });

  it.each(['never', 'partly', 'rejected', 'withdrawn', 'edited'])(
    'refuses Content Manager publish of an article %s approved',
    async (which) => {
      expectRefused(await as(admin).post(`${CM}/${unapproved[which]}/actions/publish`));
      expect(await isPublished(unapproved[which])).toBe(false);
    }
  );

  it('refuses Content Manager publish with unsaved changes to an approved article, and keeps the article', async () => {
    const id = await draft('带修改发布');
    await approveArticle(app, team, id);
    expectRefused(
      await as(admin).post(`${CM}/${id}/actions/publish`, { title: '带修改发布（改）' })
    );
    expect(await isPublished(id)).toBe(false);
  });

  it('refuses Content Manager create-and-publish of a new article', async () => {
    expectRefused(await as(admin).post(`${CM}/actions/publish`, { title: '新建即发布', site }));
    expect(
      await app.strapi.db
        .query(ARTICLE)
        .count({ where: { title: '新建即发布', publishedAt: { $notNull: true } } })
    ).toBe(0);
  });

  it('refuses a bulk publish containing one unapproved article, and publishes none of it', async () => {
    const approved = await draft('批量中已通过的');
    await approveArticle(app, team, approved);
    const res = await as(admin).post(`${CM}/actions/bulkPublish`, {
      documentIds: [approved, unapproved.never, unapproved.edited],
    });
    expectRefused(res);
    expect(await isPublished(approved)).toBe(false);
  });

  it('refuses the Document Service: create, update and publish', async () => {
    const documents = app.strapi.documents(ARTICLE);
    await expect(
      documents.create({ data: { title: '脚本直接发布', site }, status: 'published' })
    ).rejects.toThrow(/未通过审核/);
    expect(await app.strapi.db.query(ARTICLE).count({ where: { title: '脚本直接发布' } })).toBe(0);

    for (const documentId of Object.values(unapproved)) {
      await expect(documents.publish({ documentId })).rejects.toThrow(/未通过审核/);
      await expect(documents.update({ documentId, data: {}, status: 'published' })).rejects.toThrow(
        /未通过审核/
      );
      expect(await isPublished(documentId)).toBe(false);
    }
    // A refused update-and-publish leaves the draft as it was.
    await expect(
      documents.update({
        documentId: unapproved.never,
        data: { title: '改了标题' },
        status: 'published',
      })
    ).rejects.toThrow();
    expect(
      (await app.strapi.db.query(ARTICLE).findOne({ where: { documentId: unapproved.never } }))
        .title
    ).toBe('从未送审');
  });

  it('offers no REST route that writes articles, even to a full-access token', async () => {
    const token = await app.strapi
      .service('admin::api-token')
      .create({ name: 'full', type: 'full-access', lifespan: null, description: '' });
    const auth = { Authorization: `Bearer ${token.accessKey}` };
    const withToken = (method: 'post' | 'put', url: string, data: object) =>
      app.http()[method](url).set(auth).send({ data });
    const created = await withToken('post', '/api/articles', { title: 'REST 发布', site });
    expect([403, 404, 405]).toContain(created.status);
    const updated = await withToken('put', `/api/articles/${unapproved.never}`, {
      title: 'REST 更新',
    });
    expect([403, 404, 405]).toContain(updated.status);
    const withStatus = await withToken('post', '/api/articles?status=published', {
      title: 'REST 发布',
      site,
    });
    expect([403, 404, 405]).toContain(withStatus.status);
    expect(
      await app.strapi.db.query(ARTICLE).count({ where: { title: { $startsWith: 'REST' } } })
    ).toBe(0);
  });

  it('has no releases in this edition: their publication would go through documents().publish()', () => {
    // Strapi registers content releases only with an Enterprise licence; its publish action then
    // calls strapi.documents(uid).publish(), the path refused above.
    expect(Object.keys(app.strapi.plugin('content-releases').routes)).toHaveLength(0);
    expect(app.strapi.ee.features.isEnabled('cms-content-releases')).toBe(false);
  });

  it('still publishes nothing unapproved after every attempt', async () => {
    const published = await app.strapi.db
      .query(ARTICLE)
      .findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId'] });
    expect(published).toEqual([]);
  });
});

describe('the same paths with approved articles', () => {
  it('publishes through the Content Manager, bulk publish, update and the Document Service, recording who published', async () => {
    const one = await draft('审核通过一');
    const two = await draft('审核通过二');
    const three = await draft('审核通过三');
    const four = await draft('审核通过四');
    for (const id of [one, two, three, four]) await approveArticle(app, team, id);

    await as(admin).post(`${CM}/${one}/actions/publish`).expect(200);
    await as(admin)
      .post(`${CM}/actions/bulkPublish`, { documentIds: [two] })
      .expect(200);
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId: three, data: {}, status: 'published' });
    await app.strapi.documents(ARTICLE).publish({ documentId: four });
    for (const id of [one, two, three, four]) expect(await isPublished(id)).toBe(true);

    const record = await app.strapi.db.query('plugin::governance.review-decision').findOne({
      where: { articleDocumentId: one, action: 'publish' },
      populate: { actor: { select: ['id'] } },
    });
    expect(record.actor.id).toBe(admin.id);
    expect(record.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the published version online while an edit waits for review, and refuses to republish it', async () => {
    const id = await draft('在线文章');
    await approveArticle(app, team, id);
    await app.strapi.documents(ARTICLE).publish({ documentId: id });
    await as(admin).put(`${CM}/${id}`, { title: '在线文章（修改稿）' }).expect(200);

    expectRefused(await as(admin).post(`${CM}/${id}/actions/publish`));
    const online = await app.http().get(`/api/articles/${id}`).expect(200);
    expect(online.body.data.title).toBe('在线文章');

    await approveArticle(app, team, id);
    await as(admin).post(`${CM}/${id}/actions/publish`).expect(200);
    expect((await app.http().get(`/api/articles/${id}`).expect(200)).body.data.title).toBe(
      '在线文章（修改稿）'
    );
  });

  it('lets an approved article be unpublished and republished unchanged, keeping its first publication date', async () => {
    const id = await draft('撤下再发布');
    await approveArticle(app, team, id);
    const first = await app.strapi.documents(ARTICLE).publish({ documentId: id });
    await app.strapi.documents(ARTICLE).unpublish({ documentId: id });
    const again = await app.strapi.documents(ARTICLE).publish({ documentId: id });
    const stamp = (entry: { firstPublishedAt?: unknown }) =>
      new Date(entry.firstPublishedAt as string).toISOString();
    expect(stamp(again.entries[0])).toBe(stamp(first.entries[0]));
  });
});
