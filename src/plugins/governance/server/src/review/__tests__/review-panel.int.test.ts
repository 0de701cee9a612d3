/**
 * What the edit view's review panel and its 发布 button are told: the state the Content
 * Manager's list shows (one field for both, articles approved before this system included),
 * whether the publish gate would let the draft through and why not, who may take the step
 * waited on, the word hits in their context, and all of it in Chinese.
 */
import { paragraph } from '@test-helpers/article-body';
import { FULL_CHECKLIST } from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import type { ArticleReview } from '../../../../shared/contracts/review';
import { WORD_CONTEXT_CHARS } from '../../../../shared/contracts/review';
import { ERRORS, STATUS_NAMES } from '../messages';
import { ARTICLE, REVIEW_DECISION, REVIEW_STATE } from '../../uids';

const CM = `/content-manager/collection-types/${ARTICLE}`;

let app: TestApp;
let site: string;
let staff: Record<
  'editor' | 'reviewer' | 'writingReviewer' | 'blockedReviewer' | 'approver',
  TestAdmin
>;

const as = (who: TestAdmin) => asAdmin(app, who);
const path = (documentId: string, action = '') =>
  `/governance/review/articles/${documentId}${action ? `/${action}` : ''}`;
const describeAs = async (who: TestAdmin, documentId: string) =>
  (await as(who).get(path(documentId)).expect(200)).body.data as ArticleReview;
const write = async (author: TestAdmin, title: string, text = '正文') =>
  (
    await as(author)
      .post(CM, { title, site, body: paragraph(text) })
      .expect(201)
  ).body.data.documentId as string;
const approve = async (who: TestAdmin, documentId: string) => {
  const { contentHash } = await describeAs(who, documentId);
  await as(who)
    .post(path(documentId, 'approve'), { contentHash, checklist: FULL_CHECKLIST })
    .expect(200);
};
/** The full name the admin shows for a test account: its name, then its serial (县编辑 3). */
const fullName = async (who: TestAdmin) => {
  const user = await app.strapi.db
    .query('admin::user')
    .findOne({ where: { id: who.id }, select: ['firstname', 'lastname'] });
  return `${user.firstname} ${user.lastname}`;
};
/** The review state the Content Manager's list shows for the article. */
const listed = async (who: TestAdmin, documentId: string) => {
  const res = await as(who).get(`${CM}?filters[documentId][$eq]=${documentId}`).expect(200);
  return res.body.results[0].reviewStatus as string;
};

beforeAll(async () => {
  app = await startApp('review-panel');
  ({
    sites: { hanbin: site },
    staff,
  } = await createSitesAndStaff(app, {
    sites: { hanbin: { code: 'ankang-hanbin', name: '汉滨区', level: 'county' } },
    staff: {
      editor: ['governance-site-editor', '敏', { hanbin: 'editor' }],
      reviewer: ['governance-reviewer', '静', { hanbin: 'reviewer' }],
      // A reviewer who also writes: never the reviewer of what they wrote.
      writingReviewer: [
        ['governance-reviewer', 'governance-site-editor'],
        '写稿审核员',
        { hanbin: ['reviewer', 'editor'] },
      ],
      blockedReviewer: ['governance-reviewer', '停用', { hanbin: 'reviewer' }],
      approver: ['governance-approver', '强', { hanbin: 'approver' }],
    },
  }));
  await app.strapi.db
    .query('admin::user')
    .update({ where: { id: staff.blockedReviewer.id }, data: { blocked: true } });
  await app.strapi.db
    .query('plugin::governance.sensitive-word')
    .create({ data: { word: '陕西省民政局', level: 'check', suggestion: '陕西省民政厅' } });
});

afterAll(async () => {
  await app?.stop();
});

describe('the state and the 发布 button', () => {
  it('goes from not submitted, to in review, to sent back, to publishable, as the list says', async () => {
    const id = await write(staff.writingReviewer, '汉滨区送温暖活动');
    const states: Array<[string, boolean, string | null]> = [];
    const note = async () => {
      const review = await describeAs(staff.editor, id);
      expect(await listed(staff.editor, id)).toBe(review.status);
      states.push([review.status, review.publishable, review.publishBlock]);
    };
    await note();
    await as(staff.editor).post(path(id, 'submit')).expect(200);
    await note();
    await as(staff.reviewer)
      .post(path(id, 'reject'), { reason: '请核实救助人数后重新送审' })
      .expect(200);
    await note();
    await as(staff.editor).post(path(id, 'submit')).expect(200);
    await approve(staff.reviewer, id);
    await note();
    await approve(staff.approver, id);
    await note();
    expect(states).toEqual([
      ['draft', false, 'notSubmitted'],
      ['submitted', false, 'inReview'],
      ['rejected', false, 'rejected'],
      ['in_review', false, 'inReview'],
      ['approved', true, null],
    ]);

    // Changed behind the review's back (not through the Document Service): the gate refuses.
    await app.strapi.db
      .query(ARTICLE)
      .updateMany({ where: { documentId: id, publishedAt: null }, data: { title: '改过的标题' } });
    expect(await describeAs(staff.editor, id)).toMatchObject({
      status: 'approved',
      publishable: false,
      publishBlock: 'changed',
    });
  });

  it('shows an article approved before this system as approved, with nothing to submit while it is online', async () => {
    // As the demo's 2014 articles: published and marked approved, with no review state here.
    const id = await write(staff.editor, '2014年汉滨区低保工作总结');
    await as(staff.editor).post(path(id, 'submit')).expect(200);
    await approve(staff.reviewer, id);
    await approve(staff.approver, id);
    await app.strapi.documents(ARTICLE).publish({ documentId: id });
    await app.strapi.db.query(REVIEW_STATE).deleteMany({ where: { articleDocumentId: id } });
    await app.strapi.db.query(REVIEW_DECISION).deleteMany({ where: { articleDocumentId: id } });

    const review = await describeAs(staff.editor, id);
    expect(await listed(staff.editor, id)).toBe('approved');
    expect(review).toMatchObject({
      status: 'approved',
      publishable: false,
      publishBlock: 'legacy',
      can: { submit: false, withdraw: false },
    });
    const refused = await as(staff.editor).post(path(id, 'submit')).expect(400);
    expect(refused.body.error.message).toBe(ERRORS.cannotSubmit(STATUS_NAMES.approved));

    // Taken offline, it needs this system's review before it goes online again.
    await app.strapi.documents(ARTICLE).unpublish({ documentId: id });
    expect((await describeAs(staff.editor, id)).can.submit).toBe(true);
  });
});

