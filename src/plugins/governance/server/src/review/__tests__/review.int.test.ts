/**
 * The review workflow over HTTP on a real database: chains per level, who may take which step,
 * decisions bound to content, voiding on edit, the sensitive-word check, the queue and the
 * notifications.
 */
import type { UID } from '@strapi/strapi';
import { imageBlock, libraryFile, paragraph } from '@test-helpers/article-body';
import { FULL_CHECKLIST } from '@test-helpers/review';
import { bootSecondInstance } from '@test-helpers/second-instance';
import { addMember, createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import articleSchema from '../../../../../../api/article/content-types/article/schema.json';
import { hashVersion, reviewedAttributes } from '../content-hash';
import { ERRORS } from '../messages';
import { ARTICLE } from '../../uids';

let app: TestApp;
let province: TestAdmin;
let editor: TestAdmin;
let leader: TestAdmin;
let reviewer: TestAdmin;
let approver: TestAdmin;
let countyReviewer: TestAdmin;
let countyApprover: TestAdmin;
let city: string;
let county: string;

const as = (admin: TestAdmin) => asAdmin(app, admin);

const review = (documentId: string, action = '') =>
  `/governance/review/articles/${documentId}${action ? `/${action}` : ''}`;

/** A draft written by `author` through the Content Manager, as an editor writes one. */
const write = async (author: TestAdmin, site: string, title: string, text = '正文') => {
  const res = await as(author)
    .post(`/content-manager/collection-types/${ARTICLE}`, { title, site, body: paragraph(text) })
    .expect(201);
  return res.body.data.documentId as string;
};

const describeAs = async (who: TestAdmin, documentId: string) =>
  (await as(who).get(review(documentId)).expect(200)).body.data;

const approveAs = (who: TestAdmin, documentId: string, contentHash: string, extra: object = {}) =>
  as(who).post(review(documentId, 'approve'), { contentHash, checklist: FULL_CHECKLIST, ...extra });

const waitFor = async (condition: () => boolean) => {
  for (let tries = 0; tries < 100 && !condition(); tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 20));
};

/** Submits a county draft, and both steps of the county's chain approve it. */
const approveInCounty = async (id: string) => {
  await as(editor).post(review(id, 'submit')).expect(200);
  const { contentHash } = await describeAs(countyReviewer, id);
  await approveAs(countyReviewer, id, contentHash).expect(200);
  await approveAs(countyApprover, id, contentHash).expect(200);
};

/**
 * A county draft submitted, its round's hashes then `earlier`: as the hash of a version that
 * covered fewer fields left it.
 */
const submittedUnder = async (earlier: string, title: string) => {
  const id = await write(editor, county, title);
  await as(editor).post(review(id, 'submit')).expect(200);
  await app.strapi.db.query('plugin::governance.review-state').update({
    where: { articleDocumentId: id },
    data: { contentHash: earlier, draftHash: earlier },
  });
  return id;
};

const reviewStatusRows = async (documentId: string) =>
  (
    await app.strapi.db.query(ARTICLE).findMany({ where: { documentId }, select: ['reviewStatus'] })
  ).map((r) => r.reviewStatus);

beforeAll(async () => {
  app = await startApp('review');
  ({
    sites: { city, county },
    staff: { province, editor, leader, reviewer, approver, countyReviewer, countyApprover },
  } = await createSitesAndStaff(app, {
    sites: {
      // A column whose name holds a forbidden word: the column's text is scanned like any other.
      city: { code: 'xian', name: '西安市', level: 'city', columns: ['工作动态', '绝密文件'] },
      county: { code: 'ankang-hanbin', name: '汉滨区', level: 'county' },
    },
    staff: {
      province: ['governance-provincial-admin', '省厅'],
      editor: ['governance-site-editor', '编辑', { city: 'editor', county: 'editor' }],
      leader: ['governance-approver', '初审', { city: 'leader' }],
      reviewer: ['governance-reviewer', '保密', { city: 'reviewer' }],
      approver: ['governance-approver', '终审', { city: 'approver' }],
      countyReviewer: ['governance-reviewer', '区保密', { county: 'reviewer' }],
      countyApprover: ['governance-approver', '区终审', { county: 'approver' }],
    },
  }));

  await as(province)
    .post('/governance/review/words', { word: '绝密', level: 'forbidden' })
    .expect(201);
  await as(province)
    .post('/governance/review/words', { word: '民政部门', level: 'check', suggestion: '民政厅' })
    .expect(201);
});

