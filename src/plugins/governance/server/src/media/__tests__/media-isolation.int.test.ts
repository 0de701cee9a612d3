/**
 * Each site's media, isolated (media/site-folders.ts, media/route-guard.ts, the own-site
 * condition): 西安's editor attacks 宝鸡's files and folders through every route of the media
 * library — list, read, replace, move, delete, bulk actions, folders, the folder tree, uploads
 * into another site's folder — and is refused each time; 宝鸡's files stay as they were.
 */
import { createSitesAndStaff } from '@test-helpers/sites';
import { startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { UPLOAD_FILE, UPLOAD_FOLDER } from '../../uids';

let app: TestApp;
let staff: Record<
  'province' | 'xianEditor' | 'baojiEditor' | 'twoSites' | 'baojiReviewer',
  TestAdmin
>;
let siteIds: Record<'xian' | 'baoji', number>;

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF`);

const as = (admin: TestAdmin) => {
  const auth = { Authorization: `Bearer ${admin.token}` };
  return {
    get: (url: string) => app.http().get(url).set(auth),
    post: (url: string, body: object) => app.http().post(url).set(auth).send(body),
    put: (url: string, body: object) => app.http().put(url).set(auth).send(body),
    delete: (url: string) => app.http().delete(url).set(auth),
    upload: (name: string, bytes: Buffer, fileInfo?: object, url = '/upload') => {
      const request = app.http().post(url).set(auth).attach('files', bytes, name);
      return fileInfo ? request.field('fileInfo', JSON.stringify(fileInfo)) : request;
    },
  };
};

const rootOf = async (site: 'xian' | 'baoji') =>
  (await app.strapi.plugin('governance').service('siteFolders').roots([siteIds[site]])).get(
    siteIds[site]
  ) as { id: number; path: string };

const fileRow = (id: number) =>
  app.strapi.db
    .query(UPLOAD_FILE)
    .findOne({ where: { id }, select: ['id', 'name', 'folderPath', 'url'] });

let baojiFile: { id: number; url: string };
let baojiSubfolder: { id: number };

beforeAll(async () => {
  app = await startApp('media-isolation');
  ({ staff, siteIds } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市', level: 'city', sortOrder: 1 },
      baoji: { name: '宝鸡市', level: 'city', sortOrder: 2 },
    },
    staff: {
      province: ['governance-provincial-admin', '建国'],
      xianEditor: ['governance-site-editor', '西安编辑', { xian: 'editor' }],
      baojiEditor: ['governance-site-editor', '宝鸡编辑', { baoji: 'editor' }],
      twoSites: ['governance-site-editor', '两站编辑', { xian: 'editor', baoji: 'editor' }],
      baojiReviewer: ['governance-reviewer', '宝鸡审核', { baoji: 'reviewer' }],
    },
  }));
  // 宝鸡's editor uploads without naming a folder: the file goes to 宝鸡's folder.
  const uploaded = await as(staff.baojiEditor).upload('宝鸡市民政局招聘公告.pdf', pdf('宝鸡'));
  expect(uploaded.status).toBe(201);
  baojiFile = uploaded.body[0];
  const folder = await as(staff.baojiEditor).post('/upload/folders', {
    name: '2025年招聘',
    parent: (await rootOf('baoji')).id,
  });
  expect(folder.status).toBe(201);
  baojiSubfolder = folder.body.data;
});

afterAll(() => app?.stop());

describe('each site has a folder of its own', () => {
  it('named after the site, made when the site is made', async () => {
    const roots = await Promise.all([rootOf('xian'), rootOf('baoji')]);
    const names = await app.strapi.db.query(UPLOAD_FOLDER).findMany({
      where: { id: { $in: roots.map((root) => root.id) } },
      select: ['name'],
    });
    expect(names.map((folder: { name: string }) => folder.name).sort()).toEqual(
      ['宝鸡市（baoji）', '西安市（xian）'].sort()
    );
    expect((await fileRow(baojiFile.id)).folderPath).toBe((await rootOf('baoji')).path);
  });
});

describe("another site's files and folders", () => {
  const attacker = () => as(staff.xianEditor);

  it('are not listed, in the library, the pickers or the folder tree', async () => {
    const files = await attacker().get('/upload/files?page=1&pageSize=100').expect(200);
    expect(files.body.results.map((file: { id: number }) => file.id)).not.toContain(baojiFile.id);
    const own = await as(staff.baojiEditor).get('/upload/files?page=1&pageSize=100').expect(200);
    expect(own.body.results.map((file: { id: number }) => file.id)).toContain(baojiFile.id);

    const folders = await attacker().get('/upload/folders').expect(200);
    const folderIds = folders.body.data.map((folder: { id: number }) => folder.id);
    expect(folderIds).toEqual([(await rootOf('xian')).id]);
    const filtered = await attacker()
      .get(`/upload/folders?filters[parent][id]=${(await rootOf('baoji')).id}`)
      .expect(200);
    expect(filtered.body.data).toEqual([]);

    const tree = await attacker().get('/upload/folder-structure').expect(200);
    expect(tree.body.data.map((folder: { name: string }) => folder.name)).toEqual([
      '西安市（xian）',
    ]);
    const provincial = await as(staff.province).get('/upload/folder-structure').expect(200);
    expect(provincial.body.data.length).toBeGreaterThanOrEqual(2);
  });

  it('cannot be read, replaced, changed, moved or deleted one by one', async () => {
    await attacker().get(`/upload/files/${baojiFile.id}`).expect(403);
    expect(
      (await attacker().upload('替换.pdf', pdf('西安'), undefined, `/upload?id=${baojiFile.id}`))
        .status
    ).toBe(403);
    expect(
      (
        await attacker().upload(
          '替换.pdf',
          pdf('西安'),
          undefined,
          `/upload/files/${baojiFile.id}/replace`
        )
      ).status
    ).toBe(403);
    expect(
      (await attacker().put(`/upload/files/${baojiFile.id}`, { fileInfo: { name: '改名.pdf' } }))
        .status
    ).toBe(403);
    await attacker().delete(`/upload/files/${baojiFile.id}`).expect(403);
    expect(await fileRow(baojiFile.id)).toMatchObject({ name: '宝鸡市民政局招聘公告.pdf' });
  });

  it('cannot be deleted, moved or changed in bulk', async () => {
    const xianRoot = (await rootOf('xian')).id;
    for (const [url, body] of [
      ['/upload/actions/bulk-delete', { fileIds: [baojiFile.id], folderIds: [] }],
      ['/upload/actions/bulk-delete', { fileIds: [], folderIds: [baojiSubfolder.id] }],
      [
        '/upload/actions/bulk-move',
        { fileIds: [baojiFile.id], folderIds: [], destinationFolderId: xianRoot },
      ],
      [
        '/upload/actions/bulk-move',
        { fileIds: [], folderIds: [baojiSubfolder.id], destinationFolderId: xianRoot },
      ],
      [
        '/upload/actions/bulk-update',
        { updates: [{ id: baojiFile.id, fileInfo: { name: '改名.pdf' } }] },
      ],
    ] as const) {
      const response = await attacker().post(url, body);
      expect(response.status).toBe(403);
    }
    expect(await fileRow(baojiFile.id)).toMatchObject({ name: '宝鸡市民政局招聘公告.pdf' });
    expect(
      await app.strapi.db.query(UPLOAD_FOLDER).findOne({ where: { id: baojiSubfolder.id } })
    ).not.toBeNull();
  });

  it("cannot take another site's folder: open it, add to it, rename it, upload into it", async () => {
    const baojiRoot = (await rootOf('baoji')).id;
    await attacker().get(`/upload/folders/${baojiRoot}`).expect(403);
    expect(
      (await attacker().post('/upload/folders', { name: '渗透', parent: baojiRoot })).status
    ).toBe(403);
    expect((await attacker().post('/upload/folders', { name: '渗透', parent: null })).status).toBe(
      403
    );
    expect(
      (await attacker().put(`/upload/folders/${baojiSubfolder.id}`, { name: '渗透' })).status
    ).toBe(403);
    const upload = await attacker().upload('通知.pdf', pdf('西安'), { folder: baojiRoot });
    expect(upload.status).toBe(403);
    expect(upload.body.error.message).toMatch(/本站点的文件夹/);
    const fromUrls = await attacker().post('/upload/actions/upload-from-urls', {
      urls: ['http://127.0.0.1:1/a.pdf'],
      folderId: baojiRoot,
    });
    expect(fromUrls.status).toBe(403);
  });

  it("moving one's own file into another site's folder is refused too", async () => {
    const own = await attacker().upload('西安通知.pdf', pdf('西安'));
    expect(own.status).toBe(201);
    const [file] = own.body;
    const baojiRoot = (await rootOf('baoji')).id;
    expect(
      (await attacker().put(`/upload/files/${file.id}`, { fileInfo: { folder: baojiRoot } })).status
    ).toBe(403);
    expect(
      (
        await attacker().post('/upload/actions/bulk-move', {
          fileIds: [file.id],
          folderIds: [],
          destinationFolderId: baojiRoot,
        })
      ).status
    ).toBe(403);
    expect((await fileRow(file.id)).folderPath).toBe((await rootOf('xian')).path);
  });
});

describe('own sites', () => {
  it('opens a folder as the media library asks for it, its parents populated with a star', async () => {
    const res = await as(staff.baojiEditor).get(
      `/upload/folders/${baojiSubfolder.id}?populate[parent][populate][parent]=*&populate[children][count]=true&populate[files][count]=true`
    );
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    expect(res.body.data.parent.name).toBe('宝鸡市（baoji）');
    // The folders' creators are not the editor's to read.
    expect(res.body.data.parent).not.toHaveProperty('createdBy');
  });

  it("several files with the details of one: each lands in the site's folder", async () => {
    const response = await app
      .http()
      .post('/upload')
      .set({ Authorization: `Bearer ${staff.baojiEditor.token}` })
      .attach('files', pdf('一'), '附件一.pdf')
      .attach('files', pdf('二'), '附件二.pdf')
      .field('fileInfo', JSON.stringify({ name: '附件一.pdf' }));
    const root = (await rootOf('baoji')).path;
    if (response.status === 201)
      for (const file of response.body) expect((await fileRow(file.id)).folderPath).toBe(root);
    else expect(response.status).toBe(400);
    const stray = await app.strapi.db.query(UPLOAD_FILE).findMany({
      where: { name: { $in: ['附件一.pdf', '附件二.pdf'] }, folderPath: { $notIn: [root] } },
    });
    expect(stray).toEqual([]);
  });

  it("a site's root folder stays: it cannot be deleted or moved by the site", async () => {
    const baojiRoot = (await rootOf('baoji')).id;
    const response = await as(staff.baojiEditor).post('/upload/actions/bulk-delete', {
      fileIds: [],
      folderIds: [baojiRoot],
    });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/根文件夹/);
  });

  it('an editor of two sites chooses the folder; a reviewer sees the files', async () => {
    const response = await as(staff.twoSites).upload('通知.pdf', pdf('两站'));
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/多个站点/);
    const chosen = await as(staff.twoSites).upload('通知.pdf', pdf('两站'), {
      folder: (await rootOf('xian')).id,
    });
    expect(chosen.status).toBe(201);

    const seen = await as(staff.baojiReviewer).get('/upload/files?page=1&pageSize=100').expect(200);
    expect(seen.body.results.map((file: { id: number }) => file.id)).toContain(baojiFile.id);
    const baojiRoot = (await rootOf('baoji')).path;
    for (const { id } of seen.body.results as Array<{ id: number }>)
      expect((await fileRow(id)).folderPath).toBe(baojiRoot);
    expect((await as(staff.baojiReviewer).upload('审核.pdf', pdf('审核'))).status).toBe(403);
  });

  it("reads the group's image settings but leaves changing them to the province", async () => {
    const settings = await as(staff.baojiEditor).get('/upload/settings').expect(200);
    const changed = await as(staff.baojiEditor).put('/upload/settings', {
      ...settings.body.data,
      sizeOptimization: !settings.body.data.sizeOptimization,
    });
    expect(changed.status).toBe(403);
    expect(changed.body.error.message).toMatch(/省厅管理员/);
    expect((await as(staff.province).get('/upload/settings').expect(200)).body.data).toEqual(
      settings.body.data
    );
  });
});
