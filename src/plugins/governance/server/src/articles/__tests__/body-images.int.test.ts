/**
 * Images in article bodies over the real write paths: only the media library's own files, or
 * images on a configured host, are stored; anything else is refused with its URL and nothing
 * is written.
 */
import { imageBlock, libraryFile, paragraph } from '@test-helpers/article-body';
import { createSites } from '@test-helpers/sites';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { ERRORS } from '../messages';
import { ARTICLE } from '../../uids';

const CM = `/content-manager/collection-types/${ARTICLE}`;
const ALLOWED_HOST = 'img.example.gov.cn';

let app: TestApp;
let admin: TestAdmin;
let site: string;
const library = { url: '', thumbnail: '' };

/** An image block as the Content Manager's blocks editor writes it, pointing at `url`. */
const image = (url: string, formats: Record<string, object> | null = null) =>
  imageBlock({
    url,
    formats,
    name: 'seal.png',
    hash: 'seal',
    alternativeText: '印章',
    caption: null,
  });
const bodyWith = (...blocks: object[]) => [...paragraph('见下图'), ...blocks];

const BAD_URLS = [
  ['javascript:', 'javascript:alert(1)'],
  [
    'a data: URL',
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABXvMqGgAAAABJRU5ErkJggg==',
  ],
  ['another host', 'https://evil.example/x.png'],
  ['a protocol-relative URL', '//evil.example/x.png'],
  ['an upload path no file has', '/uploads/not-in-the-library.png'],
];

beforeAll(async () => {
  process.env.ARTICLE_IMAGE_HOSTS = ALLOWED_HOST;
  app = await startApp('body-images');
  admin = await createAdmin(app);
  ({
    sites: { xian: site },
  } = await createSites(app, { xian: { name: '西安市', level: 'city' } }));
  const file = await libraryFile(app, 'seal.png', 'seal_1a2b', {
    site,
    formats: {
      thumbnail: {
        name: 'thumbnail_seal.png',
        hash: 'thumbnail_seal_1a2b',
        ext: '.png',
        mime: 'image/png',
        width: 1,
        height: 1,
        size: 0.07,
        url: '/uploads/thumbnail_seal_1a2b.png',
      },
    },
  });
  library.url = file.url;
  library.thumbnail = file.formats.thumbnail.url;
});

afterAll(async () => {
  delete process.env.ARTICLE_IMAGE_HOSTS;
  await app?.stop();
});

const storedBodies = async (title: string) =>
  (await app.strapi.db.query(ARTICLE).findMany({ where: { title }, select: ['body'] })).map(
    (row) => row.body
  );

describe('images in an article body', () => {
  it.each(BAD_URLS)(
    'refuses to create an article with an image from %s, naming it',
    async (_what, url) => {
      const title = `坏图片 ${url.slice(0, 20)}`;
      const res = await asAdmin(app, admin).post(CM, {
        title,
        site,
        body: bodyWith(image(url)),
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(ERRORS.imageNotAllowed(url));
      expect(await storedBodies(title)).toEqual([]);
    }
  );

  it.each(BAD_URLS)(
    'refuses to put an image from %s into an existing article',
    async (_what, url) => {
      const created = await asAdmin(app, admin)
        .post(CM, { title: '已有文章', site, body: bodyWith() })
        .expect(201);
      const id = created.body.data.documentId;
      const res = await asAdmin(app, admin).put(`${CM}/${id}`, { body: bodyWith(image(url)) });
      expect(res.status).toBe(400);
      const [row] = await app.strapi.db
        .query(ARTICLE)
        .findMany({ where: { documentId: id }, select: ['body'] });
      expect(JSON.stringify(row.body)).not.toContain('image');
    }
  );

  it('refuses a library image whose formats point elsewhere', async () => {
    const block = image(library.url, { thumbnail: { url: 'https://evil.example/t.png' } });
    const res = await asAdmin(app, admin).post(CM, {
      title: '缩略图被改',
      site,
      body: bodyWith(block),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(ERRORS.imageNotAllowed('https://evil.example/t.png'));
  });

  it('refuses the same through the Document Service', async () => {
    await expect(
      app.strapi.documents(ARTICLE).create({
        data: {
          title: '脚本写入坏图片',
          site,
          body: bodyWith(image('javascript:alert(1)')),
        } as never,
      })
    ).rejects.toThrow(ERRORS.imageNotAllowed('javascript:alert(1)'));
    expect(await storedBodies('脚本写入坏图片')).toEqual([]);
  });

  it('keeps a media library file, with its formats, and an image on a configured host', async () => {
    const body = bodyWith(
      image(library.url, { thumbnail: { url: library.thumbnail } }),
      image(`https://${ALLOWED_HOST}/2014/photo.png`)
    );
    const res = await asAdmin(app, admin).post(CM, { title: '好图片', site, body }).expect(201);
    const [stored] = await storedBodies('好图片');
    expect(stored).toEqual(body);
    // …and an edit that keeps them is accepted too.
    await asAdmin(app, admin)
      .put(`${CM}/${res.body.data.documentId}`, { title: '好图片', body })
      .expect(200);
  });
});
