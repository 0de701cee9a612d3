/**
 * Attachments reviewed with the article (docs/media.md): the word, wording and personal-data
 * checks read the text of PDF, Word and Excel attachments at submission, an attachment whose text cannot be
 * read is named for the reviewers, and the approval covers the files' contents, so a file
 * replaced after it (an attachment or a body image, which keep their id and URL) voids it.
 */
import sharp from 'sharp';
import { imageBlock, paragraph, paragraphWithLink } from '@test-helpers/article-body';
import { docxWith, pdfWith, xlsxWith } from '@test-helpers/documents';
import { approveArticle, createReviewTeam, type ReviewTeam } from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import {
  asAdmin,
  createAdmin,
  startApp,
  uploadAs,
  type TestAdmin,
  type TestApp,
} from '@test-helpers/strapi';
import type { WordHit } from '../../../../shared/contracts/review';
import { ERRORS } from '../../review/messages';
import { ARTICLE } from '../../uids';

const CM = `/content-manager/collection-types/${ARTICLE}`;

let app: TestApp;
let team: ReviewTeam;
let editor: TestAdmin;
let sites: Record<'xian', string>;
let province: TestAdmin;

interface Uploaded {
  id: number;
  name: string;
  url: string;
}

const png = (background: string) =>
  sharp({ create: { width: 8, height: 6, channels: 3, background } })
    .png()
    .toBuffer();

const upload = (name: string, bytes: Buffer, info: object = {}) =>
  uploadAs<Uploaded>(app, editor, name, bytes, info);

/** Changes a library file's details (name, alternative text), as the media library's form does. */
const editFileInfo = (id: number, info: object) =>
  app
    .http()
    .post(`/upload?id=${id}`)
    .set({ Authorization: `Bearer ${editor.token}` })
    .field('fileInfo', JSON.stringify(info))
    .expect(200);

/** Replaces the library file `id` with other bytes, as the media library's 替换文件 does. */
const replaceFile = async (id: number, name: string, bytes: Buffer) => {
  const res = await app
    .http()
    .post(`/upload?id=${id}`)
    .set({ Authorization: `Bearer ${editor.token}` })
    .attach('files', bytes, name)
    .field('fileInfo', JSON.stringify({ name }));
  expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
};

const review = (documentId: string) =>
  asAdmin(app, editor).get(`/governance/review/articles/${documentId}`).expect(200);

const submit = (documentId: string) =>
  asAdmin(app, editor).post(`/governance/review/articles/${documentId}/submit`);

/** A 西安 draft with these attachments (display name and file). */
const draftWith = async (
  title: string,
  attachments: Array<[string, Uploaded]>,
  extra: object = {}
) => {
  const res = await asAdmin(app, editor).post(CM, {
    title,
    site: sites.xian,
    body: paragraph('详见附件。'),
    attachments: attachments.map(([name, file]) => ({ name, file: file.id })),
    ...extra,
  });
  expect([res.status, res.body.error?.message]).toEqual([201, undefined]);
  return res.body.data.documentId as string;
};

const inAttachments = (hits: WordHit[]) =>
  hits
    .filter((hit) => hit.field === 'attachments.file')
    .map((hit) => [hit.file, hit.kind ?? 'word', hit.word, hit.level]);

beforeAll(async () => {
  app = await startApp('attachment-review');
  team = await createReviewTeam(app);
  ({
    sites,
    staff: { editor },
  } = await createSitesAndStaff(app, {
    sites: { xian: { name: '西安市', level: 'city', sortOrder: 1 } },
    staff: { editor: ['governance-site-editor', '西安编辑', { xian: 'editor' }] },
  }));
  province = await createAdmin(app, 'governance-provincial-admin', '词库管理');
  for (const [word, level] of [
    ['绝密', 'forbidden'],
    ['内部资料', 'check'],
  ])
    await asAdmin(app, province).post('/governance/review/words', { word, level }).expect(201);
});

afterAll(() => app?.stop());

