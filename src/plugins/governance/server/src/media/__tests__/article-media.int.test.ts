/**
 * Articles with media (media/article-media.ts): a cover image, images in the body and ordered,
 * named attachments. 西安's editor may use 西安's files only, on every write path; images need
 * their alternative text and attachments their name before review; the public API lists the
 * attachments (name, type, size, URL) and the images with their text, and nothing of the
 * library's own bookkeeping.
 */
import sharp from 'sharp';
import { imageBlock, paragraph } from '@test-helpers/article-body';
import { approveArticle, createReviewTeam, type ReviewTeam } from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, uploadAs, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { MEDIA_ERRORS } from '../messages';
import { ARTICLE } from '../../uids';

const CM = `/content-manager/collection-types/${ARTICLE}`;

let app: TestApp;
let team: ReviewTeam;
let staff: Record<'xianEditor' | 'baojiEditor', TestAdmin>;
let sites: Record<'xian' | 'baoji', string>;

interface Uploaded {
  id: number;
  name: string;
  url: string;
  size: number;
}
const files = {} as Record<'photo' | 'form' | 'baojiPhoto' | 'baojiForm', Uploaded>;

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF`);
const png = () =>
  sharp({ create: { width: 8, height: 6, channels: 3, background: '#b22222' } })
    .png()
    .toBuffer();

const upload = (who: TestAdmin, name: string, bytes: Buffer, info: object = {}) =>
  uploadAs<Uploaded>(app, who, name, bytes, info);

const bodyImage = (file: Uploaded, alternativeText = '') =>
  imageBlock({ url: file.url, name: file.name, hash: 'x', alternativeText, caption: null });

beforeAll(async () => {
  app = await startApp('article-media');
  team = await createReviewTeam(app);
  ({ sites, staff } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市', level: 'city', sortOrder: 1 },
      baoji: { name: '宝鸡市', level: 'city', sortOrder: 2 },
    },
    staff: {
      xianEditor: ['governance-site-editor', '西安编辑', { xian: 'editor' }],
      baojiEditor: ['governance-site-editor', '宝鸡编辑', { baoji: 'editor' }],
    },
  }));
  files.photo = await upload(staff.xianEditor, '钟楼.png', await png());
  files.form = await upload(staff.xianEditor, '低保申请表.pdf', pdf('西安'));
  files.baojiPhoto = await upload(staff.baojiEditor, '宝鸡.png', await png(), {
    alternativeText: '宝鸡市容',
  });
  files.baojiForm = await upload(staff.baojiEditor, '宝鸡申请表.pdf', pdf('宝鸡'));
});

afterAll(() => app?.stop());

const draft = (documentId: string) =>
  app.strapi.db.query(ARTICLE).findOne({
    where: { documentId, publishedAt: null },
    populate: { cover: true, attachments: { populate: { file: true } } },
  });

describe('an article carries a cover, body images and named attachments', () => {
  it('saves them in the Content Manager, the attachments in their order', async () => {
    const res = await asAdmin(app, staff.xianEditor).post(CM, {
      title: '城乡低保申请指南',
      site: sites.xian,
      body: [...paragraph('申请条件见附件。'), bodyImage(files.photo)],
      cover: files.photo.id,
      attachments: [
        { name: '申请表', file: files.form.id },
        { name: '申请表（图）', file: files.photo.id },
      ],
    });
    expect([res.status, res.body.error?.message]).toEqual([201, undefined]);
    const row = await draft(res.body.data.documentId);
    expect(row.cover.id).toBe(files.photo.id);
    expect(
      row.attachments.map((a: { name: string; file: { id: number } }) => [a.name, a.file.id])
    ).toEqual([
      ['申请表', files.form.id],
      ['申请表（图）', files.photo.id],
    ]);
  });
});

describe('only the site’s own files', () => {
  const ATTACKS: Array<[string, () => Record<string, unknown>, () => Uploaded]> = [
    ['as the cover', () => ({ cover: files.baojiPhoto.id }), () => files.baojiPhoto],
    [
      'as an attachment',
      () => ({ attachments: [{ name: '申请表', file: files.baojiForm.id }] }),
      () => files.baojiForm,
    ],
    [
      'in the body',
      () => ({ body: [...paragraph('图'), bodyImage(files.baojiPhoto, '宝鸡市容')] }),
      () => files.baojiPhoto,
    ],
  ];

  it.each(ATTACKS)(
    'refuses another site’s file %s, on create and on update',
    async (_, data, file) => {
      const editor = asAdmin(app, staff.xianEditor);
      const created = await editor.post(CM, {
        title: '借用宝鸡的文件',
        site: sites.xian,
        ...data(),
      });
      expect([created.status, created.body.error?.message]).toEqual([
        400,
        MEDIA_ERRORS.fileOfOtherSite(file().name),
      ]);

      const own = await editor.post(CM, { title: '本站文章', site: sites.xian }).expect(201);
      const { documentId } = own.body.data;
      const updated = await editor.put(`${CM}/${documentId}`, { ...data() });
      expect([updated.status, updated.body.error?.message]).toEqual([
        400,
        MEDIA_ERRORS.fileOfOtherSite(file().name),
      ]);
      const row = await draft(documentId);
      expect([row.cover, row.attachments]).toEqual([null, []]);
    }
  );

  it('refuses it through the Document Service too, and a move of the article to another site', async () => {
    const documents = app.strapi.documents(ARTICLE);
    const article = await documents.create({
      data: { title: '服务层写入', site: sites.xian, cover: files.photo.id } as never,
    });
    await expect(
      documents.update({
        documentId: article.documentId,
        data: { cover: files.baojiPhoto.id } as never,
      })
    ).rejects.toThrow(MEDIA_ERRORS.fileOfOtherSite(files.baojiPhoto.name));
    // 西安's photo does not go to 宝鸡 with the article.
    await expect(
      documents.update({ documentId: article.documentId, data: { site: sites.baoji } as never })
    ).rejects.toThrow(MEDIA_ERRORS.fileOfOtherSite(files.photo.name));
    expect((await draft(article.documentId)).cover.id).toBe(files.photo.id);
  });
});

describe('before review: images need their text, attachments their name', () => {
  let documentId: string;

  beforeAll(async () => {
    const res = await asAdmin(app, staff.xianEditor)
      .post(CM, {
        title: '缺少说明的文章',
        site: sites.xian,
        body: [...paragraph('正文。'), bodyImage(files.photo)],
        cover: files.photo.id,
        attachments: [{ name: '', file: files.form.id }, { name: '空附件' }],
      })
      .expect(201);
    documentId = res.body.data.documentId;
  });

  const submit = () =>
    asAdmin(app, staff.xianEditor).post(`/governance/review/articles/${documentId}/submit`);

  it('refuses the submission, saying what is missing, in Chinese', async () => {
    const res = await submit();
    expect(res.status).toBe(400);
    expect(res.body.error.details.problems).toEqual([
      MEDIA_ERRORS.coverWithoutText('钟楼.png'),
      MEDIA_ERRORS.bodyImageWithoutText(1, '钟楼.png'),
      MEDIA_ERRORS.attachmentWithoutName(1, '低保申请表.pdf'),
      MEDIA_ERRORS.attachmentWithoutFile(2),
    ]);
    expect(res.body.error.message).toContain('不能送审');
  });

  it('takes the image’s text from the library when the article is saved again', async () => {
    await app
      .http()
      .post(`/upload?id=${files.photo.id}`)
      .set({ Authorization: `Bearer ${staff.xianEditor.token}` })
      .field('fileInfo', JSON.stringify({ alternativeText: '西安钟楼', name: '钟楼.png' }))
      .expect(200);
    const row = await draft(documentId);
    await asAdmin(app, staff.xianEditor)
      .put(`${CM}/${documentId}`, {
        body: row.body,
        attachments: [{ name: '低保申请表', file: files.form.id }],
      })
      .expect(200);
    const saved = await draft(documentId);
    expect(saved.body[1].image.alternativeText).toBe('西安钟楼');
    const res = await submit();
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
  });
});

describe('the public API', () => {
  it('lists the attachments and the images with their text, and no bookkeeping of the library', async () => {
    const created = await asAdmin(app, staff.xianEditor)
      .post(CM, {
        title: '城乡低保政策解读',
        site: sites.xian,
        body: [...paragraph('详见附件。'), bodyImage(files.photo, '西安钟楼')],
        cover: files.photo.id,
        attachments: [{ name: '低保申请表', file: files.form.id }],
      })
      .expect(201);
    const { documentId } = created.body.data;
    await approveArticle(app, team, documentId);
    await app.strapi.documents(ARTICLE).publish({ documentId });

    const one = await app.http().get(`/api/articles/${documentId}`).expect(200);
    const list = await app
      .http()
      .get(`/api/articles?filters[site][code][$eq]=xian&sort=firstPublishedAt:desc`)
      .expect(200);
    for (const entry of [
      one.body.data,
      list.body.data.find((a: { documentId: string }) => a.documentId === documentId),
    ]) {
      expect(entry.cover).toEqual({
        url: files.photo.url,
        alternativeText: '西安钟楼',
        width: 8,
        height: 6,
      });
      expect(entry.attachments).toEqual([
        {
          name: '低保申请表',
          type: 'application/pdf',
          ext: 'pdf',
          size: Math.round(files.form.size * 1024),
          url: files.form.url,
        },
      ]);
      expect(entry.images).toEqual([
        { url: files.photo.url, alternativeText: '西安钟楼' },
        { url: files.photo.url, alternativeText: '西安钟楼' },
      ]);
      expect(Object.keys(entry.body[1].image).sort()).toEqual(
        ['alternativeText', 'caption', 'height', 'url', 'width'].sort()
      );
    }
  });
});
