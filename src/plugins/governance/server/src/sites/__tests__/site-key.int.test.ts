/**
 * The site key (site-key.ts): every article and message row holds its site's id, kept by the
 * server on every write path, never taken from input; the own-site condition and the public list
 * of one site read it instead of joining the link table. These tests move documents between
 * sites every way the application can, and check the key, both editors' lists and the public
 * list after each move.
 */
import { submitMessage } from '@test-helpers/citizen-form';
import {
  approveArticle,
  createReviewTeam,
  publishReviewed,
  type ReviewTeam,
} from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { ARTICLE, CITIZEN_MESSAGE, SITE } from '../../uids';

const CM = '/content-manager/collection-types';

let app: TestApp;
let team: ReviewTeam;
let province: TestAdmin;
let xianEditor: TestAdmin;
let baojiEditor: TestAdmin;
let xianHandler: TestAdmin;
let baojiHandler: TestAdmin;
let sites: Record<'xian' | 'baoji' | 'hanzhong', string>;
let ids: Record<'xian' | 'baoji' | 'hanzhong', number>;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const tableOf = (uid: string) => app.strapi.db.metadata.get(uid).tableName;

/** The key of each row of a document: `draft` and `published` for an article, `row` for a message. */
const keysOf = async (uid: string, documentId: string) => {
  const rows = (await app.strapi.db
    .connection(tableOf(uid))
    .where('document_id', documentId)
    .select('site_key', 'published_at')) as Array<{
    site_key: number | null;
    published_at: unknown;
  }>;
  const keyOf = (row?: { site_key: number | null }) => (row ? row.site_key : undefined);
  if (uid === CITIZEN_MESSAGE) return { row: keyOf(rows[0]) };
  return {
    draft: keyOf(rows.find((r) => r.published_at === null)),
    published: keyOf(rows.find((r) => r.published_at !== null)),
  };
};

/** The document ids in someone's Content Manager list of articles. */
const listed = async (who: TestAdmin) =>
  (
    (await as(who).get(`${CM}/${ARTICLE}?pageSize=100`).expect(200)).body.results as Array<{
      documentId: string;
    }>
  ).map((r) => r.documentId);

const draft = (title: string, site: string) =>
  app.strapi.documents(ARTICLE).create({ data: { title, site } });

beforeAll(async () => {
  app = await startApp('site-key');
  let staff;
  ({
    sites,
    siteIds: ids,
    staff,
  } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市', level: 'city' },
      baoji: { name: '宝鸡市', level: 'city' },
      hanzhong: { name: '汉中市', level: 'city' },
    },
    staff: {
      province: ['governance-provincial-admin', '省厅'],
      xianEditor: ['governance-site-editor', '西安编辑', { xian: 'editor' }],
      baojiEditor: ['governance-site-editor', '宝鸡编辑', { baoji: 'editor' }],
      xianHandler: ['governance-message-handler', '西安办理员', { xian: 'handler' }],
      baojiHandler: ['governance-message-handler', '宝鸡办理员', { baoji: 'handler' }],
    },
  }));
  ({ province, xianEditor, baojiEditor, xianHandler, baojiHandler } = staff);
  team = await createReviewTeam(app);
});

afterAll(async () => {
  await app?.stop();
});

