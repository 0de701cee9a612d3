/**
 * Private until published (media/file-gate.ts, media/published-files.ts, media/file-pass.ts): a
 * file answers the public at its URL only while a published article uses it; before (a draft in
 * review) and after (unpublished, deleted) it is 404 to the public, alike a file that does not
 * exist, while staff of its site open it with their file pass. Attacked by URL guessing, forged
 * and foreign passes.
 */
import sharp from 'sharp';
import { imageBlock, paragraph } from '@test-helpers/article-body';
import { approveArticle, createReviewTeam, type ReviewTeam } from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import {
  asAdmin,
  filePassCookie,
  startApp,
  type TestAdmin,
  type TestApp,
  uploadAs,
} from '@test-helpers/strapi';
import { FILE_PASS_COOKIE, filePasses } from '../file-pass';
import { ARTICLE } from '../../uids';

const CM = `/content-manager/collection-types/${ARTICLE}`;
const NOT_FOUND = '找不到该文件：文件不存在，或所在的文章尚未发布。';

let app: TestApp;
let team: ReviewTeam;
let staff: Record<'province' | 'xianEditor' | 'baojiEditor', TestAdmin>;
let sites: Record<'xian' | 'baoji', string>;

interface Uploaded {
  id: number;
  name: string;
  url: string;
  formats: Record<string, { url: string }> | null;
}
let form: Uploaded;
let photo: Uploaded;
const FORM_BYTES = Buffer.from('%PDF-1.4\n% 低保申请表\n%%EOF');

const upload = (name: string, bytes: Buffer, info: object = {}) =>
  uploadAs<Uploaded>(app, staff.xianEditor, name, bytes, info);

const fetchAs = (url: string, cookie?: string) => {
  const request = app.http().get(url);
  return cookie ? request.set('Cookie', cookie) : request;
};

const statusOf = async (url: string, cookie?: string) => (await fetchAs(url, cookie)).status;

beforeAll(async () => {
  app = await startApp('file-gate');
  team = await createReviewTeam(app);
  ({ sites, staff } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市', level: 'city', sortOrder: 1 },
      baoji: { name: '宝鸡市', level: 'city', sortOrder: 2 },
    },
    staff: {
      province: ['governance-provincial-admin', '省厅'],
      xianEditor: ['governance-site-editor', '西安编辑', { xian: 'editor' }],
      baojiEditor: ['governance-site-editor', '宝鸡编辑', { baoji: 'editor' }],
    },
  }));
  form = await upload('低保申请表.pdf', FORM_BYTES);
  // Large enough for a thumbnail: the gate must know the variants of a file too.
  photo = await upload(
    '钟楼.png',
    await sharp({ create: { width: 400, height: 300, channels: 3, background: '#8b0000' } })
      .png()
      .toBuffer(),
    { alternativeText: '西安钟楼' }
  );
});

afterAll(() => app?.stop());