describe('who holds the step waited on', () => {
  it('names the site’s reviewers who may take it, not the article’s writer nor a blocked account', async () => {
    const id = await write(staff.writingReviewer, '汉滨区冬季救助');
    await as(staff.writingReviewer).post(path(id, 'submit')).expect(200);
    const review = await describeAs(staff.editor, id);
    expect(review.step).toBe(1);
    expect(review.waitingOn).toEqual([await fullName(staff.reviewer)]);
  });

  it('names the approver at the last step, and nobody once nobody may take it', async () => {
    const id = await write(staff.editor, '汉滨区临时救助');
    await as(staff.editor).post(path(id, 'submit')).expect(200);
    expect((await describeAs(staff.editor, id)).waitingOn).toEqual([
      await fullName(staff.reviewer),
      await fullName(staff.writingReviewer),
    ]);
    await approve(staff.reviewer, id);
    expect((await describeAs(staff.editor, id)).waitingOn).toEqual([
      await fullName(staff.approver),
    ]);
    // The approver edits it: a new round, and the approver may no longer review it.
    await as(staff.editor).put(`${CM}/${id}`, { title: '汉滨区临时救助（修改）' }).expect(200);
    await app.strapi.db.query(REVIEW_STATE).updateMany({
      where: { articleDocumentId: id },
      data: { contributors: [staff.approver.id] },
    });
    await approve(staff.reviewer, id);
    expect((await describeAs(staff.editor, id)).waitingOn).toEqual([]);
  });
});

describe('in Chinese', () => {
  it('tells an approver why they may not take the reviewer’s step, without English', async () => {
    const id = await write(staff.editor, '汉滨区养老服务');
    await as(staff.editor).post(path(id, 'submit')).expect(200);
    const asApprover = await describeAs(staff.approver, id);
    expect(asApprover.cannotDecideReason).toBe(ERRORS.notYourStep('reviewer'));
    expect(asApprover.cannotDecideReason).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('says every refusal without English', () => {
    const messages = [
      ...Object.values(ERRORS).filter((message) => typeof message === 'string'),
      ERRORS.cannotSubmit(STATUS_NAMES.approved),
      ERRORS.blockingHits(['绝密'], []),
      ERRORS.notYourStep('leader'),
      ERRORS.notPublishable('汉滨区临时救助'),
      ERRORS.wordTaken('绝密'),
      ERRORS.noSuchWord(12),
    ];
    for (const message of messages) expect(message).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('shows the history of a round voided before the admin was Chinese only in Chinese', async () => {
    const id = await write(staff.editor, '汉滨区旧记录');
    await app.strapi.db.query(REVIEW_DECISION).create({
      data: {
        articleDocumentId: id,
        articleTitle: '汉滨区旧记录',
        action: 'void',
        round: 1,
        actorName: '系统 (system)',
        comment: '内容已修改，本轮审核作废 (the content changed: this round’s approvals are void)',
      },
    });
    const { history } = await describeAs(staff.editor, id);
    expect(history.at(-1)).toMatchObject({
      actor: { name: '系统' },
      comment: '内容已修改，本轮审核作废',
    });
  });
});

describe('word hits', () => {
  it('come with the text around them, the word at a known place to highlight', async () => {
    const before = '一季度，汉滨区按时足额发放城乡低保资金。根据';
    const after = '有关要求，区民政局对低保对象开展了复核，确保应保尽保。';
    const id = await write(staff.editor, '汉滨区低保资金发放', `${before}陕西省民政局${after}`);
    const [hit] = (await describeAs(staff.editor, id)).wordHits;
    expect(hit).toMatchObject({ word: '陕西省民政局', field: 'body', start: before.length });
    const at = Math.min(hit.start, WORD_CONTEXT_CHARS);
    expect(hit.context.slice(at, at + hit.end - hit.start)).toBe('陕西省民政局');
    expect(hit.context).toBe(
      `${before.slice(-WORD_CONTEXT_CHARS)}陕西省民政局${after.slice(0, WORD_CONTEXT_CHARS)}`
    );
  });
});