describe('the key follows the site', () => {
  it('on create, publish, a move of the draft, a discard and the republication', async () => {
    const { documentId } = await publishReviewed(app, team, {
      title: '西安动态',
      site: sites.xian,
    });
    expect(await keysOf(ARTICLE, documentId)).toEqual({ draft: ids.xian, published: ids.xian });

    // A move changes the draft; what is online stays Xi'an's until it is published again.
    await app.strapi.documents(ARTICLE).update({ documentId, data: { site: sites.baoji } });
    expect(await keysOf(ARTICLE, documentId)).toEqual({ draft: ids.baoji, published: ids.xian });
    // Discarding the draft recreates it from what is online: Xi'an's again.
    await app.strapi.documents(ARTICLE).discardDraft({ documentId });
    expect(await keysOf(ARTICLE, documentId)).toEqual({ draft: ids.xian, published: ids.xian });
    await app.strapi.documents(ARTICLE).update({ documentId, data: { site: sites.baoji } });
    await approveArticle(app, team, documentId);
    await app.strapi.documents(ARTICLE).publish({ documentId });
    expect(await keysOf(ARTICLE, documentId)).toEqual({ draft: ids.baoji, published: ids.baoji });
  });

  it("in the Content Manager: a move by the province shows in both editors' lists at once", async () => {
    const { documentId } = await draft('待转给宝鸡的稿件', sites.xian);
    expect(await listed(xianEditor)).toContain(documentId);
    expect(await listed(baojiEditor)).not.toContain(documentId);

    await as(province).put(`${CM}/${ARTICLE}/${documentId}`, { site: sites.baoji }).expect(200);
    expect(await keysOf(ARTICLE, documentId)).toEqual({ draft: ids.baoji, published: undefined });
    expect(await listed(xianEditor)).not.toContain(documentId);
    expect(await listed(baojiEditor)).toContain(documentId);
    await as(baojiEditor).get(`${CM}/${ARTICLE}/${documentId}`).expect(200);
    const xianRead = await as(xianEditor).get(`${CM}/${ARTICLE}/${documentId}`);
    if (xianRead.status === 200) expect(xianRead.body.data).toEqual({});
    else expect([403, 404]).toContain(xianRead.status);
  });

  it('on a clone, and on a plain query-engine update of the relation', async () => {
    const { documentId } = await draft('原稿', sites.xian);
    const copy = await app.strapi
      .documents(ARTICLE)
      .clone({ documentId, data: { title: '复制稿' } });
    expect(await keysOf(ARTICLE, copy!.documentId)).toEqual({
      draft: ids.xian,
      published: undefined,
    });

    const [row] = await app.strapi.db.query(ARTICLE).findMany({ where: { documentId } });
    await app.strapi.db
      .query(ARTICLE)
      .update({ where: { id: row.id }, data: { site: ids.hanzhong } });
    expect(await keysOf(ARTICLE, documentId)).toEqual({
      draft: ids.hanzhong,
      published: undefined,
    });
  });

  it("on a message's transfer once accepted, and on the province's assignment", async () => {
    const { stored } = await submitMessage(app, { site: 'xian' });
    expect(await keysOf(CITIZEN_MESSAGE, stored.documentId)).toEqual({ row: ids.xian });

    const message = `/governance/messages/${stored.id}`;
    await as(xianHandler).post(`${message}/transfer`, { site: 'baoji', reason: '属于宝鸡职责' });
    // Asked, not accepted: still Xi'an's.
    expect(await keysOf(CITIZEN_MESSAGE, stored.documentId)).toEqual({ row: ids.xian });
    await as(baojiHandler).post(`${message}/transfer/accept`).expect(204);
    expect(await keysOf(CITIZEN_MESSAGE, stored.documentId)).toEqual({ row: ids.baoji });
    const inList = async (who: TestAdmin) =>
      JSON.stringify((await as(who).get(`${CM}/${CITIZEN_MESSAGE}`).expect(200)).body.results);
    expect(await inList(baojiHandler)).toContain(stored.documentId);
    expect(await inList(xianHandler)).not.toContain(stored.documentId);

    await as(province)
      .post(`${message}/transfer`, { site: 'hanzhong', reason: '指定汉中承办' })
      .expect(204);
    expect(await keysOf(CITIZEN_MESSAGE, stored.documentId)).toEqual({ row: ids.hanzhong });
  });

  it('is never taken from input: Document Service, query engine, Content Manager', async () => {
    const { documentId } = await draft('不可伪造站点键', sites.xian);
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId, data: { title: '改题', siteKey: ids.baoji } as never });
    expect(await keysOf(ARTICLE, documentId)).toEqual({ draft: ids.xian, published: undefined });
    await app.strapi.db
      .query(ARTICLE)
      .update({ where: { documentId }, data: { summary: '摘要', siteKey: ids.baoji } });
    await app.strapi.db
      .query(ARTICLE)
      .updateMany({ where: { documentId }, data: { summary: '摘要二', siteKey: ids.baoji } });
    expect(await keysOf(ARTICLE, documentId)).toEqual({ draft: ids.xian, published: undefined });
    await as(xianEditor)
      .put(`${CM}/${ARTICLE}/${documentId}`, { title: '编辑改题', siteKey: ids.baoji })
      .expect(200);
    expect(await keysOf(ARTICLE, documentId)).toEqual({ draft: ids.xian, published: undefined });
    expect(await listed(baojiEditor)).not.toContain(documentId);
  });

  it('is taken off the rows of a deleted site', async () => {
    const gone = await app.strapi
      .documents(SITE)
      .create({ data: { code: 'weinan', name: '渭南市', level: 'city' } });
    const { documentId } = await draft('渭南稿件', gone.documentId);
    expect((await keysOf(ARTICLE, documentId)).draft).toBe(Number(gone.id));
    await app.strapi.documents(SITE).delete({ documentId: gone.documentId });
    expect(await keysOf(ARTICLE, documentId)).toEqual({ draft: null, published: undefined });
  });
});

