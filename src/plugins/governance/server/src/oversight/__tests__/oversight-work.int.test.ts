/**
 * What the province and the sites do with 站群监测: the drill-down and the site's own card, the
 * daily alerts (once per change of state, once across runs), the inspection notice drafted from
 * the data and sent through review, and the rectification tasks it opens when published.
 */
import { DateTime } from 'luxon';
import {
  approveArticle,
  backdate,
  createReviewTeam,
  publishReviewed,
  stepHoldersOf,
  type ReviewTeam,
} from '@test-helpers/review';
import { addMember, createSites } from '@test-helpers/sites';
import {
  asAdmin,
  createAdmin,
  plansDuring,
  startApp,
  type TestAdmin,
  type TestApp,
} from '@test-helpers/strapi';
import type {
  InspectionNoticeDraft,
  OversightAlert,
  Rectification,
  SiteOversight,
  SiteOversightDetail,
} from '../../../../shared/contracts/oversight';
import { ARTICLE, AUDIT_ENTRY } from '../../uids';
import { personName } from '../../utils/person-name';

const ZONE = 'Asia/Shanghai';

let app: TestApp;
let team: ReviewTeam;
let province: TestAdmin;
let staleEditor: TestAdmin;
let goodEditor: TestAdmin;
let sites: Record<string, string>;
const articles: Record<string, string> = {};

const ago = (days: number) =>
  DateTime.now()
    .setZone(ZONE)
    .minus({ days })
    .set({ hour: 10, minute: 0, second: 0, millisecond: 0 })
    .toJSDate();
const localDate = (days: number) => DateTime.now().setZone(ZONE).minus({ days }).toISODate()!;
const alerts = () => app.strapi.plugin('governance').service('oversightAlerts');

/** Moves the site's only article's first publication to `days` ago. */
const idle = (site: string, days: number) => backdate(app, articles[site], ago(days));