afterAll(async () => {
  await app?.stop();
});

describe('the review chain', () => {
  it('takes a city article through 初审, 保密审查 and 终审, one person per step', async () => {
    const id = await write(editor, city, '西安市养老服务补贴发放');
    let state = await describeAs(editor, id);
    expect(state).toMatchObject({
      status: 'draft',
      chain: ['leader', 'reviewer', 'approver'],
      can: { submit: true },
    });

    const submitted = await as(editor).post(review(id, 'submit')).expect(200);
    expect(submitted.body.data.status).toBe('submitted');
    expect(await reviewStatusRows(id)).toEqual(['submitted']);

    state = await describeAs(reviewer, id);
    expect(state).toMatchObject({ status: 'submitted', step: 1, can: { approve: false } });
    // The reviewer's step is the second: not theirs yet.
    expect((await approveAs(reviewer, id, state.contentHash).expect(403)).body.error.message).toBe(
      ERRORS.notYourStep('leader')
    );

    await approveAs(leader, id, state.contentHash, { comment: '同意' }).expect(200);
    state = await describeAs(reviewer, id);
    expect(state).toMatchObject({
      status: 'in_review',
      step: 2,
      can: { approve: true, reject: true },
    });
    await approveAs(reviewer, id, state.contentHash).expect(200);
    await approveAs(approver, id, state.contentHash).expect(200);

    state = await describeAs(editor, id);
    expect(state).toMatchObject({ status: 'approved', publishable: true, step: null });
    expect(
      state.history.map((d: { action: string; step: number | null }) => [d.action, d.step])
    ).toEqual([
      ['submit', null],
      ['approve', 1],
      ['approve', 2],
      ['approve', 3],
    ]);
    const approval = state.history[1];
    expect(approval).toMatchObject({
      capacity: 'leader',
      comment: '同意',
      checklist: FULL_CHECKLIST,
      contentHash: state.contentHash,
    });
    expect(approval.actor.name).toContain('初审');
    expect(await reviewStatusRows(id)).toEqual(['approved']);
  });

  it('takes a county article through the shortened chain of its level', async () => {
    const id = await write(editor, county, '汉滨区低保复核');
    await as(editor).post(review(id, 'submit')).expect(200);
    const state = await describeAs(countyReviewer, id);
    expect(state).toMatchObject({ chain: ['reviewer', 'approver'], step: 1 });
    await approveAs(countyReviewer, id, state.contentHash).expect(200);
    await approveAs(countyApprover, id, state.contentHash).expect(200);
    expect((await describeAs(editor, id)).status).toBe('approved');
  });

  it('refuses a reviewer their own article and a second step in the same round', async () => {
    await addMember(app, leader, city, 'reviewer');
    const id = await write(editor, city, '同一人两步');
    await as(editor).post(review(id, 'submit')).expect(200);
    const { contentHash } = await describeAs(leader, id);
    await approveAs(leader, id, contentHash).expect(200);
    expect((await approveAs(leader, id, contentHash).expect(403)).body.error.message).toBe(
      ERRORS.secondStep
    );

    // Whoever last edited the article cannot pass it, whichever step is theirs.
    const edited = await write(editor, city, '被审核人修改过');
    await app.strapi.db
      .query(ARTICLE)
      .updateMany({ where: { documentId: edited }, data: { updatedBy: approver.id } });
    await as(editor).post(review(edited, 'submit')).expect(200);
    await approveAs(leader, edited, (await describeAs(leader, edited)).contentHash).expect(200);
    await approveAs(reviewer, edited, (await describeAs(reviewer, edited)).contentHash).expect(200);
    const last = await approveAs(
      approver,
      edited,
      (await describeAs(approver, edited)).contentHash
    ).expect(403);
    expect(last.body.error.message).toBe(ERRORS.ownArticle);
  });

  it('refuses anyone who wrote part of the article, even when someone else saved it last', async () => {
    const coauthor = await createAdmin(app, 'governance-site-editor', '合写');
    const roles = await Promise.all(
      ['governance-site-editor', 'governance-approver'].map((code) =>
        app.strapi.service('admin::role').findOne({ code })
      )
    );
    await app.strapi
      .service('admin::user')
      .updateById(coauthor.id, { roles: roles.map((r) => r.id) });
    await addMember(app, coauthor, city, 'editor');
    await addMember(app, coauthor, city, 'leader');

    const id = await write(editor, city, '两人合写');
    await as(coauthor)
      .put(`/content-manager/collection-types/${ARTICLE}/${id}`, {
        body: paragraph('合写人加的一段'),
      })
      .expect(200);
    await as(editor)
      .put(`/content-manager/collection-types/${ARTICLE}/${id}`, { title: '两人合写（定稿）' })
      .expect(200);
    await as(editor).post(review(id, 'submit')).expect(200);
    const res = await approveAs(coauthor, id, (await describeAs(coauthor, id)).contentHash).expect(
      403
    );
    expect(res.body.error.message).toBe(ERRORS.ownArticle);
    await approveAs(leader, id, (await describeAs(leader, id)).contentHash).expect(200);
  });

  it('binds an approval to the content seen and requires the whole checklist', async () => {
    const id = await write(editor, city, '绑定内容');
    await as(editor).post(review(id, 'submit')).expect(200);
    const { contentHash } = await describeAs(leader, id);
    await as(leader)
      .post(review(id, 'approve'), {
        contentHash,
        checklist: { ...FULL_CHECKLIST, noPersonalData: false },
      })
      .expect(400);
    await as(leader)
      .post(review(id, 'approve'), { contentHash, checklist: { noClassifiedContent: true } })
      .expect(400);
    await as(leader)
      .post(review(id, 'approve'), { contentHash: 'f'.repeat(64), checklist: FULL_CHECKLIST })
      .expect(400);
    await as(leader)
      .post(review(id, 'approve'), { contentHash, checklist: FULL_CHECKLIST, step: 3 })
      .expect(400);
    expect(
      (await describeAs(leader, id)).history.filter(
        (d: { action: string }) => d.action === 'approve'
      )
    ).toEqual([]);
  });

  it('lets only one of two simultaneous approvals of a step through', async () => {
    const id = await write(editor, city, '同时审核');
    const secondLeader = await createAdmin(app, 'governance-approver', '另一初审');
    await addMember(app, secondLeader, city, 'leader');
    await as(editor).post(review(id, 'submit')).expect(200);
    const { contentHash } = await describeAs(leader, id);
    const results = await Promise.all([
      approveAs(leader, id, contentHash),
      approveAs(secondLeader, id, contentHash),
    ]);
    // The later one finds the step taken: refused as a conflict, or as no longer their step.
    const [first, second] = results.map((r) => r.status).sort();
    expect(first).toBe(200);
    expect([400, 403]).toContain(second);
    expect((await describeAs(leader, id)).step).toBe(2);
  });
});

