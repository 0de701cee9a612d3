/**
 * 工作台 (GET /governance/workbench) on a real database: each role's to-dos counted as the list
 * each one opens counts them, only within the caller's own sites, only the parts their
 * permissions cover, and with as many queries for a thousand rows as for one.
 */
import { paragraph } from '@test-helpers/article-body';
import { submitMessage } from '@test-helpers/citizen-form';
import { createSitesAndStaff } from '@test-helpers/sites';
import {
  asAdmin,
  plansDuring,
  queriesDuring,
  createAdmin,
  startApp,
  type TestAdmin,
  type TestApp,
} from '@test-helpers/strapi';
import type { Workbench } from '../../../../shared/contracts/workbench';
import { ARTICLE, CITIZEN_MESSAGE, MESSAGE_HOLDING, PASSWORD_STATE } from '../../uids';
import { ERRORS } from '../validation';

const DAY = 86_400_000;

let app: TestApp;
let sites: Record<'xian' | 'baoji', string>;
let people: Record<
  | 'province'
  | 'xianEditor'
  | 'baojiEditor'
  | 'xianLeader'
  | 'xianReviewer'
  | 'xianHandler'
  | 'baojiHandler',
  TestAdmin
>;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const workbench = async (who: TestAdmin) =>
  (await as(who).get('/governance/workbench').expect(200)).body.data as Workbench;

const write = async (author: TestAdmin, site: string, title: string) =>
  (
    await as(author)
      .post(`/content-manager/collection-types/${ARTICLE}`, { title, site, body: paragraph(title) })
      .expect(201)
  ).body.data.documentId as string;
const review = (who: TestAdmin, documentId: string, action: string, body: object = {}) =>
  as(who).post(`/governance/review/articles/${documentId}/${action}`, body).expect(200);

/**
 * A citizen's message to the site, its deadline moved to `dueAt` when given, and its site's
 * holding's with it (the site holds it from receipt; overdue is judged by the holder's deadline).
 */
const message = async (site: 'xian' | 'baoji', dueAt?: Date) => {
  const { stored } = await submitMessage(app, { site, subject: `${site} 的留言` });
  if (dueAt) {
    await app.strapi.db
      .query(CITIZEN_MESSAGE)
      .update({ where: { id: stored.id }, data: { dueAt } });
    await app.strapi.db
      .query(MESSAGE_HOLDING)
      .updateMany({ where: { messageId: stored.id, state: 'open' }, data: { dueAt } });
  }
  return stored.id;
};

/** The inbox's tab counts, as the 留言办理 page shows them to `who`. */
const inboxCounts = async (who: TestAdmin) =>
  (await as(who).get('/governance/messages').expect(200)).body.meta.counts as Record<
    string,
    number
  >;

beforeAll(async () => {
  app = await startApp('workbench');
  ({ sites, staff: people } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市', level: 'city' },
      baoji: { name: '宝鸡市', level: 'city' },
    },
    staff: {
      province: ['governance-provincial-admin', '省厅'],
      xianEditor: ['governance-site-editor', '西安编辑', { xian: 'editor' }],
      baojiEditor: ['governance-site-editor', '宝鸡编辑', { baoji: 'editor' }],
      xianLeader: ['governance-approver', '西安初审', { xian: 'leader' }],
      xianReviewer: ['governance-reviewer', '西安保密', { xian: 'reviewer' }],
      xianHandler: ['governance-message-handler', '西安办理', { xian: 'handler' }],
      baojiHandler: ['governance-message-handler', '宝鸡办理', { baoji: 'handler' }],
    },
  }));
  const { xianEditor, baojiEditor, xianLeader } = people;

  // 西安: two drafts, one sent back, one withdrawn, two waiting at 初审.
  await write(xianEditor, sites.xian, '西安草稿一');
  await write(xianEditor, sites.xian, '西安草稿二');
  const rejected = await write(xianEditor, sites.xian, '西安退回');
  await review(xianEditor, rejected, 'submit');
  await review(xianLeader, rejected, 'reject', { reason: '数据需要核实后再送审' });
  const withdrawn = await write(xianEditor, sites.xian, '西安撤回');
  await review(xianEditor, withdrawn, 'submit');
  await review(xianEditor, withdrawn, 'withdraw');
  await review(xianEditor, await write(xianEditor, sites.xian, '西安待审一'), 'submit');
  await review(xianEditor, await write(xianEditor, sites.xian, '西安待审二'), 'submit');
  // 宝鸡: a draft of its own, which no 西安 count may include.
  await write(baojiEditor, sites.baoji, '宝鸡草稿');

  // 西安: one to sign for, one due within two working days, two overdue, one of them with an
  // extension requested. 宝鸡: one overdue.
  await message('xian');
  await message('xian', new Date(Date.now() + 60 * 60_000));
  await message('xian', new Date(Date.now() - 2 * DAY));
  const extended = await message('xian', new Date(Date.now() - DAY));
  await as(people.xianHandler)
    .post(`/governance/messages/${extended}/extension`, {
      workingDays: 5,
      reason: '需要会同住建部门共同核实情况',
    })
    .expect(204);
  await message('baoji', new Date(Date.now() - 3 * DAY));
});