beforeAll(async () => {
  app = await startApp('oversight-work');
  team = await createReviewTeam(app);
  province = await createAdmin(app, 'governance-provincial-admin', '建国');
  ({ sites } = await createSites(app, {
    portal: { name: 'portal站', level: 'portal', columns: ['工作动态', '通知公告'] },
    stale: { name: 'stale站', level: 'county', columns: ['工作动态'] },
    near: { name: 'near站', level: 'county', columns: ['工作动态'] },
    good: { name: 'good站', level: 'city', columns: ['工作动态'] },
  }));
  for (const code of ['portal', 'stale', 'near', 'good']) {
    articles[code] = (
      await publishReviewed(app, team, {
        title: `${code} 工作动态`,
        site: sites[code],
        column: '工作动态',
      })
    ).documentId;
  }
  await publishReviewed(app, team, { title: 'good 第二条', site: sites.good, column: '工作动态' });
  await idle('stale', 20);
  await idle('near', 9);

  staleEditor = await createAdmin(app, 'governance-site-editor', '敏');
  goodEditor = await createAdmin(app, 'governance-site-editor', '华');
  await addMember(app, staleEditor, sites.stale, 'editor');
  await addMember(app, goodEditor, sites.good, 'editor');

  await app.strapi.documents('api::citizen-message.citizen-message').create({
    data: {
      site: sites.stale,
      category: 'consultation',
      subject: '低保申请进度',
      body: '请问进度？',
      name: '王小明',
      phone: '13800000000',
      queryCode: 'OVW00001',
      status: 'accepted',
      receivedAt: ago(40),
    } as never,
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('the drill-down and the site’s own card', () => {
  it('shows the province a site with the evidence: its columns, its waiting messages without personal data', async () => {
    const { body } = await asAdmin(app, province)
      .get(`/governance/oversight/sites/${sites.stale}`)
      .expect(200);
    const detail = body.data as SiteOversightDetail;
    expect(detail.rules.find((r) => r.rule === 'homePage')).toMatchObject({
      status: 'tripped',
      value: 20,
    });
    expect(detail.openMessages).toEqual([
      expect.objectContaining({ subject: '低保申请进度', ageDays: 40, status: 'accepted' }),
    ]);
    expect(JSON.stringify(body)).not.toMatch(/王小明|13800000000/);
    await asAdmin(app, province).get('/governance/oversight/sites/nosuchsite').expect(404);
  });

  it('shows a site’s editors their own site, and no other', async () => {
    await asAdmin(app, staleEditor).get(`/governance/oversight/sites/${sites.stale}`).expect(200);
    await asAdmin(app, staleEditor).get(`/governance/oversight/sites/${sites.good}`).expect(403);
    const own = (await asAdmin(app, staleEditor).get('/governance/oversight/own').expect(200)).body
      .data as SiteOversightDetail[];
    expect(own.map((s) => s.site.code)).toEqual(['stale']);
    // Judged from its own figures only, as the province's whole list judges it.
    const all = (await asAdmin(app, province).get('/governance/oversight').expect(200)).body
      .data as SiteOversight[];
    expect(own[0]).toMatchObject(all.find((s) => s.site.code === 'stale')!);
    await asAdmin(app, staleEditor).get('/governance/oversight').expect(403);
    await app.http().get('/governance/oversight/own').expect(401);
  });

  // SQLite plans alike at any size (no ANALYZE): what a card reads here it reads at ten years.
  (process.env.DATABASE_CLIENT === 'postgres' ? it.skip : it)(
    "reads its site's waiting and recent messages, never all its messages (SQLite plan)",
    async () => {
      const { metadata } = app.strapi.db;
      const { joinTable } = metadata.get('api::citizen-message.citizen-message').attributes
        .site as unknown as { joinTable: { name: string } };
      const holdings = metadata.get('plugin::governance.message-holding').tableName;
      const messages = metadata.get('api::citizen-message.citizen-message').tableName;
      const plans = await plansDuring(app, [joinTable.name, holdings, messages], () =>
        asAdmin(app, staleEditor).get('/governance/oversight/own').expect(200)
      );
      expect(plans.length).toBeGreaterThan(0);
      // A site's link or holding rows by the site: everything it ever received.
      const bySite = plans.flatMap(({ plan }) =>
        plan.filter((line) => /USING .*INDEX \S+ \(site_id=\?/.test(line))
      );
      expect(bySite).toEqual([]);
      // Nor every message, link or holding of the archive: nothing is scanned whole but a
      // subquery's own rows (a co-routine).
      const scans = plans.flatMap(({ plan }) => {
        const subqueries = plan.flatMap((line) => /^CO-ROUTINE (\S+)/.exec(line)?.[1] ?? []);
        return plan.filter((line) => {
          const scanned = /^SCAN (\S+)/.exec(line)?.[1];
          return scanned !== undefined && !subqueries.includes(scanned);
        });
      });
      expect(scans).toEqual([]);
      // The year's statistics read the year's holdings by the receipt each one carries.
      expect(
        plans.some(({ plan }) =>
          plan.some((line) => /governance_message_holdings_received_idx/.test(line))
        )
      ).toBe(true);
    }
  );
});

describe('daily alerts', () => {
  it('alerts once when a rule enters its warning or trips, telling the site’s leader and the province', async () => {
    const raised = (await alerts().raise()) as OversightAlert[];
    const homePage = raised
      .filter((a) => a.rule === 'homePage')
      .map((a) => [a.site.code, a.status]);
    expect(homePage.sort()).toEqual([
      ['near', 'warning'],
      ['stale', 'tripped'],
    ]);
    const leader = (await stepHoldersOf(app, team, sites.stale)).leader;
    const leaderAccount = (await app.strapi.db
      .query('admin::user')
      .findOne({ where: { id: leader.id } })) as { firstname: string; lastname: string };
    const stale = raised.find((a) => a.site.code === 'stale' && a.rule === 'homePage')!;
    expect(stale.notified).toEqual(
      expect.arrayContaining([personName(leaderAccount), expect.stringContaining('建国')])
    );
    // The same states again: nothing new.
    expect(await alerts().raise()).toEqual([]);
  });

  it('alerts again only when the state gets worse, and after a recovery', async () => {
    await idle('near', 15);
    expect(
      ((await alerts().raise()) as OversightAlert[]).map((a) => [a.site.code, a.rule, a.status])
    ).toEqual([['near', 'homePage', 'tripped']]);
    await idle('stale', 1);
    expect(await alerts().raise()).toEqual([]);
    await idle('stale', 20);
    expect(
      ((await alerts().raise()) as OversightAlert[]).map((a) => [a.site.code, a.rule, a.status])
    ).toEqual([['stale', 'homePage', 'tripped']]);
  });

  it('runs on one instance when two start the daily job at once', async () => {
    await app.strapi.db
      .query('plugin::governance.job-lease')
      .deleteMany({ where: { name: 'governance-oversight-daily' } });
    const runs = await Promise.all([alerts().runDaily(), alerts().runDaily()]);
    expect(runs.filter((r: { ran: boolean }) => r.ran)).toHaveLength(1);
  });

  it('raises and logs each change once when two runs meet (as one that lost its lease would)', async () => {
    // Every article of two sites a month old: two home pages trip.
    const saved = (await app.strapi.db.query(ARTICLE).findMany({
      where: { site: { documentId: { $in: [sites.good, sites.portal] } } },
      select: ['documentId', 'firstPublishedAt'],
    })) as Array<{ documentId: string; firstPublishedAt: string }>;
    const lastEntry = await app.strapi.db
      .query(AUDIT_ENTRY)
      .findOne({ orderBy: { seq: 'desc' }, select: ['seq'] });
    for (const { documentId } of saved) await backdate(app, documentId, ago(30));

    const raised = (
      (await Promise.all([alerts().raise(), alerts().raise()])) as OversightAlert[][]
    ).flat();
    const changes = raised.map((a) => `${a.site.code}:${a.rule}`);
    expect(changes).toEqual(expect.arrayContaining(['good:homePage', 'portal:homePage']));
    expect(new Set(changes).size).toBe(changes.length);
    const entries = (await app.strapi.db.query(AUDIT_ENTRY).findMany({
      where: { action: 'oversight.alert', seq: { $gt: lastEntry?.seq ?? 0 } },
      select: ['details'],
    })) as Array<{ details: { alerts: number[] } }>;
    const logged = entries.flatMap((entry) => entry.details.alerts);
    expect(logged.sort((a, b) => a - b)).toEqual(raised.map((a) => a.id).sort((a, b) => a - b));

    for (const { documentId, firstPublishedAt } of saved)
      await backdate(app, documentId, new Date(firstPublishedAt));
    await alerts().raise(); // the recoveries, quietly
  });

  it('lists the alerts for the province, newest first', async () => {
    const { body } = await asAdmin(app, province)
      .get(`/governance/oversight/alerts?site=${sites.stale}`)
      .expect(200);
    expect(body.data[0]).toMatchObject({
      site: { code: 'stale' },
      rule: 'homePage',
      status: 'tripped',
    });
    expect(body.meta.pagination.total).toBe(body.data.length);
    await asAdmin(app, province).get('/governance/oversight/alerts?pageSize=1000').expect(400);
    await asAdmin(app, staleEditor).get('/governance/oversight/alerts').expect(403);
  });
});

describe('the inspection notice and its rectification tasks', () => {
  let draft: InspectionNoticeDraft;
  let articleDocumentId: string;
  const period = () => `from=${localDate(60)}&to=${localDate(0)}`;

  it('drafts the notice from the data: totals, praise, the sites with problems and their figures', async () => {
    draft = (
      await asAdmin(app, province)
        .get(`/governance/oversight/notices/draft?${period()}`)
        .expect(200)
    ).body.data;
    expect(draft.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、表扬',
      '三、存在的问题',
      '四、工作要求',
    ]);
    // Five articles in the period: the portal's, stale's and near's (moved back, still inside), good's two.
    expect(draft.sections[0].paragraphs[0]).toContain('共发布信息5条');
    expect(draft.sections[1].paragraphs.join('')).toContain('good站（2条）');
    expect(draft.named.map((n) => n.site.code).sort()).toEqual(['near', 'stale']);
    expect(draft.named.find((n) => n.site.code === 'stale')!.problems).toContain(
      'stale站首页已20天未更新'
    );
    // The sites that broke the same rule in one sentence, each with its figure.
    expect(draft.sections[2].paragraphs[0]).toContain(
      '以下2个网站首页超过2周未更新：near站（15天）、stale站（20天）'
    );
  });

  it('refuses a period that is not one, and anyone but the province', async () => {
    const tomorrow = DateTime.now().setZone(ZONE).plus({ days: 1 }).toISODate();
    await asAdmin(app, province)
      .get(`/governance/oversight/notices/draft?from=${localDate(0)}&to=${tomorrow}`)
      .expect(400);
    await asAdmin(app, province)
      .get(`/governance/oversight/notices/draft?from=${localDate(0)}&to=${localDate(5)}`)
      .expect(400);
    await asAdmin(app, province)
      .get('/governance/oversight/notices/draft?from=2026-13-01&to=2026-13-02')
      .expect(400);
    await asAdmin(app, staleEditor)
      .get(`/governance/oversight/notices/draft?${period()}`)
      .expect(403);
  });

  it('puts the notice in a portal draft that passes review before publication opens the tasks', async () => {
    const deadline = DateTime.now().setZone(ZONE).plus({ days: 20 }).toISODate();
    const body = {
      from: localDate(60),
      to: localDate(0),
      title: '关于近期网站监测情况的通报',
      sites: [sites.stale],
      deadline,
    };
    await asAdmin(app, province)
      .post('/governance/oversight/notices', { ...body, sites: [sites.good] })
      .expect(400);
    await asAdmin(app, province)
      .post('/governance/oversight/notices', { ...body, deadline: '2020-01-01' })
      .expect(400);
    const created = (
      await asAdmin(app, province).post('/governance/oversight/notices', body).expect(201)
    ).body.data;
    articleDocumentId = created.articleDocumentId;
    expect(created).toMatchObject({
      named: [{ site: { code: 'stale' } }],
      deadline,
      publishedAt: null,
    });

    const article = await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId: articleDocumentId }, populate: { site: true } });
    expect(article).toMatchObject({
      title: body.title,
      column: '通知公告',
      publishedAt: null,
      site: { code: 'portal' },
    });
    expect(JSON.stringify(article.body)).toContain('stale站首页已20天未更新');

    await expect(
      app.strapi.documents(ARTICLE).publish({ documentId: articleDocumentId })
    ).rejects.toThrow();
    expect(
      (await asAdmin(app, province).get('/governance/oversight/rectifications').expect(200)).body
        .data
    ).toEqual([]);

    await approveArticle(app, team, articleDocumentId);
    await app.strapi.documents(ARTICLE).publish({ documentId: articleDocumentId });
    await app.strapi.documents(ARTICLE).publish({ documentId: articleDocumentId });
    const tasks = (
      await asAdmin(app, province).get('/governance/oversight/rectifications').expect(200)
    ).body.data as Rectification[];
    expect(tasks).toEqual([
      expect.objectContaining({
        site: expect.objectContaining({ code: 'stale' }),
        status: 'open',
        deadline,
        overdue: false,
        problems: ['stale站首页已20天未更新'],
      }),
    ]);
  });

  it('takes a task from the site’s report to the province’s acceptance, refusing anyone else', async () => {
    const [task] = (
      await asAdmin(app, staleEditor).get('/governance/oversight/rectifications').expect(200)
    ).body.data as Rectification[];
    expect(
      (await asAdmin(app, goodEditor).get('/governance/oversight/rectifications').expect(200)).body
        .data
    ).toEqual([]);
    const evidence = { evidence: '已于本周恢复首页更新，并指定专人每周检查。' };
    await asAdmin(app, goodEditor)
      .post(`/governance/oversight/rectifications/${task.id}/evidence`, evidence)
      .expect(403);
    await asAdmin(app, staleEditor)
      .post(`/governance/oversight/rectifications/${task.id}/evidence`, { evidence: '短' })
      .expect(400);
    await asAdmin(app, staleEditor)
      .post(`/governance/oversight/rectifications/${task.id}/evidence`, evidence)
      .expect(200);
    await asAdmin(app, staleEditor)
      .post(`/governance/oversight/rectifications/${task.id}/evidence`, evidence)
      .expect(400);

    await asAdmin(app, staleEditor)
      .post(`/governance/oversight/rectifications/${task.id}/review`, { accept: true })
      .expect(403);
    await asAdmin(app, province)
      .post(`/governance/oversight/rectifications/${task.id}/review`, {
        accept: false,
        comment: '差',
      })
      .expect(400);
    const returned = (
      await asAdmin(app, province)
        .post(`/governance/oversight/rectifications/${task.id}/review`, {
          accept: false,
          comment: '请附更新记录截图',
        })
        .expect(200)
    ).body.data;
    expect(returned).toMatchObject({ status: 'open', reviewComment: '请附更新记录截图' });
    await asAdmin(app, staleEditor)
      .post(`/governance/oversight/rectifications/${task.id}/evidence`, {
        evidence: `${evidence.evidence}更新记录见附件。`,
      })
      .expect(200);
    const closed = (
      await asAdmin(app, province)
        .post(`/governance/oversight/rectifications/${task.id}/review`, { accept: true })
        .expect(200)
    ).body.data;
    expect(closed).toMatchObject({ status: 'closed', closedBy: expect.stringContaining('建国') });

    const [notice] = (await asAdmin(app, province).get('/governance/oversight/notices').expect(200))
      .body.data;
    expect(notice).toMatchObject({
      articleDocumentId,
      rectifications: { total: 1, closed: 1 },
      publishedAt: expect.any(String),
    });
    const detail = (
      await asAdmin(app, staleEditor).get(`/governance/oversight/sites/${sites.stale}`).expect(200)
    ).body.data as SiteOversightDetail;
    expect(detail.rectifications).toEqual([expect.objectContaining({ status: 'closed' })]);
  });
});