describe('rejection, withdrawal and edits', () => {
  it('sends an article back with a required reason the author reads', async () => {
    const id = await write(editor, county, '待退回');
    await as(editor).post(review(id, 'submit')).expect(200);
    await as(countyReviewer).post(review(id, 'reject'), {}).expect(400);
    await as(countyReviewer).post(review(id, 'reject'), { reason: '太短' }).expect(400);
    await as(countyReviewer)
      .post(review(id, 'reject'), { reason: '第二段涉及个人身份证号，请删除后再送审' })
      .expect(200);

    const state = await describeAs(editor, id);
    expect(state).toMatchObject({ status: 'rejected', can: { submit: true } });
    expect(state.history.at(-1)).toMatchObject({
      action: 'reject',
      step: 1,
      capacity: 'reviewer',
      reason: '第二段涉及个人身份证号，请删除后再送审',
    });
    expect(
      (await as(editor).get('/governance/review/count').expect(200)).body.data.toRevise
    ).toBeGreaterThanOrEqual(1);
    const mine = (await as(editor).get('/governance/review/queue?tab=mine').expect(200)).body.data;
    expect(mine.find((item: { documentId: string }) => item.documentId === id)).toMatchObject({
      status: 'rejected',
      lastReason: expect.stringContaining('身份证号'),
    });

    // Revised and submitted again: a new round from the first step.
    await as(editor)
      .put(`/content-manager/collection-types/${ARTICLE}/${id}`, { title: '待退回（已修改）' })
      .expect(200);
    await as(editor).post(review(id, 'submit')).expect(200);
    expect(await describeAs(editor, id)).toMatchObject({ status: 'submitted', step: 1, round: 2 });
  });

  it('voids an approval when the content changes, and sends the article back to review', async () => {
    const id = await write(editor, county, '通过后修改');
    await approveInCounty(id);
    expect((await describeAs(editor, id)).publishable).toBe(true);

    // Saving without a change keeps the approval.
    await as(editor)
      .put(`/content-manager/collection-types/${ARTICLE}/${id}`, { title: '通过后修改' })
      .expect(200);
    expect((await describeAs(editor, id)).status).toBe('approved');

    await as(editor)
      .put(`/content-manager/collection-types/${ARTICLE}/${id}`, { body: paragraph('改过的正文') })
      .expect(200);
    const state = await describeAs(editor, id);
    expect(state).toMatchObject({ status: 'submitted', step: 1, round: 2, publishable: false });
    expect(state.history.map((d: { action: string }) => d.action).slice(-2)).toEqual([
      'void',
      'submit',
    ]);
    expect(await reviewStatusRows(id)).toEqual(['submitted']);
  });

  it('reviews the article schema as Strapi loaded it: every declared public field, none of the system fields Strapi adds', () => {
    const reviewed = reviewedAttributes(app.strapi.getModel(ARTICLE)).map(([name]) => name);
    expect(reviewed).toContain('slug');
    expect(Object.keys(articleSchema.attributes)).toEqual(expect.arrayContaining(reviewed));
  });

  it('voids an approval when only the slug changes, so the changed slug is not published unreviewed', async () => {
    const id = await write(editor, county, '只改网址');
    await as(editor)
      .put(`/content-manager/collection-types/${ARTICLE}/${id}`, { slug: 'reviewed-slug' })
      .expect(200);
    await approveInCounty(id);
    expect((await describeAs(editor, id)).publishable).toBe(true);

    await as(editor)
      .put(`/content-manager/collection-types/${ARTICLE}/${id}`, { slug: 'changed-after-approval' })
      .expect(200);
    const res = await as(province).post(
      `/content-manager/collection-types/${ARTICLE}/${id}/actions/publish`
    );
    expect(res.status).toBe(403);
    expect(
      await app.strapi.db
        .query(ARTICLE)
        .count({ where: { documentId: id, publishedAt: { $notNull: true } } })
    ).toBe(0);
    expect(await describeAs(editor, id)).toMatchObject({ status: 'submitted', round: 2 });
  });

  it('restarts at start-up a round submitted under an earlier hash, instead of refusing its reviewers forever', async () => {
    const earlier = 'e'.repeat(64);
    const id = await submittedUnder(earlier, '旧版本哈希');
    expect(
      (
        await approveAs(
          countyReviewer,
          id,
          (await describeAs(countyReviewer, id)).contentHash
        ).expect(400)
      ).body.error.message
    ).toBe(ERRORS.staleContent);

    expect(await app.strapi.plugin('governance').service('review').voidStaleRounds()).toBe(1);
    const state = await describeAs(countyReviewer, id);
    expect(state).toMatchObject({ status: 'submitted', round: 2, upToDate: true });
    expect(state.history.map((d: { action: string }) => d.action)).toEqual([
      'submit',
      'void',
      'submit',
    ]);
    await approveAs(countyReviewer, id, state.contentHash).expect(200);
    expect(await app.strapi.plugin('governance').service('review').voidStaleRounds()).toBe(0);
  });

  it('checks submitted rounds at start-up once per hash version: a later start leaves submitted rounds alone', async () => {
    const version = hashVersion(app.strapi.getModel(ARTICLE), (uid) =>
      app.strapi.getModel(uid as UID.Component)
    );
    expect(
      await app.strapi.store({ type: 'plugin', name: 'governance', key: 'review-hash' }).get({})
    ).toEqual({ version });

    const earlier = 'f'.repeat(64);
    const id = await submittedUnder(earlier, '再次启动');

    // Another start (a second instance on the same database) leaves the round as it is…
    const second = await bootSecondInstance('review', 'voidStaleRounds');
    const afterBoot = await app.strapi.db
      .query('plugin::governance.review-state')
      .findOne({ where: { articleDocumentId: id } });
    // …while the migration itself, asked by hand there, still restarts it.
    const { result } = await second.run<number>();
    expect(afterBoot).toMatchObject({ round: 1, contentHash: earlier });
    expect(result).toBe(1);
    expect(await describeAs(countyReviewer, id)).toMatchObject({
      status: 'submitted',
      round: 2,
      upToDate: true,
    });
  });

  it('sends an article back to draft when its unpublished changes are discarded', async () => {
    const id = await write(editor, county, '丢弃修改');
    await approveInCounty(id);
    await as(editor)
      .post(`/content-manager/collection-types/${ARTICLE}/${id}/actions/publish`)
      .expect(200);
    await as(editor)
      .put(`/content-manager/collection-types/${ARTICLE}/${id}`, { title: '丢弃修改（改）' })
      .expect(200);
    expect((await describeAs(editor, id)).status).toBe('submitted');

    await as(editor)
      .post(`/content-manager/collection-types/${ARTICLE}/${id}/actions/discard`)
      .expect(200);
    const state = await describeAs(editor, id);
    expect(state).toMatchObject({ status: 'draft', round: 2, can: { submit: true } });
    expect(state.history.at(-1).action).toBe('void');
  });

  it('lets the submitter withdraw, and not another site’s editor', async () => {
    const id = await write(editor, city, '撤回');
    await as(editor).post(review(id, 'submit')).expect(200);
    await as(countyReviewer).post(review(id, 'withdraw')).expect(403);
    await as(editor).post(review(id, 'withdraw')).expect(200);
    expect(await describeAs(editor, id)).toMatchObject({
      status: 'withdrawn',
      can: { submit: true, approve: false },
    });
    await as(editor).post(review(id, 'withdraw')).expect(400);
  });

  it('forgets the state of a deleted article and keeps its decisions', async () => {
    const id = await write(editor, city, '将被删除');
    await as(editor).post(review(id, 'submit')).expect(200);
    await app.strapi.documents(ARTICLE).delete({ documentId: id });
    expect(
      await app.strapi.db
        .query('plugin::governance.review-state')
        .count({ where: { articleDocumentId: id } })
    ).toBe(0);
    expect(
      await app.strapi.db
        .query('plugin::governance.review-decision')
        .count({ where: { articleDocumentId: id } })
    ).toBe(1);
  });
});