afterAll(async () => {
  await app?.stop();
});

describe("a site editor's workbench", () => {
  it("counts the own site's articles by the review state the article list filters by", async () => {
    const mine = await workbench(people.xianEditor);
    expect(mine.articles).toEqual({ rejected: 1, draft: 2, withdrawn: 1 });
    expect(mine.profile).toMatchObject({
      name: expect.stringContaining('西安编辑'),
      roles: ['站点编辑'],
      groupWide: false,
      sites: [{ code: 'xian', name: '西安市', capacity: 'editor' }],
    });
    expect(mine.timezone).toBe('Asia/Shanghai');
    // An editor reviews nothing, and the province's figures are not theirs.
    expect(mine.review).toBeNull();
    expect(mine.group).toBeNull();
  });

  it("never counts another site's articles", async () => {
    expect((await workbench(people.baojiEditor)).articles).toEqual({
      rejected: 0,
      draft: 1,
      withdrawn: 0,
    });
  });

  it('counts what the article list shows under each filter', async () => {
    const { articles } = await workbench(people.xianEditor);
    for (const status of ['rejected', 'draft', 'withdrawn'] as const) {
      const list = await as(people.xianEditor)
        .get(
          `/content-manager/collection-types/${ARTICLE}?filters[$and][0][reviewStatus][$eq]=${status}`
        )
        .expect(200);
      expect(list.body.pagination.total).toBe(articles?.[status]);
    }
  });

  // SQLite plans alike at any size (no ANALYZE): what it reads here it reads at ten years.
  (process.env.DATABASE_CLIENT === 'postgres' ? it.skip : it)(
    "counts the open articles by their state's index, not the site's whole archive (SQLite plan)",
    async () => {
      const { tableName } = app.strapi.db.metadata.get(ARTICLE);
      const plans = await plansDuring(app, [tableName], () => workbench(people.xianEditor));
      const counts = plans.filter(({ sql }) => /review_status/.test(sql));
      expect(counts.map(({ plan }) => plan)).toEqual([
        [expect.stringMatching(/INDEX articles_review_status_site_idx \(review_status=\?/)],
      ]);
    }
  );
});

describe("a reviewer's and an approver's workbench", () => {
  it('counts what waits at the step they hold, with the longest wait', async () => {
    const leader = await workbench(people.xianLeader);
    expect(leader.review?.toReview).toBe(2);
    const queue = await as(people.xianLeader).get('/governance/review/queue').expect(200);
    expect(queue.body.data).toHaveLength(2);
    const oldest = Math.min(
      ...queue.body.data.map((item: { waitingSince: string }) => Date.parse(item.waitingSince))
    );
    expect(Date.parse(leader.review!.oldestWaitingSince!)).toBe(oldest);
    expect(leader.articles).toBeNull();
    expect(leader.messages).toBeNull();
  });

  it('has nothing waiting, and no date, at a step not reached yet', async () => {
    expect((await workbench(people.xianReviewer)).review).toEqual({
      toReview: 0,
      oldestWaitingSince: null,
    });
  });
});

describe("a message handler's workbench", () => {
  it("counts the own site's messages as the inbox's tabs do", async () => {
    const { messages } = await workbench(people.xianHandler);
    expect(messages).toEqual({ toSign: 4, dueSoon: 1, overdue: 2, pendingExtension: 1 });
    const tabs = await inboxCounts(people.xianHandler);
    expect(messages).toEqual({
      toSign: tabs.toSign,
      dueSoon: tabs.dueSoon,
      overdue: tabs.overdue,
      pendingExtension: tabs.pendingExtension,
    });
  });

  it("never counts another site's messages", async () => {
    expect((await workbench(people.baojiHandler)).messages).toEqual({
      toSign: 1,
      dueSoon: 0,
      overdue: 1,
      pendingExtension: 0,
    });
  });

  it('lists the extension requests under their own inbox tab', async () => {
    const res = await as(people.xianHandler)
      .get('/governance/messages?tab=pendingExtension')
      .expect(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0].site.code).toBe('xian');
  });
});