describe('the checks read the attachments’ text at submission', () => {
  it('refuses a forbidden word in a Word attachment, naming the attachment', async () => {
    const plan = await upload(
      '实施方案.docx',
      await docxWith(['一、总体要求', '本方案属绝密内容。'])
    );
    const documentId = await draftWith('关于印发实施方案的通知', [['实施方案', plan]]);
    const res = await submit(documentId);
    expect([res.status, res.body.error.message]).toEqual([400, ERRORS.blockingHits(['绝密'], [])]);
    expect(inAttachments(res.body.error.details.wordHits)).toEqual([
      ['实施方案', 'word', '绝密', 'forbidden'],
    ]);
    const [hit] = res.body.error.details.wordHits as WordHit[];
    expect(hit.context).toContain('本方案属绝密内容');
  });

  it('reads a file the body links to as it reads an attachment, named by the link’s words', async () => {
    const plan = await upload(
      '工作方案.docx',
      await docxWith(['一、工作目标', '本方案属绝密内容，不得外传。'])
    );
    const documentId = await draftWith('关于印发工作方案的通知', [], {
      body: paragraphWithLink('请下载：', plan.url, '工作方案全文'),
    });
    const res = await submit(documentId);
    expect([res.status, res.body.error.message]).toEqual([400, ERRORS.blockingHits(['绝密'], [])]);
    expect(inAttachments(res.body.error.details.wordHits)).toEqual([
      ['工作方案全文', 'word', '绝密', 'forbidden'],
    ]);
  });

  it('refuses an unmasked ID number in a PDF; a word to check in a workbook goes with the submission', async () => {
    const list = await upload(
      '公示名单.pdf',
      pdfWith(['Name: Zhang San', 'ID: 610102198506123015'])
    );
    const documentId = await draftWith('低保对象公示', [['公示名单', list]]);
    const refused = await submit(documentId);
    expect([refused.status, refused.body.error.message]).toEqual([
      400,
      ERRORS.blockingHits([], ['身份证号码']),
    ]);
    expect(inAttachments(refused.body.error.details.wordHits)).toEqual([
      ['公示名单', 'personalData', '身份证号码', 'forbidden'],
    ]);

    const masked = await upload(
      '公示名单（已处理）.xlsx',
      await xlsxWith([
        ['姓名', '身份证号', '备注'],
        ['张三', '610102********3015', '内部资料'],
      ])
    );
    await asAdmin(app, editor)
      .put(`${CM}/${documentId}`, { attachments: [{ name: '公示名单', file: masked.id }] })
      .expect(200);
    const submitted = await submit(documentId);
    expect([submitted.status, submitted.body.error?.message]).toEqual([200, undefined]);
    expect(inAttachments(submitted.body.data.wordHits)).toEqual([
      ['公示名单', 'word', '内部资料', 'check'],
    ]);
    // The reviewers see what the submission found in the attachment.
    expect(inAttachments((await review(documentId)).body.data.wordHits)).toEqual([
      ['公示名单', 'word', '内部资料', 'check'],
    ]);
  });

  it('refuses a serious wording error in a Word attachment, with the right form', async () => {
    await asAdmin(app, province)
      .post('/governance/review/wording-rules', {
        wrong: '一带一路战略',
        right: '一带一路倡议',
        category: 'political',
      })
      .expect(201);
    const plan = await upload('工作要点.docx', await docxWith(['一、主动融入一带一路战略']));
    const documentId = await draftWith('关于印发工作要点的通知', [['工作要点', plan]]);
    const res = await submit(documentId);
    expect([res.status, res.body.error.message]).toEqual([
      400,
      ERRORS.blockingHits([], [], ['“一带一路战略”应为：一带一路倡议']),
    ]);
    expect(inAttachments(res.body.error.details.wordHits)).toEqual([
      ['工作要点', 'wording', '一带一路战略', 'forbidden'],
    ]);
  });

  it('names for the reviewers an attachment whose text it cannot read', async () => {
    const broken = await upload('损坏的文件.pdf', Buffer.from('%PDF-1.4\n%%EOF'));
    const old = await upload(
      '旧版文档.doc',
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096 + 504)])
    );
    const documentId = await draftWith('附件无法读取', [
      ['损坏的文件', broken],
      ['旧版文档', old],
    ]);
    const res = await submit(documentId);
    expect(res.status).toBe(200);
    const notes = (res.body.data.wordHits as WordHit[]).filter((hit) => hit.kind === 'unread');
    expect(notes.map((hit) => [hit.file, hit.level])).toEqual([
      ['损坏的文件', 'check'],
      ['旧版文档', 'check'],
    ]);
    expect(notes[0].context).toMatch(/无法打开/);
    expect(notes[1].context).toMatch(/无法自动读取文字/);
  });
});

describe('the approval covers the files’ contents', () => {
  it('is voided by replacing an attachment after it, and not by anything else', async () => {
    const form = await upload('申请表.docx', await docxWith(['申请表']));
    const documentId = await draftWith('城乡低保申请指南', [['申请表', form]]);
    await approveArticle(app, team, documentId);
    expect((await review(documentId)).body.data).toMatchObject({ publishable: true });
    // Renamed in the library: what readers get is the same.
    await editFileInfo(form.id, { name: '低保申请表.docx' });
    expect((await review(documentId)).body.data).toMatchObject({ publishable: true });

    await replaceFile(form.id, '申请表.docx', await docxWith(['申请表（修订）']));
    expect((await review(documentId)).body.data).toMatchObject({
      publishable: false,
      publishBlock: 'changed',
    });
    await expect(app.strapi.documents(ARTICLE).publish({ documentId })).rejects.toThrow(
      /未通过审核，或审核通过后内容已修改/
    );
  });

  it('is voided by changing the cover’s alternative text in the library', async () => {
    const cover = await upload('大雁塔.png', await png('#8b4513'), { alternativeText: '大雁塔' });
    const documentId = await draftWith('大雁塔广场改造', [], { cover: cover.id });
    await approveArticle(app, team, documentId);
    expect((await review(documentId)).body.data).toMatchObject({ publishable: true });
    await editFileInfo(cover.id, { alternativeText: '小雁塔' });
    expect((await review(documentId)).body.data).toMatchObject({ publishable: false });
  });

  it('is voided by replacing an image of the body, whose URL stays the same', async () => {
    const photo = await upload('钟楼.png', await png('#b22222'), { alternativeText: '西安钟楼' });
    const documentId = await draftWith('钟楼修缮完工', [], {
      body: [
        ...paragraph('钟楼修缮完工。'),
        imageBlock({
          url: photo.url,
          name: photo.name,
          hash: 'x',
          alternativeText: '西安钟楼',
          caption: null,
        }),
      ],
    });
    await approveArticle(app, team, documentId);
    expect((await review(documentId)).body.data).toMatchObject({ publishable: true });

    await replaceFile(photo.id, '钟楼.png', await png('#228b22'));
    const stored = await app.strapi.db
      .query('plugin::upload.file')
      .findOne({ where: { id: photo.id } });
    expect(stored.url).toBe(photo.url);
    expect((await review(documentId)).body.data).toMatchObject({
      publishable: false,
      publishBlock: 'changed',
    });
  });
});