describe('the sensitive-word check', () => {
  /** A city draft of `text` whose submission is refused for 绝密; answers where it was found. */
  const refusedForWords = async (title: string, text: string) => {
    const id = await write(editor, city, title, text);
    const res = await as(editor).post(review(id, 'submit')).expect(400);
    expect(res.body.error.message).toBe(ERRORS.blockingHits(['绝密'], []));
    return { id, wordHits: res.body.error.details.wordHits };
  };

  it('blocks a submission with a forbidden word and shows where it is', async () => {
    const { id, wordHits } = await refusedForWords('含禁用词', '本文件属绝密内容');
    expect(wordHits).toEqual([
      expect.objectContaining({
        word: '绝密',
        level: 'forbidden',
        field: 'body',
        start: 4,
        end: 6,
        context: '本文件属绝密内容',
      }),
    ]);
    expect((await describeAs(editor, id)).status).toBe('draft');
  });

  it.each([
    ['in traditional characters split by a zero-width space', '本文件属絕\u200b密内容', 4, 7],
    ['split by an ideographic space', '本文件属绝\u3000密内容', 4, 7],
    ['split by a full-width asterisk', '本文件属绝＊密内容', 4, 7],
  ])(
    'blocks a forbidden word written %s, and shows where it was written',
    async (_how, text, start, end) => {
      const { id, wordHits } = await refusedForWords('变体禁用词', text);
      expect(wordHits).toEqual([
        expect.objectContaining({
          word: '绝密',
          level: 'forbidden',
          field: 'body',
          start,
          end,
          found: text.slice(start, end),
          context: text,
        }),
      ]);
      expect((await describeAs(editor, id)).status).toBe('draft');
    }
  );

  it('reads every text a reader sees: the column, and the alternative text and caption of a body image', async () => {
    const file = await libraryFile(app, 'map.png', 'map_review', { site: city });
    const image = (alternativeText: string, caption: string | null) =>
      imageBlock({ url: file.url, name: 'map.png', hash: 'map_review', alternativeText, caption });
    const CASES: Array<[string, Record<string, unknown>, string, number, number]> = [
      ['column', { column: '绝密文件' }, 'column', 0, 2],
      [
        'image alt text',
        { body: [...paragraph('见下图'), image('一份绝密地图', null)] },
        'body.image.alt',
        2,
        4,
      ],
      [
        'image caption',
        { body: [...paragraph('见下图'), image('地图', '图为绝★密地图')] },
        'body.image.caption',
        2,
        5,
      ],
    ];
    for (const [what, fields, field, start, end] of CASES) {
      const created = await as(editor).post(`/content-manager/collection-types/${ARTICLE}`, {
        title: `藏在${what}里的禁用词`,
        site: city,
        body: paragraph('正文'),
        ...fields,
      });
      expect([what, created.status, created.body.error?.message]).toEqual([what, 201, undefined]);
      const id = created.body.data.documentId as string;
      const res = await as(editor).post(review(id, 'submit'));
      expect([what, res.status]).toEqual([what, 400]);
      expect(res.body.error.message).toBe(ERRORS.blockingHits(['绝密'], []));
      expect(res.body.error.details.wordHits).toEqual([
        expect.objectContaining({ word: '绝密', level: 'forbidden', field, start, end }),
      ]);
      expect((await describeAs(editor, id)).status).toBe('draft');
    }
  });

  it('lets a word to check through and shows it to the reviewer', async () => {
    const id = await write(editor, city, '民政部门召开会议');
    const res = await as(editor).post(review(id, 'submit')).expect(200);
    expect(res.body.data.wordHits).toEqual([
      expect.objectContaining({
        word: '民政部门',
        field: 'title',
        start: 0,
        end: 4,
        suggestion: '民政厅',
      }),
    ]);
    const state = await describeAs(leader, id);
    expect(state.wordHits).toHaveLength(1);
    expect(state.history[0].wordHits).toHaveLength(1);
  });

  it('sends an approved article whose edit brings in a forbidden word back to draft', async () => {
    const id = await write(editor, county, '后来加入禁用词');
    await approveInCounty(id);
    await as(editor)
      .put(`/content-manager/collection-types/${ARTICLE}/${id}`, { body: paragraph('附绝密文件') })
      .expect(200);
    expect((await describeAs(editor, id)).status).toBe('draft');
  });

  it('keeps the word list valid and unique, for the province only', async () => {
    await as(province)
      .post('/governance/review/words', { word: '绝密', level: 'check' })
      .expect(400);
    await as(province).post('/governance/review/words', { word: '', level: 'check' }).expect(400);
    await as(province)
      .post('/governance/review/words', { word: '机密', level: 'secret' })
      .expect(400);
    await as(province)
      .post('/governance/review/words', { word: '机密', level: 'forbidden', role: 'x' })
      .expect(400);
    const created = await as(province)
      .post('/governance/review/words', { word: '  机密 ', level: 'forbidden' })
      .expect(201);
    expect(created.body.data).toMatchObject({ word: '机密', level: 'forbidden' });
    await as(province)
      .put(`/governance/review/words/${created.body.data.id}`, {
        word: '机密',
        level: 'check',
        note: '改为提示',
      })
      .expect(200);
    const list = (await as(province).get('/governance/review/words').expect(200)).body.data;
    expect(list.map((w: { word: string }) => w.word).sort()).toEqual(
      ['机密', '民政部门', '绝密'].sort()
    );
    await as(province).delete(`/governance/review/words/${created.body.data.id}`).expect(204);
    await as(province).delete(`/governance/review/words/${created.body.data.id}`).expect(404);
    await as(editor).get('/governance/review/words').expect(403);
  });
});