describe('a key gone wrong', () => {
  it("never shows another site's row, and the next write puts it right", async () => {
    const { documentId } = await draft('被改了站点键的西安稿件', sites.xian);
    // As if someone had changed the column by hand in the database.
    await app.strapi.db
      .connection(tableOf(ARTICLE))
      .where('document_id', documentId)
      .update({ site_key: ids.baoji });
    // The list's page is confirmed row by row by the site link, one document by its links.
    expect(await listed(baojiEditor)).not.toContain(documentId);
    const read = await as(baojiEditor).get(`${CM}/${ARTICLE}/${documentId}`);
    if (read.status === 200) expect(read.body.data).toEqual({});
    else expect([403, 404]).toContain(read.status);
    await as(baojiEditor).put(`${CM}/${ARTICLE}/${documentId}`, { title: '宝鸡改题' }).expect(403);
    // Its own site's editor loses it until then: the condition judges the key, and fails closed.
    expect(await listed(xianEditor)).not.toContain(documentId);

    // Any write derives the key again from the link.
    await as(province).put(`${CM}/${ARTICLE}/${documentId}`, { title: '省厅改题' }).expect(200);
    expect(await keysOf(ARTICLE, documentId)).toEqual({ draft: ids.xian, published: undefined });
    expect(await listed(xianEditor)).toContain(documentId);
    expect(await listed(baojiEditor)).not.toContain(documentId);
  });
});

describe('at start-up', () => {
  it('gives the rows without a key theirs, and none to a row without a site', async () => {
    const { documentId } = await publishReviewed(app, team, { title: '旧稿', site: sites.xian });
    const { stored } = await submitMessage(app, { site: 'baoji' });
    const siteless = await app.strapi.documents(ARTICLE).create({ data: { title: '无站点' } });
    // As rows stored before the key existed, or imported by SQL.
    for (const uid of [ARTICLE, CITIZEN_MESSAGE])
      await app.strapi.db.connection(tableOf(uid)).update({ site_key: null });

    const filled = await app.strapi.plugin('governance').service('siteKeys').fillMissing();
    // Every row with a site link, and those only.
    const linked = async (uid: string) => {
      const { joinTable } = app.strapi.db.metadata.get(uid).attributes.site as unknown as {
        joinTable: { name: string };
      };
      return Number((await app.strapi.db.connection(joinTable.name).count({ n: '*' }))[0].n);
    };
    expect(filled).toBe((await linked(ARTICLE)) + (await linked(CITIZEN_MESSAGE)));
    expect(await keysOf(ARTICLE, documentId)).toEqual({ draft: ids.xian, published: ids.xian });
    expect(await keysOf(CITIZEN_MESSAGE, stored.documentId)).toEqual({ row: ids.baoji });
    expect(await keysOf(ARTICLE, siteless.documentId)).toEqual({
      draft: null,
      published: undefined,
    });
    // Nothing left: the second run keys none.
    expect(await app.strapi.plugin('governance').service('siteKeys').fillMissing()).toBe(0);
  });
});
