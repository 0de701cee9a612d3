/**
 * The demo's images and attachments (docs/media.md): each file made here and uploaded through
 * the upload service into its site's folder (so judged, cleaned and digested as any upload);
 * three of 西安's 2014 notices given photos and attachments and taken through review again by
 * the demo accounts before going back online; and files for the drafts in review, which the
 * public cannot fetch. Runs once: nothing is added when the demo's files are already there.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { userByEmail } from './demo-accounts';
import { docxWith, photoOf, xlsxWith } from './demo-files';

const ARTICLE = 'api::article.article';
const FILE = 'plugin::upload.file';

type Made = () => Promise<Buffer>;

/** The demo's files, by name: the site whose folder holds it, its alternative text, its bytes. */
const FILES: Record<string, { site: string; alternativeText?: string; make: Made }> = {
  '西安市民政局办公楼.jpg': {
    site: 'xian',
    alternativeText: '西安市民政局办公楼外景',
    make: () => photoOf('#7fb3e6', '#6b8e23', '#c8a165'),
  },
  '城乡低保申请审批表.docx': {
    site: 'xian',
    make: () =>
      docxWith([
        '西安市城乡居民最低生活保障申请审批表',
        '申请人姓名：          性别：          出生年月：',
        '家庭住址：',
        '家庭成员及收入情况（另附页）',
        '申请人签字：                    年    月    日',
        '街道办事处（镇政府）审核意见：',
        '区县民政部门审批意见：',
      ]),
  },
  '2014年第四季度临时救助发放情况.xlsx': {
    site: 'xian',
    make: () =>
      xlsxWith(
        [
          ['区县', '救助人次', '救助金额（元）'],
          ['新城区', '312', '468000'],
          ['碑林区', '287', '430500'],
          ['莲湖区', '305', '457500'],
          ['雁塔区', '356', '534000'],
        ],
        '临时救助'
      ),
  },
  '冬季送温暖慰问现场.jpg': {
    site: 'xian',
    alternativeText: '工作人员为困难群众送去米面油',
    make: () => photoOf('#b0c4de', '#a0522d', '#cd5c5c'),
  },
  '西安市高龄老人养老服务补贴申请表.docx': {
    site: 'xian',
    make: () =>
      docxWith([
        '西安市高龄老人养老服务补贴申请表',
        '申请人姓名：          年龄：          户籍所在地：',
        '依据：陕西省民政局《关于调整高龄老人养老服务补贴标准的通知》',
        '申领方式：本人或委托家属向户籍所在地街道办事处申请',
        '所需材料：户口簿、居民身份证复印件、本人银行账户',
      ]),
  },
  '汉滨区低保资金发放现场.jpg': {
    site: 'ankang-hanbin',
    alternativeText: '汉滨区民政局工作人员核对低保对象名单',
    make: () => photoOf('#87ceeb', '#556b2f', '#deb887'),
  },
};

/** Three of 西安's 2014 notices (通知公告, the latest first) and the media each gets. */
const PUBLISHED = [
  {
    cover: '西安市民政局办公楼.jpg',
    attachments: [['城乡低保申请审批表', '城乡低保申请审批表.docx']],
  },
  { attachments: [['2014年第四季度临时救助发放情况', '2014年第四季度临时救助发放情况.xlsx']] },
  { cover: '冬季送温暖慰问现场.jpg', bodyImage: '冬季送温暖慰问现场.jpg' },
] as const;

/** What the drafts that the demo takes into review carry (demo-reviews.ts), by title. */
export const DRAFT_MEDIA: Record<
  string,
  { cover?: string; attachments?: Array<[string, string]> }
> = {
  西安市高龄老人养老服务补贴申领指南: {
    attachments: [['西安市高龄老人养老服务补贴申请表', '西安市高龄老人养老服务补贴申请表.docx']],
  },
  汉滨区2015年第一季度城乡低保资金发放情况: { cover: '汉滨区低保资金发放现场.jpg' },
};