describe('the queue and the notifications', () => {
  it('shows each reviewer what waits at their step, with filters', async () => {
    const id = await write(editor, city, '队列中的文章');
    await as(editor).post(review(id, 'submit')).expect(200);
    const titles = async (who: TestAdmin, query = '') =>
      (await as(who).get(`/governance/review/queue${query}`).expect(200)).body.data.map(
        (i: { title: string }) => i.title
      );

    expect(await titles(leader)).toContain('队列中的文章');
    expect(await titles(reviewer)).not.toContain('队列中的文章');
    expect(await titles(countyReviewer)).not.toContain('队列中的文章');
    expect(await titles(leader, '?capacity=leader&site=xian')).toContain('队列中的文章');
    expect(await titles(leader, '?site=ankang-hanbin')).not.toContain('队列中的文章');
    expect(await titles(leader, '?waitingDays=2')).not.toContain('队列中的文章');
    await app.strapi.db.query('plugin::governance.review-state').updateMany({
      where: { articleDocumentId: id },
      data: { waitingSince: new Date(Date.now() - 3 * 86_400_000) },
    });
    expect(await titles(leader, '?waitingDays=2')).toContain('队列中的文章');
    expect(await titles(province, '?tab=all')).toContain('队列中的文章');
    await as(leader).get('/governance/review/queue?waitingDays=-1').expect(400);
    await as(leader).get('/governance/review/queue?site=%27%20or%201%3D1').expect(400);

    const count = (await as(leader).get('/governance/review/count').expect(200)).body.data;
    expect(count.toReview).toBe((await titles(leader)).length);
  });

  it('e-mails whoever must act next, when e-mails are on', async () => {
    const sent: Array<{ to: string; subject: string }> = [];
    const email = app.strapi.plugin('email').service('email');
    const original = email.send;
    email.send = async (message: { to: string; subject: string }) => void sent.push(message);
    app.strapi.config.set('plugin::governance.notifications.email', true);
    try {
      const id = await write(editor, county, '邮件通知');
      await as(editor).post(review(id, 'submit')).expect(200);
      // Sent after the commit, without holding up the response.
      await waitFor(() => sent.length >= 1);
      expect(sent).toEqual([
        expect.objectContaining({
          to: countyReviewer.email,
          subject: expect.stringContaining('邮件通知'),
        }),
      ]);
      await as(countyReviewer).post(review(id, 'reject'), { reason: '请补充发布依据' }).expect(200);
      await waitFor(() => sent.length >= 2);
      expect(sent[1]).toMatchObject({
        to: editor.email,
        subject: expect.stringContaining('审核退回'),
      });
    } finally {
      email.send = original;
      app.strapi.config.set('plugin::governance.notifications.email', false);
    }
  });
});
