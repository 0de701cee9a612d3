/**
 * 栏目 from the site's own list, on every write path: an article is filed under one of the
 * columns its site has set up (the ones 站群监测 judges) or under none. A typo, another site's
 * column or a column left behind by a change of site is refused with a Chinese message, through
 * the Content Manager (create, update, clone), the Document Service and the public REST API,
 * and nothing is written. The edit view's list of columns answers within the caller's sites.
 */
import { createReviewTeam, publishReviewed, type ReviewTeam } from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import type { ArticleColumns } from '../../../../shared/contracts/oversight';
import { COLUMN_ERRORS as ERRORS } from '../messages';
import { ARTICLE } from '../../uids';

const CM = `/content-manager/collection-types/${ARTICLE}`;
const HANBIN_COLUMNS = ['工作动态', '通知公告', '基层动态', '信息公开'];

let app: TestApp;
let team: ReviewTeam;
let sites: Record<'portal' | 'xian' | 'hanbin' | 'bare', string>;
let province: TestAdmin;
let editor: TestAdmin;
let portalEditor: TestAdmin;
let reader: TestAdmin;

const cm = (who: TestAdmin) => asAdmin(app, who);
const rowsTitled = (title: string) =>
  app.strapi.db.query(ARTICLE).count({ where: { title } }) as Promise<number>;
const columnOf = async (documentId: string) =>
  (
    await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId, publishedAt: null }, select: ['column'] })
  )?.column ?? null;
/** The message and the field the Content Manager marks, of a refused write. */
const refusal = (body: { error: { name: string; message: string; details: unknown } }) => ({
  name: body.error.name,
  message: body.error.message,
  field: (body.error.details as { errors?: Array<{ path: string[] }> }).errors?.[0]?.path,
});

beforeAll(async () => {
  app = await startApp('site-columns');
  team = await createReviewTeam(app);
  ({
    sites,
    staff: { province, editor, portalEditor, reader },
  } = await createSitesAndStaff(app, {
    sites: {
      portal: { name: '陕西民政网', level: 'portal', columns: ['工作动态', '通知公告'] },
      xian: { name: '西安市', level: 'city', columns: ['工作动态', '政策文件'] },
      hanbin: {
        code: 'ankang-hanbin',
        name: '汉滨区',
        level: 'county',
        parent: 'xian',
        columns: HANBIN_COLUMNS,
      },
      bare: { name: '未设栏目区', level: 'county', parent: 'xian' },
    },
    staff: {
      province: ['governance-provincial-admin', '建国'],
      editor: ['governance-site-editor', '敏', { hanbin: 'editor' }],
      portalEditor: ['governance-site-editor', '门户编辑', { portal: 'editor' }],
      // A member without the Content Manager's article permissions.
      reader: ['governance-message-handler', '留言', { hanbin: 'handler' }],
    },
  }));
});

afterAll(async () => {
  await app?.stop();
});

