/**
 * 待我审核 and the menu badge on a real database: the badge counts exactly what the queue lists,
 * for members of every kind (own articles, a second step, co-authors, several sites, the
 * province), the queue agrees with each article's own page, and neither asks the database once
 * per waiting article.
 */
import { paragraph } from '@test-helpers/article-body';
import { FULL_CHECKLIST } from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import {
  asAdmin,
  queriesDuring,
  startApp,
  type TestAdmin,
  type TestApp,
} from '@test-helpers/strapi';
import { ARTICLE, SITE } from '../../uids';

let app: TestApp;
let sites: Record<'city' | 'county' | 'baoji', string>;
let people: Record<
  | 'province'
  | 'editor'
  | 'writer'
  | 'coauthor'
  | 'leader'
  | 'reviewer'
  | 'approver'
  | 'baojiLeader',
  TestAdmin
>;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const review = (documentId: string, action: string) =>
  `/governance/review/articles/${documentId}/${action}`;

const write = async (author: TestAdmin, site: string, title: string) =>
  (
    await as(author)
      .post(`/content-manager/collection-types/${ARTICLE}`, { title, site, body: paragraph(title) })
      .expect(201)
  ).body.data.documentId as string;

const submit = (who: TestAdmin, documentId: string) =>
  as(who).post(review(documentId, 'submit')).expect(200);

const approve = async (who: TestAdmin, documentId: string) => {
  const { contentHash } = (await as(who).get(`/governance/review/articles/${documentId}`)).body
    .data;
  await as(who)
    .post(review(documentId, 'approve'), { contentHash, checklist: FULL_CHECKLIST })
    .expect(200);
};

const queue = async (who: TestAdmin, tab: string) =>
  (await as(who).get(`/governance/review/queue?tab=${tab}`).expect(200)).body.data as Array<{
    documentId: string;
    title: string;
    status: string;
  }>;

const badge = async (who: TestAdmin) =>
  (await as(who).get('/governance/review/count').expect(200)).body.data as {
    toReview: number;
    toRevise: number;
  };

beforeAll(async () => {
  app = await startApp('review-queue');
  // Editors who also lead, as a small site's staff often do.
  const bothRoles = ['governance-site-editor', 'governance-approver'];
  ({ sites, staff: people } = await createSitesAndStaff(app, {
    sites: {
      city: { code: 'xian', name: '西安市', level: 'city' },
      county: { code: 'ankang-hanbin', name: '汉滨区', level: 'county' },
      baoji: { name: '宝鸡市', level: 'city' },
    },
    staff: {
      province: ['governance-provincial-admin', '省厅', { county: 'approver' }],
      editor: ['governance-site-editor', '编辑', { city: 'editor', county: 'editor' }],
      writer: [bothRoles, '撰稿兼初审', { city: ['editor', 'leader'] }],
      coauthor: [bothRoles, '合写兼初审', { city: ['editor', 'leader'] }],
      leader: ['governance-approver', '初审', { city: ['leader', 'reviewer'] }],
      reviewer: ['governance-reviewer', '保密', { city: 'reviewer', county: 'reviewer' }],
      approver: ['governance-approver', '终审', { city: 'approver' }],
      baojiLeader: ['governance-approver', '宝鸡初审', { baoji: 'leader' }],
    },
  }));

  const { editor, writer, coauthor, leader, reviewer, province } = people;
  // Waiting at 初审 (city).
  await submit(editor, await write(editor, sites.city, 'A1 编辑写'));
  await submit(writer, await write(writer, sites.city, 'A2 初审自己写'));
  const a3 = await write(editor, sites.city, 'A3 合写');
  await as(coauthor)
    .put(`/content-manager/collection-types/${ARTICLE}/${a3}`, { body: paragraph('合写一段') })
    .expect(200);
  await as(editor)
    .put(`/content-manager/collection-types/${ARTICLE}/${a3}`, { title: 'A3 合写（定稿）' })
    .expect(200);
  await submit(editor, a3);
  await submit(writer, await write(editor, sites.city, 'A7 初审代为送审'));
  // Passed 初审 by the leader, who also holds 保密审查: not a second step of theirs.
  const a4 = await write(editor, sites.city, 'A4 已过初审');
  await submit(editor, a4);
  await approve(leader, a4);
  // County: one at 保密审查, one at 终审 (held by the province).
  await submit(editor, await write(editor, sites.county, 'A6 区县待保密审查'));
  const a5 = await write(editor, sites.county, 'A5 区县待终审');
  await submit(editor, a5);
  await approve(reviewer, a5);
  // Sent back to its editor.
  const a8 = await write(editor, sites.city, 'A8 被退回');
  await submit(editor, a8);
  await as(leader).post(review(a8, 'reject'), { reason: '请补充发布依据和文号' }).expect(200);
  // Another site's.
  await submit(province, await write(province, sites.baoji, 'A9 宝鸡'));
});

