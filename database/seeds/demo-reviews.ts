/**
 * A few of the demo drafts taken into review through the review service, by the demo accounts,
 * so the queue, the side panel and the list show a workflow under way; and a starting
 * sensitive-word list and 规范表述 list. Runs once: nothing is added when any review already exists.
 */
import type { Core } from '@strapi/strapi';
import { userByEmail } from './demo-accounts';
import { demoFiles, DRAFT_MEDIA } from './demo-media';

const WORDS = [
  { word: '绝密', level: 'forbidden', note: '密级标志：涉密信息不得上网' },
  { word: '机密★', level: 'forbidden', note: '密级标志：涉密信息不得上网' },
  { word: '秘密★', level: 'forbidden', note: '密级标志：涉密信息不得上网' },
  { word: '内部资料', level: 'forbidden', note: '内部资料不得公开发布' },
  { word: '中华人名共和国', level: 'check', suggestion: '中华人民共和国' },
  { word: '陕西省民政局', level: 'check', suggestion: '陕西省民政厅', note: '机构名称' },
  { word: '身份证号', level: 'check', note: '核对是否公开了个人信息' },
] as const;

/** A starting 规范表述 list: expressions the national rules fix, and official short names. */
const WORDING = [
  {
    wrong: '一带一路战略',
    right: '“一带一路”倡议',
    category: 'political',
    note: '按规范表述称倡议，不称战略',
  },
  { wrong: '台湾政府', right: '台湾当局', category: 'political', note: '涉台规范表述' },
  { wrong: '台湾总统', right: '台湾地区领导人', category: 'political', note: '涉台规范表述' },
  { wrong: '国家发改委', right: '国家发展改革委', category: 'institution', note: '机构规范简称' },
  { wrong: '中华人民共合国', right: '中华人民共和国', category: 'other', note: '国名' },
] as const;

const ARTICLE = 'api::article.article';

const paragraphs = (...texts: string[]) =>
  texts.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));

/** What the demo editors have written and where each article stands. */
export const DEMO_REVIEW_DRAFTS = {
  countyWaiting: {
    site: 'ankang-hanbin',
    column: '工作动态',
    title: '汉滨区2015年第一季度城乡低保资金发放情况',
    body: paragraphs(
      '一季度，汉滨区按时足额发放城乡低保资金。',
      '根据陕西省民政局有关要求，区民政局对低保对象开展了复核。'
    ),
  },
  countyAtFinal: {
    site: 'ankang-hanbin',
    column: '工作动态',
    title: '汉滨区开展冬季送温暖活动',
    body: paragraphs('春节前夕，汉滨区民政局走访慰问困难群众，送去米面油和慰问金。'),
  },
  countyRejected: {
    site: 'ankang-hanbin',
    column: '通知公告',
    title: '汉滨区临时救助对象公示',
    body: paragraphs('经审核，以下对象符合临时救助条件，现予公示。'),
  },
  xianWaiting: {
    site: 'xian',
    column: '信息公开',
    title: '西安市高龄老人养老服务补贴申领指南',
    body: paragraphs('年满80周岁的本市户籍老年人，可向户籍所在地街道办事处申领高龄补贴。'),
  },
};

/** Writes a demo draft, with its photo or attachments (demo-media.ts) if it has any. */
const write = async (
  strapi: Core.Strapi,
  draft: (typeof DEMO_REVIEW_DRAFTS)[keyof typeof DEMO_REVIEW_DRAFTS]
) => {
  const site = await strapi.db
    .query('api::site.site')
    .findOne({ where: { code: draft.site }, select: ['documentId'] });
  const media = DRAFT_MEDIA[draft.title] ?? {};
  const fileNamed = demoFiles(strapi);
  const data = {
    ...draft,
    site: site.documentId,
    ...(media.cover ? { cover: (await fileNamed(media.cover)).id } : {}),
    ...(media.attachments
      ? {
          attachments: await Promise.all(
            media.attachments.map(async ([name, file]) => ({
              name,
              file: (await fileNamed(file)).id,
            }))
          ),
        }
      : {}),
  };
  return (await strapi.documents(ARTICLE).create({ data: data as never })).documentId as string;
};

export const ensureDemoReviews = async (strapi: Core.Strapi) => {
  const words = strapi.db.query('plugin::governance.sensitive-word');
  if ((await words.count()) === 0) for (const word of WORDS) await words.create({ data: word });
  // Through the service, which refuses rules that contradict each other.
  const wording = strapi.plugin('governance').service('wordingRules');
  if ((await wording.list()).length === 0)
    for (const rule of WORDING) await wording.create({ ...rule });

  if ((await strapi.db.query('plugin::governance.review-state').count()) > 0) return 0;
  const review = strapi.plugin('governance').service('review');
  const [xianEditor, countyEditor, reviewer] = await Promise.all(
    ['xian.editor@demo.example', 'ankang-hanbin.editor@demo.example', 'reviewer@demo.example'].map(
      (email) => userByEmail(strapi, email)
    )
  );

  // 汉滨区: one waiting for 保密审查, one waiting for 终审, one sent back to its editor.
  const waiting = await write(strapi, DEMO_REVIEW_DRAFTS.countyWaiting);
  await review.submit(waiting, countyEditor);
  const atFinal = await write(strapi, DEMO_REVIEW_DRAFTS.countyAtFinal);
  await review.submit(atFinal, countyEditor);
  const { contentHash } = await review.describe(atFinal, reviewer);
  await review.approve(atFinal, reviewer, {
    seenHash: contentHash,
    checklist: { noClassifiedContent: true, noPersonalData: true, wordingChecked: true },
    comment: '已核对数据来源',
  });
  const rejected = await write(strapi, DEMO_REVIEW_DRAFTS.countyRejected);
  await review.submit(rejected, countyEditor);
  await review.reject(rejected, reviewer, {
    reason: '公示中列出了救助对象的家庭住址和身份证号，请删除个人信息后重新送审',
  });
  // 西安市: one waiting for 初审 by the site leader.
  await review.submit(await write(strapi, DEMO_REVIEW_DRAFTS.xianWaiting), xianEditor);
  return Object.keys(DEMO_REVIEW_DRAFTS).length;
};