describe('the 栏目 rule', () => {
  it('files an article under one of its site’s columns, or under none', async () => {
    const filed = await cm(editor)
      .post(CM, { title: '汉滨区工作动态', site: sites.hanbin, column: '工作动态' })
      .expect(201);
    expect(await columnOf(filed.body.data.documentId)).toBe('工作动态');
    const unfiled = await cm(editor)
      .post(CM, { title: '汉滨区未分栏目', column: '  ' })
      .expect(201);
    expect(await columnOf(unfiled.body.data.documentId)).toBeNull();
  });

  it.each([
    ['a typo', '工做动态'],
    ['another site’s column', '政策文件'],
    ['a column nobody set up', '其他'],
  ])('refuses %s through the Content Manager, naming the site’s columns', async (_what, column) => {
    const title = `错栏目 ${column}`;
    const res = await cm(editor).post(CM, { title, site: sites.hanbin, column }).expect(400);
    expect(refusal(res.body)).toEqual({
      name: 'ValidationError',
      message: ERRORS.notAColumnOf(column, '汉滨区', HANBIN_COLUMNS),
      field: ['column'],
    });
    expect(res.body.error.message).not.toMatch(/[A-Za-z]{4,}/);
    expect(await rowsTitled(title)).toBe(0);
  });

  it('refuses a wrong column on update and keeps the one stored', async () => {
    const { documentId } = (
      await cm(editor)
        .post(CM, { title: '改栏目', site: sites.hanbin, column: '通知公告' })
        .expect(201)
    ).body.data;
    await cm(editor).put(`${CM}/${documentId}`, { column: '通知公  告' }).expect(400);
    expect(await columnOf(documentId)).toBe('通知公告');
    await cm(editor).put(`${CM}/${documentId}`, { column: '信息公开' }).expect(200);
    expect(await columnOf(documentId)).toBe('信息公开');
  });

  it('refuses a change of site that leaves the column behind', async () => {
    const { documentId } = (
      await cm(province)
        .post(CM, { title: '换站点', site: sites.hanbin, column: '基层动态' })
        .expect(201)
    ).body.data;
    const res = await cm(province).put(`${CM}/${documentId}`, { site: sites.xian }).expect(400);
    expect(res.body.error.message).toBe(
      ERRORS.notAColumnOf('基层动态', '西安市', ['工作动态', '政策文件'])
    );
    await cm(province)
      .put(`${CM}/${documentId}`, { site: sites.xian, column: '政策文件' })
      .expect(200);
    expect(await columnOf(documentId)).toBe('政策文件');
  });

  it('refuses any column for a site that has none set up, and a column without a site', async () => {
    const none = await cm(province)
      .post(CM, { title: '未设栏目', site: sites.bare, column: '工作动态' })
      .expect(400);
    expect(none.body.error.message).toBe(ERRORS.notAColumnOf('工作动态', '未设栏目区', []));
    const noSite = await cm(province).post(CM, { title: '无站点', column: '工作动态' }).expect(400);
    expect(noSite.body.error.message).toBe(ERRORS.columnWithoutSite);
    expect((await rowsTitled('未设栏目')) + (await rowsTitled('无站点'))).toBe(0);
  });

  it('refuses a wrong column in a Content Manager clone', async () => {
    const { documentId } = (
      await cm(editor)
        .post(CM, { title: '原文', site: sites.hanbin, column: '工作动态' })
        .expect(201)
    ).body.data;
    await cm(editor)
      .post(`${CM}/clone/${documentId}`, { title: '复制件', column: '政策文件' })
      .expect(400);
    expect(await rowsTitled('复制件')).toBe(0);
  });

  it('refuses a wrong column through the Document Service', async () => {
    const documents = app.strapi.documents(ARTICLE);
    await expect(
      documents.create({ data: { title: '服务写入', site: sites.hanbin, column: '政策文件' } })
    ).rejects.toThrow(ERRORS.notAColumnOf('政策文件', '汉滨区', HANBIN_COLUMNS));
    expect(await rowsTitled('服务写入')).toBe(0);
    const ok = await documents.create({
      data: { title: '服务写入', site: sites.hanbin, column: '工作动态' },
    });
    await expect(
      documents.update({ documentId: ok.documentId, data: { column: '其他' } })
    ).rejects.toThrow(ERRORS.notAColumnOf('其他', '汉滨区', HANBIN_COLUMNS));
    expect(await columnOf(ok.documentId)).toBe('工作动态');
  });

  it('offers no REST route that writes an article, even to a full-access token', async () => {
    const token = await app.strapi
      .service('admin::api-token')
      .create({ name: 'columns', type: 'full-access', lifespan: null, description: '' });
    const auth = { Authorization: `Bearer ${token.accessKey}` };
    const data = { title: 'REST 栏目', site: sites.hanbin, column: '其他' };
    const created = await app.http().post('/api/articles').set(auth).send({ data });
    expect([403, 404, 405]).toContain(created.status);
    const { documentId } = await app.strapi
      .documents(ARTICLE)
      .create({ data: { title: 'REST 目标', site: sites.hanbin, column: '工作动态' } });
    const updated = await app
      .http()
      .put(`/api/articles/${documentId}`)
      .set(auth)
      .send({ data: { column: '其他' } });
    expect([403, 404, 405]).toContain(updated.status);
    expect(await rowsTitled('REST 栏目')).toBe(0);
    expect(await columnOf(documentId)).toBe('工作动态');
  });
});

describe('columns kept when an article is copied to another site', () => {
  it('keeps a column the receiving site has, and leaves one it lacks for its editor to choose', async () => {
    const adoptedColumn = async (title: string, column: string) => {
      const { documentId } = await publishReviewed(app, team, {
        title,
        site: sites.hanbin,
        column,
      });
      const sent = await cm(editor)
        .post('/governance/submissions', { article: documentId, target: 'portal' })
        .expect(201);
      const adopted = await cm(portalEditor)
        .post(`/governance/submissions/${sent.body.data.id}/adopt`)
        .expect(200);
      return columnOf(adopted.body.data.articleDocumentId);
    };
    expect(await adoptedColumn('报送工作动态', '工作动态')).toBe('工作动态');
    expect(await adoptedColumn('报送基层动态', '基层动态')).toBeNull();
  });
});

describe('GET /governance/columns', () => {
  const columns = async (who: TestAdmin, query: string, status = 200) =>
    (await cm(who).get(`/governance/columns${query}`).expect(status)).body.data as ArticleColumns;

  it('lists a site’s columns with their kinds, in their order', async () => {
    expect(await columns(editor, `?site=${sites.hanbin}`)).toEqual({
      site: { documentId: sites.hanbin, name: '汉滨区' },
      columns: [
        { name: '工作动态', kind: 'news' },
        { name: '通知公告', kind: 'notice' },
        { name: '基层动态', kind: 'news' },
        { name: '信息公开', kind: 'policy' },
      ],
    });
  });

  it('answers the article’s site, and an editor’s only site for a new article', async () => {
    const { documentId } = await app.strapi
      .documents(ARTICLE)
      .create({ data: { title: '按文章取栏目', site: sites.xian } });
    expect((await columns(province, `?article=${documentId}`)).site?.name).toBe('西安市');
    expect((await columns(editor, '')).site?.name).toBe('汉滨区');
    expect(await columns(province, '')).toEqual({ site: null, columns: [] });
  });

  it('keeps to the caller’s sites and to those who may read articles', async () => {
    await cm(editor).get(`/governance/columns?site=${sites.xian}`).expect(404);
    const { documentId } = await app.strapi
      .documents(ARTICLE)
      .create({ data: { title: '他站文章', site: sites.xian } });
    await cm(editor).get(`/governance/columns?article=${documentId}`).expect(404);
    await cm(reader).get(`/governance/columns?site=${sites.hanbin}`).expect(403);
    const bad = await cm(editor)
      .get(`/governance/columns?site=${'x'.repeat(65)}`)
      .expect(400);
    expect(bad.body.error.message).toBe(ERRORS.query);
  });
});