afterAll(async () => {
  await app?.stop();
});

describe('the queue and the badge', () => {
  const EXPECTED: Record<keyof typeof people, string[]> = {
    leader: ['A1 编辑写', 'A2 初审自己写', 'A3 合写（定稿）', 'A7 初审代为送审'],
    // Not what they wrote (A2) nor what they submitted (A7).
    writer: ['A1 编辑写', 'A3 合写（定稿）'],
    // Not what they wrote part of, though someone else saved it last (A3).
    coauthor: ['A1 编辑写', 'A2 初审自己写', 'A7 初审代为送审'],
    reviewer: ['A4 已过初审', 'A6 区县待保密审查'],
    approver: [],
    province: ['A5 区县待终审'],
    baojiLeader: ['A9 宝鸡'],
    editor: [],
  };

  it.each(Object.keys(EXPECTED) as Array<keyof typeof people>)(
    'lists for %s what waits at their steps, and the badge counts exactly that',
    async (who) => {
      const toReview = await queue(people[who], 'toReview');
      expect(toReview.map((item) => item.title).sort()).toEqual([...EXPECTED[who]].sort());
      // The queue's rule (one query for every article) says what the article's own page does.
      const listed = new Set(toReview.map((item) => item.documentId));
      for (const item of await queue(people[who], 'all')) {
        const { can } = (
          await as(people[who]).get(`/governance/review/articles/${item.documentId}`).expect(200)
        ).body.data;
        expect([item.title, can.approve]).toEqual([item.title, listed.has(item.documentId)]);
      }
      const mine = await queue(people[who], 'mine');
      expect(await badge(people[who])).toEqual({
        toReview: toReview.length,
        toRevise: mine.filter((item) => item.status === 'rejected').length,
      });
    }
  );

  it('counts what waits to be revised', async () => {
    expect((await badge(people.editor)).toRevise).toBe(1);
  });

  it('gives oversight each site’s backlog: the rounds waiting at any step, and since when', async () => {
    const all = (await as(people.province).get('/governance/review/queue?tab=all').expect(200)).body
      .data as Array<{ site: { code: string }; waitingSince: string }>;
    const expected = new Map<string, { waiting: number; since: number }>();
    for (const item of all) {
      const known = expected.get(item.site.code);
      const since = new Date(item.waitingSince).getTime();
      expected.set(item.site.code, {
        waiting: (known?.waiting ?? 0) + 1,
        since: Math.min(known?.since ?? Infinity, since),
      });
    }
    const codes = new Map(
      (
        (await app.strapi.db.query(SITE).findMany({ select: ['id', 'code'] })) as Array<{
          id: number;
          code: string;
        }>
      ).map((s) => [s.id, s.code])
    );
    const backlog = (await app.strapi
      .plugin('governance')
      .service('review')
      .backlogBySite()) as Map<number, { waiting: number; since: string | number | Date }>;
    expect(
      new Map(
        [...backlog].map(([siteId, { waiting, since }]) => [
          codes.get(siteId),
          { waiting, since: new Date(since).getTime() },
        ])
      )
    ).toEqual(expected);
    expect(expected.get('xian')?.waiting).toBe(5);
  });

  it('asks the database as often for many waiting articles as for a few', async () => {
    const { leader, editor } = people;
    const user = await app.strapi.db
      .query('admin::user')
      .findOne({ where: { id: leader.id }, populate: ['roles'] });
    const service = app.strapi.plugin('governance').service('review');
    const measure = async () => ({
      badge: (await queriesDuring(app, () => service.count(user))).length,
      queue: (await queriesDuring(app, () => service.queue(user, { tab: 'toReview' }))).length,
      rows: (await service.queue(user, { tab: 'toReview' })).length,
    });

    const few = await measure();
    for (let n = 0; n < 5; n += 1) await submit(editor, await write(editor, sites.city, `B${n}`));
    const many = await measure();
    expect(many.rows).toBe(few.rows + 5);
    expect(many.badge).toBe(few.badge);
    expect(many.queue).toBe(few.queue);
  });
});