describe("the province's workbench", () => {
  it("counts the group's overdue messages and pending extensions, not a handler's tabs", async () => {
    const { group, messages, articles } = await workbench(people.province);
    expect(group).toMatchObject({ overdueMessages: 3, extensions: 1 });
    expect(messages).toBeNull();
    expect(articles).toBeNull();
  });

  it("judges the sites now before the daily oversight check's first run, then counts its verdicts", async () => {
    const standing = (await app.strapi
      .plugin('governance')
      .service('oversight')
      .bySite()) as Array<{ status: string }>;
    expect((await workbench(people.province)).group?.sites).toEqual({
      tripped: standing.filter((s) => s.status === 'tripped').length,
      warning: standing.filter((s) => s.status === 'warning').length,
      checkedAt: null,
    });
    const before = Date.now();
    await app.strapi.plugin('governance').service('oversightAlerts').runDaily();
    const sitesFigures = (await workbench(people.province)).group?.sites;
    expect(sitesFigures).toEqual({
      tripped: standing.filter((s) => s.status === 'tripped').length,
      warning: standing.filter((s) => s.status === 'warning').length,
      checkedAt: expect.any(String),
    });
    expect(sitesFigures!.tripped + sitesFigures!.warning).toBeGreaterThan(0);
    expect(Date.parse(sitesFigures!.checkedAt!)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('counts passwords expired and expiring as the 账号安全 filters do', async () => {
    // Accounts of their own: an expired password stops every request of its holder.
    const aged = async (days: number) => {
      const who = await createAdmin(app, 'governance-site-editor', `密码${days}天`);
      await app.strapi.db.query(PASSWORD_STATE).update({
        where: { userId: who.id },
        data: { changedAt: new Date(Date.now() - days * DAY) },
      });
    };
    await aged(100); // expired
    await aged(90.5); // expired half a day ago
    await aged(80); // 10 days left: reminded
    await aged(70); // 20 days left: not yet reminded
    const { passwords } = (await workbench(people.province)).group!;
    const list = await as(people.province).get('/governance/accounts').expect(200);
    expect(passwords).toEqual({
      expired: list.body.meta.counts.expired,
      dueSoon: list.body.meta.counts.dueSoon,
      withinDays: 14,
    });
    expect(passwords).toMatchObject({ expired: 2, dueSoon: 1 });
  });

  it('no longer counts an extension once the province has decided it', async () => {
    const [pending] = (
      await as(people.province).get('/governance/messages?tab=pendingExtension').expect(200)
    ).body.data;
    await as(people.province)
      .post(`/governance/messages/${pending.id}/extension/decision`, {
        approve: false,
        comment: '请按期答复',
      })
      .expect(204);
    expect((await workbench(people.province)).group?.extensions).toBe(0);
    expect((await workbench(people.xianHandler)).messages?.pendingExtension).toBe(0);
  });

  it('asks the database as often for many rows as for few', async () => {
    const few = await queriesDuring(app, () => workbench(people.province));
    const handlerFew = await queriesDuring(app, () => workbench(people.xianHandler));
    const editorFew = await queriesDuring(app, () => workbench(people.xianEditor));
    for (let i = 0; i < 5; i += 1) {
      await message('xian', new Date(Date.now() - DAY));
      await write(people.xianEditor, sites.xian, `又一篇草稿 ${i}`);
    }
    expect(await queriesDuring(app, () => workbench(people.province))).toHaveLength(few.length);
    expect(await queriesDuring(app, () => workbench(people.xianHandler))).toHaveLength(
      handlerFew.length
    );
    expect(await queriesDuring(app, () => workbench(people.xianEditor))).toHaveLength(
      editorFew.length
    );
  });
});

describe('attacks', () => {
  it('refuses anyone not logged in', async () => {
    await app.http().get('/governance/workbench').expect(401);
  });

  it('takes no parameters: a site cannot be asked for', async () => {
    const res = await as(people.baojiHandler).get('/governance/workbench?site=xian').expect(400);
    expect(res.body.error.message).toBe(ERRORS.query);
    await as(people.baojiEditor).get('/governance/workbench?scope[all]=true').expect(400);
  });

  it("gives a site-bound user neither the group's figures nor another site's", async () => {
    for (const who of [people.baojiEditor, people.baojiHandler, people.xianReviewer]) {
      const data = await workbench(who);
      expect(data.group).toBeNull();
      expect(data.profile.groupWide).toBe(false);
    }
    expect((await workbench(people.baojiEditor)).profile.sites).toEqual([
      { code: 'baoji', name: '宝鸡市', capacity: 'editor' },
    ]);
    // 宝鸡's handler: the one 宝鸡 message, whatever 西安 holds.
    expect((await workbench(people.baojiHandler)).messages?.toSign).toBe(1);
  });

  it('answers a member of no site with zeros, not the whole group', async () => {
    const stranger = await createAdmin(app, 'governance-site-editor', '无站点');
    const data = await workbench(stranger);
    expect(data.articles).toEqual({ rejected: 0, draft: 0, withdrawn: 0 });
    expect(data.messages).toEqual({ toSign: 0, dueSoon: 0, overdue: 0, pendingExtension: 0 });
    expect(data.group).toBeNull();
  });

  it("answers a role without any of the plugin's actions with its profile only", async () => {
    const author = await createAdmin(app, 'strapi-author', '作者');
    const data = await workbench(author);
    expect(data).toMatchObject({ articles: null, review: null, messages: null, group: null });
    expect(data.profile.roles).toEqual(['作者']);
  });
});