interface StoredFile {
  id: number;
  name: string;
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
  formats: unknown;
  mime: string;
  hash: string;
  ext: string;
  size: number;
}

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The demo's files, uploaded into their sites' folders on first use. */
export const demoFiles = (strapi: Core.Strapi) => {
  const known = new Map<string, StoredFile>();
  return async (name: string): Promise<StoredFile> => {
    const cached = known.get(name);
    if (cached) return cached;
    const spec = FILES[name];
    const site = await strapi.db
      .query('api::site.site')
      .findOne({ where: { code: spec.site }, select: ['id', 'name', 'code'] });
    // The loader's sites came by SQL: their folders are made at the next start, or here.
    const folderId = await strapi.plugin('governance').service('siteFolders').ensure(site);
    const folder = await strapi.db
      .query('plugin::upload.folder')
      .findOne({ where: { id: folderId }, select: ['id', 'path'] });
    let file = (await strapi.db
      .query(FILE)
      .findOne({ where: { name, folderPath: folder.path } })) as StoredFile | null;
    if (!file) {
      const bytes = await spec.make();
      const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'demo-media-'));
      const filepath = path.join(directory, name);
      await fs.writeFile(filepath, bytes);
      try {
        [file] = (await strapi
          .plugin('upload')
          .service('upload')
          .upload({
            data: {
              fileInfo: { name, alternativeText: spec.alternativeText ?? null, folder: folder.id },
            },
            files: {
              filepath,
              originalFilename: name,
              mimetype: MIME[path.extname(name)],
              size: bytes.length,
            },
          })) as StoredFile[];
      } finally {
        await fs.rm(directory, { recursive: true, force: true });
      }
    }
    known.set(name, file!);
    return file!;
  };
};

/** The fields of a file that the blocks editor copies into an image block (and validates). */
const IMAGE_FIELDS = [
  'name',
  'alternativeText',
  'caption',
  'url',
  'width',
  'height',
  'formats',
  'hash',
  'ext',
  'mime',
  'size',
  'previewUrl',
  'provider',
  'provider_metadata',
  'createdAt',
  'updatedAt',
] as const;

/** An image block of the blocks editor showing `file`, as the editor inserts one. */
const imageBlock = (file: StoredFile) => ({
  type: 'image',
  image: Object.fromEntries(
    IMAGE_FIELDS.map((field) => [
      field,
      (file as unknown as Record<string, unknown>)[field] ?? null,
    ])
  ),
  children: [{ type: 'text', text: '' }],
});

const CHECKLIST = { noClassifiedContent: true, noPersonalData: true, wordingChecked: true };

export const ensureDemoMedia = async (strapi: Core.Strapi) => {
  const fileNamed = demoFiles(strapi);
  const published = PUBLISHED.flatMap((media) => [
    ...('cover' in media ? [media.cover] : []),
    ...('attachments' in media ? media.attachments.map(([, file]) => file) : []),
  ]);
  if ((await strapi.db.query(FILE).count({ where: { name: published } })) > 0) return 0;
  const review = strapi.plugin('governance').service('review');
  const [editor, leader, reviewer, approver] = await Promise.all(
    [
      'xian.editor@demo.example',
      'xian.leader@demo.example',
      'reviewer@demo.example',
      'approver@demo.example',
    ].map((email) => userByEmail(strapi, email))
  );
  const notices = (await strapi.db.query(ARTICLE).findMany({
    where: {
      site: { code: 'xian' },
      column: '通知公告',
      publishedAt: { $notNull: true },
      firstPublishedAt: { $gte: '2014-01-01T00:00:00+08:00', $lt: '2015-01-01T00:00:00+08:00' },
    },
    select: ['documentId', 'body'],
    orderBy: { firstPublishedAt: 'desc' },
    limit: PUBLISHED.length,
  })) as Array<{ documentId: string; body: unknown[] | null }>;

  for (const [index, { documentId, body }] of notices.entries()) {
    const media = PUBLISHED[index];
    const data: Record<string, unknown> = {};
    if ('cover' in media) data.cover = (await fileNamed(media.cover)).id;
    if ('attachments' in media)
      data.attachments = await Promise.all(
        media.attachments.map(async ([name, file]) => ({ name, file: (await fileNamed(file)).id }))
      );
    if ('bodyImage' in media)
      data.body = [...(body ?? []), imageBlock(await fileNamed(media.bodyImage))];
    await strapi.documents(ARTICLE).update({ documentId, data: data as never });
    // Changed content goes online again only through the whole review (先审后发).
    await review.submit(documentId, editor);
    for (const person of [leader, reviewer, approver]) {
      const { contentHash } = await review.describe(documentId, person);
      await review.approve(documentId, person, { seenHash: contentHash, checklist: CHECKLIST });
    }
    await strapi.documents(ARTICLE).publish({ documentId });
  }
  return notices.length;
};