describe('a file no published article uses', () => {
  it('is 404 to the public, alike a file that does not exist', async () => {
    for (const url of [form.url, photo.url, photo.formats!.thumbnail.url]) {
      const res = await fetchAs(url);
      expect([url, res.status, res.text]).toEqual([url, 404, NOT_FOUND]);
    }
    const missing = await fetchAs('/uploads/no-such-file_0123456789.pdf');
    expect([missing.status, missing.text]).toEqual([404, NOT_FOUND]);
  });

  it('opens for staff of its site with their pass, as data under its Chinese name', async () => {
    const pass = await filePassCookie(app, staff.xianEditor);
    expect(pass.header).toMatch(/path=\/uploads/i);
    expect(pass.header).toMatch(/httponly/i);
    expect(pass.header).toMatch(/samesite=strict/i);
    const res = await fetchAs(form.url, pass.value).buffer(true);
    expect(res.status).toBe(200);
    expect(Buffer.from(res.body).equals(FORM_BYTES)).toBe(true);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="?????.pdf"; filename*=UTF-8''${encodeURIComponent('低保申请表.pdf')}`
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const image = await fetchAs(photo.formats!.thumbnail.url, pass.value);
    expect([image.status, image.headers['content-disposition']]).toEqual([
      200,
      `inline; filename="??.png"; filename*=UTF-8''${encodeURIComponent('钟楼.png')}`,
    ]);
    // The province opens every site's files.
    expect(await statusOf(form.url, (await filePassCookie(app, staff.province)).value)).toBe(200);
  });

  it('stays closed to another site’s staff, a forged pass and an expired one', async () => {
    expect(await statusOf(form.url, (await filePassCookie(app, staff.baojiEditor)).value)).toBe(
      404
    );
    const [payload, signature] = (await filePassCookie(app, staff.baojiEditor)).value
      .slice(FILE_PASS_COOKIE.length + 1)
      .split('.');
    // 宝鸡's pass rewritten to open every file: the signature no longer holds.
    const widened = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
        folderPaths: null,
      })
    ).toString('base64url');
    expect(await statusOf(form.url, `${FILE_PASS_COOKIE}=${widened}.${signature}`)).toBe(404);
    expect(await statusOf(form.url, `${FILE_PASS_COOKIE}=garbage`)).toBe(404);
    const passes = filePasses(app.strapi);
    const old = passes.issue({ userId: 1, folderPaths: null }, Date.now() - 31 * 60 * 1000);
    expect(passes.read(old)).toBeNull();
    expect(await statusOf(form.url, `${FILE_PASS_COOKIE}=${old}`)).toBe(404);
  });

  it('cannot be reached by another spelling of its URL', async () => {
    const name = form.url.slice('/uploads/'.length);
    for (const url of [
      `/uploads/${name.toUpperCase()}`,
      `/uploads/${name}?download=1`,
      `/uploads/./${name}`,
      `/uploads//${name}`,
      `/uploads/%2e/${name}`,
      `/uploads/x/../${name}`,
    ])
      expect([url, await statusOf(url)]).toEqual([url, 404]);
  });
});

describe('a file a published article uses', () => {
  const write = async (title: string, body: unknown[] = paragraph('正文。')) => {
    const res = await asAdmin(app, staff.xianEditor)
      .post(CM, {
        title,
        site: sites.xian,
        body,
        cover: photo.id,
        attachments: [{ name: '低保申请表', file: form.id }],
      })
      .expect(201);
    return res.body.data.documentId as string;
  };
  const publish = async (documentId: string) => {
    await approveArticle(app, team, documentId);
    await app.strapi.documents(ARTICLE).publish({ documentId });
  };

  it('answers the public from its publication until it is unpublished or deleted', async () => {
    const documentId = await write('城乡低保申请指南');
    // In review: still closed.
    await asAdmin(app, staff.xianEditor)
      .post(`/governance/review/articles/${documentId}/submit`)
      .expect(200);
    expect(await statusOf(form.url)).toBe(404);

    await publish(documentId);
    const online = await fetchAs(form.url);
    expect([online.status, online.headers['cache-control']]).toEqual([200, 'public, no-cache']);
    expect(await statusOf(photo.url)).toBe(200);
    expect(await statusOf(photo.formats!.thumbnail.url)).toBe(200);

    await app.strapi.documents(ARTICLE).unpublish({ documentId });
    expect([await statusOf(form.url), await statusOf(photo.url)]).toEqual([404, 404]);

    // Still approved as it is: published again without a new round.
    await app.strapi.documents(ARTICLE).publish({ documentId });
    expect(await statusOf(form.url)).toBe(200);
    await app.strapi.documents(ARTICLE).delete({ documentId });
    expect(await statusOf(form.url)).toBe(404);
  });

  it('stays online while another published article still uses it; a body image too', async () => {
    const first = await write('政策解读（一）');
    const second = await write('政策解读（二）', [
      ...paragraph('见图。'),
      imageBlock({
        url: photo.url,
        name: '钟楼.png',
        hash: 'x',
        alternativeText: '西安钟楼',
        caption: null,
      }),
    ]);
    await publish(first);
    await publish(second);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: first });
    expect([await statusOf(form.url), await statusOf(photo.url)]).toEqual([200, 200]);
    await app.strapi.documents(ARTICLE).unpublish({ documentId: second });
    expect([await statusOf(form.url), await statusOf(photo.url)]).toEqual([404, 404]);
  });
});
