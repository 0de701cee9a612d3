/**
 * The demo loader: exactly the notice's counts per site, in the right local year, and a second
 * load adds nothing. Counts are read back with SQL grouped by site code, not from the loader.
 */
import fs from 'fs';
import path from 'path';
import { parse as parseCsv } from 'csv-parse/sync';
import { asAdmin, appDir, createAdmin, startApp, type TestApp } from '@test-helpers/strapi';
import type { Overview } from '../../src/plugins/governance/shared/contracts/overview';
import type { RankingResponse } from '../../src/plugins/governance/shared/contracts/rankings';
import { ensureDemoAccounts } from './demo-accounts';
import { DRAFT_MEDIA, ensureDemoMedia } from './demo-media';
import { ensureDemoReviews } from './demo-reviews';
import { ensureDemoSubmissions } from './demo-submissions';
import { loadDemo } from './load-demo';

let app: TestApp;

const csv = parseCsv(fs.readFileSync(path.join(appDir, 'database/seeds/data/sites.csv'), 'utf8'), {
  columns: true,
}) as Array<{
  code: string;
  name: string;
  level: string;
  parent_code: string;
  articles_2014: string;
}>;
const facts = JSON.parse(
  fs.readFileSync(path.join(appDir, 'database/seeds/data/facts-2014.json'), 'utf8')
);

/** Published documents per site code whose first publication falls in the local year. */
const publishedPerSite = async (start: string, end: string) => {
  const knex = app.strapi.db.connection;
  const rows = (await knex('articles as a')
    .join('articles_site_lnk as l', 'l.article_id', 'a.id')
    .join('sites as s', 's.id', 'l.site_id')
    .select('s.code')
    .countDistinct({ n: 'a.document_id' })
    .whereNotNull('a.published_at')
    .where('a.first_published_at', '>=', new Date(start))
    .where('a.first_published_at', '<', new Date(end))
    .groupBy('s.code')) as Array<{ code: string; n: string | number }>;
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
};

const tableCounts = async () => {
  const knex = app.strapi.db.connection;
  const count = async (table: string) => Number((await knex(table).count({ n: '*' }))[0].n);
  return {
    sites: await count('sites'),
    articles: await count('articles'),
    links: await count('articles_site_lnk'),
    messages: await count('citizen_messages'),
  };
};

beforeAll(async () => {
  app = await startApp('demo-loader');
});

afterAll(async () => {
  await app?.stop();
});

describe('the demo loader', () => {
  let firstCounts: Awaited<ReturnType<typeof tableCounts>>;

  it('loads all 120 sites with their levels and parent cities', async () => {
    const report = await loadDemo(app.strapi, appDir);
    expect(report.sites).toBe(120);
    firstCounts = await tableCounts();
    expect(firstCounts.sites).toBe(csv.length);

    const sites = await app.strapi
      .documents('api::site.site')
      .findMany({ populate: ['parent'], limit: 500 });
    const byCode = new Map(sites.map((s) => [s.code, s]));
    for (const row of csv) {
      const site = byCode.get(row.code);
      expect(site?.level).toBe(row.level);
      expect((site?.parent as { code?: string } | null)?.code ?? '').toBe(row.parent_code);
    }
    // About 30 s on an idle machine; a shared one may take several times that.
  }, 600_000);

  it("publishes exactly each site's 2014 count, counted in Shanghai time", async () => {
    // 2014 in Asia/Shanghai: 2013-12-31T16:00Z to 2014-12-31T16:00Z.
    const counts = await publishedPerSite('2013-12-31T16:00:00Z', '2014-12-31T16:00:00Z');
    for (const row of csv) {
      expect([row.code, counts.get(row.code) ?? 0]).toEqual([row.code, Number(row.articles_2014)]);
    }
  });

  it("adds a 2013 volume that reproduces the notice's growth", async () => {
    const counts2013 = await publishedPerSite('2012-12-31T16:00:00Z', '2013-12-31T16:00:00Z');
    const total2014 = csv.reduce((sum, r) => sum + Number(r.articles_2014), 0);
    const total2013 = [...counts2013.values()].reduce((a, b) => a + b, 0);
    expect(total2014 - total2013).toBe(facts.articles.prose_group_increase_over_2013);
    expect(Number(csv[0].articles_2014) - (counts2013.get('portal') ?? 0)).toBe(
      facts.articles.prose_portal_increase_over_2013
    );
  });

  it("marks 2014's 427 special topics, 2013's in each site's 2014 share, and the living copy keeps each article's mark", async () => {
    const province = await createAdmin(app, 'governance-provincial-admin', '专题');
    const overview = async (year: number) =>
      (await asAdmin(app, province).get(`/governance/overview?year=${year}`).expect(200)).body
        .data as Overview;
    const o2014 = await overview(2014);
    expect(o2014.totals.specialTopics).toBe(
      facts.articles.special_topics.portal + facts.articles.special_topics.rest_of_group
    );
    expect(o2014.totals.specialTopics).toBe(427);
    expect(o2014.levels.find((l) => l.level === 'portal')!.specialTopics).toBe(
      facts.articles.special_topics.portal
    );
    // 2013 no longer shows 专题 0: every level with topics in 2014 has some in 2013, fewer articles, fewer topics.
    const o2013 = await overview(2013);
    expect(o2013.totals.specialTopics).toBeGreaterThan(0);
    for (const level of o2014.levels.filter((l) => l.specialTopics > 0)) {
      const then = o2013.levels.find((l) => l.level === level.level)!;
      expect([level.level, then.specialTopics > 0]).toEqual([level.level, true]);
      // Within a point of 2014's share.
      expect(
        Math.abs(then.specialTopics / then.articles - level.specialTopics / level.articles)
      ).toBeLessThan(0.01);
    }
    // The recent copy repeats the end of 2014 article by article, 专题 mark included.
    const knex = app.strapi.db.connection;
    const recent = knex('articles as r')
      .join('articles as o', 'o.slug', knex.raw("replace(r.slug, '-recent-', '-2014-')"))
      .whereNotNull('r.published_at')
      .whereNotNull('o.published_at')
      .where('r.slug', 'like', '%-recent-%');
    const count = async (query: typeof recent) => Number((await query.count({ n: '*' }))[0].n);
    expect(await count(recent.clone().where('r.is_special_topic', true))).toBeGreaterThan(0);
    expect(await count(recent.clone().whereRaw('r.is_special_topic <> o.is_special_topic'))).toBe(
      0
    );
  });

  it("loads 2014's messages of each level, replied, with private fields", async () => {
    const knex = app.strapi.db.connection;
    // Each with its case number, as a submitted message has.
    expect(
      Number((await knex('citizen_messages').whereNull('case_number').count({ n: '*' }))[0].n)
    ).toBe(0);
    const rows = (await knex('citizen_messages as m')
      .join('citizen_messages_site_lnk as l', 'l.citizen_message_id', 'm.id')
      .join('sites as s', 's.id', 'l.site_id')
      .where('m.query_code', 'like', 'DEMO2014%')
      .select('s.level')
      .count({ n: '*' })
      .count({ replied: 'm.replied_at' })
      .groupBy('s.level')) as Array<{
      level: string;
      n: string | number;
      replied: string | number;
    }>;
    const byLevel = Object.fromEntries(
      rows.map((r) => [r.level, [Number(r.n), Number(r.replied)]])
    );
    for (const [level, replied] of Object.entries(facts.messages.replied_by_level)) {
      expect(byLevel[level]).toEqual([replied, replied]);
    }
  });

  it('adds nothing on a second run', async () => {
    const report = await loadDemo(app.strapi, appDir);
    expect(report).toMatchObject({
      sites: 0,
      columns: 0,
      articles: 0,
      drafts: 0,
      messages: 0,
      visitDays: 0,
    });
    expect(await tableCounts()).toEqual(firstCounts);
  });

  it('shows the loaded articles through the public API', async () => {
    const res = await app
      .http()
      .get('/api/articles?filters[site][code][$eq]=hancheng&pagination[pageSize]=1')
      .expect(200);
    const hancheng = csv.find((r) => r.code === 'hancheng')!;
    // 2013 and 2014 together; the city drafts are never public.
    expect(res.body.meta.pagination.total).toBeGreaterThan(Number(hancheng.articles_2014));
    const sites = await app.http().get('/api/sites?pagination[pageSize]=1').expect(200);
    expect(sites.body.meta.pagination.total).toBe(120);
  });
});

describe('the demo document ids', () => {
  it('start with a letter, as Strapi reads a relation given as "1abc…" as the numeric id 1', async () => {
    const knex = app.strapi.db.connection;
    for (const table of ['sites', 'articles', 'citizen_messages']) {
      const ids = (await knex(table).select('document_id')) as Array<{ document_id: string }>;
      expect(ids.filter((row) => !/^[a-z]/.test(row.document_id))).toEqual([]);
    }
  });
});

describe('the demo review workflow', () => {
  it('takes a few drafts into review through the review service, once', async () => {
    await ensureDemoAccounts(app.strapi, 'Demo-Passw0rd!');
    expect(await ensureDemoReviews(app.strapi)).toBe(4);
    const states = await app.strapi.db
      .query('plugin::governance.review-state')
      .findMany({ select: ['status', 'currentCapacity'] });
    expect(states.map((s) => `${s.status}:${s.currentCapacity ?? ''}`).sort()).toEqual(
      ['in_review:approver', 'rejected:', 'submitted:leader', 'submitted:reviewer'].sort()
    );
    expect(await app.strapi.db.query('plugin::governance.sensitive-word').count()).toBeGreaterThan(
      0
    );
    const wordingRules = await app.strapi.db.query('plugin::governance.wording-rule').count();
    expect(wordingRules).toBeGreaterThan(0);
    expect(await ensureDemoReviews(app.strapi)).toBe(0);
    expect(await app.strapi.db.query('plugin::governance.wording-rule').count()).toBe(wordingRules);
  });

  it('shows the 2014 articles as approved, and nothing unapproved as published', async () => {
    const knex = app.strapi.db.connection;
    const unapproved = await knex('articles')
      .whereNotNull('published_at')
      .whereNot('review_status', 'approved')
      .count({ n: '*' });
    expect(Number(unapproved[0].n)).toBe(0);
  });
});

describe('the demo images and attachments', () => {
  it('gives three of 西安’s notices photos and attachments, reviewed again before they went back online', async () => {
    expect(await ensureDemoMedia(app.strapi)).toBe(3);
    const { body } = await app
      .http()
      .get(
        '/api/articles?filters[site][code][$eq]=xian&filters[column][$eq]=通知公告&filters[firstPublishedAt][$lt]=2015-01-01T00:00:00%2B08:00&sort=firstPublishedAt:desc&pagination[pageSize]=3'
      )
      .expect(200);
    const [first, second, third] = body.data;
    expect(first.cover.alternativeText).toBe('西安市民政局办公楼外景');
    expect(first.attachments.map((a: { name: string; ext: string }) => [a.name, a.ext])).toEqual([
      ['城乡低保申请审批表', 'docx'],
    ]);
    expect(second.attachments[0].name).toBe('2014年第四季度临时救助发放情况');
    expect(third.images).toHaveLength(2);
    // Still 2014's: the figures count each first publication once.
    expect(third.firstPublishedAt.slice(0, 4)).toBe('2014');
    const download = await app.http().get(first.attachments[0].url).expect(200);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''");
    const decisions = await app.strapi.db
      .query('plugin::governance.review-decision')
      .count({ where: { articleDocumentId: first.documentId, action: 'publish' } });
    expect(decisions).toBe(1);
    expect(await ensureDemoMedia(app.strapi)).toBe(0);
  });

  it('puts an attachment on a draft in review that the public cannot fetch', async () => {
    const [name] = Object.entries(DRAFT_MEDIA).find(([, media]) => media.attachments)!;
    const draft = await app.strapi.db.query('api::article.article').findOne({
      where: { title: name, publishedAt: null },
      populate: { attachments: { populate: { file: true } } },
    });
    expect(draft.reviewStatus).toBe('submitted');
    const { url } = draft.attachments[0].file;
    await app.http().get(url).expect(404);
  });
});

describe('the demo columns', () => {
  it("gives every site its level's columns with their kinds, and the oversight judges all 120 sites", async () => {
    const levels = Object.fromEntries(csv.map((r) => [r.code, r.level]));
    const perLevel: Record<string, number> = { portal: 7, department: 5, city: 6, county: 5 };
    const expected = csv.reduce((sum, r) => sum + perLevel[levels[r.code]], 0);
    expect(await app.strapi.db.query('plugin::governance.site-column').count()).toBe(expected);
    expect(
      await app.strapi.db
        .query('plugin::governance.site-column')
        .count({ where: { name: '通知公告', kind: 'notice' } })
    ).toBe(120);
    const oversight = await app.strapi.plugin('governance').service('oversight').bySite();
    expect(oversight).toHaveLength(120);
    // A living group: the end of 2014 repeated up to yesterday gives most home pages a fresh
    // publication, a few warned and a few idle long enough to fail.
    const homePages = oversight.map(
      (s: { rules: Array<{ rule: string; status: string }> }) =>
        s.rules.find((r) => r.rule === 'homePage')!.status
    );
    const count = (status: string) => homePages.filter((s: string) => s === status).length;
    expect(count('ok')).toBeGreaterThan(90);
    expect(count('warning')).toBeGreaterThan(0);
    expect(count('tripped')).toBeGreaterThan(0);
  });
});

describe('the living group', () => {
  it('repeats the last months of 2014 up to yesterday: nothing in the future, 2014 untouched', async () => {
    const knex = app.strapi.db.connection;
    const now = Date.now();
    const recent = (await knex('articles')
      .where('slug', 'like', '%-recent-%')
      .whereNotNull('published_at')
      .select('first_published_at')) as Array<{ first_published_at: string | number | Date }>;
    expect(recent.length).toBeGreaterThan(10_000);
    expect(recent.filter((r) => new Date(r.first_published_at).getTime() > now)).toEqual([]);
    // Messages of the last two months, some still being handled, none received in the future.
    const messages = (await knex('citizen_messages')
      .where('query_code', 'like', 'DEMORECENT%')
      .select('status', 'received_at', 'replied_at')) as Array<{
      status: string;
      received_at: string | number | Date;
      replied_at: string | number | Date | null;
    }>;
    expect(messages.length).toBeGreaterThan(100);
    expect(messages.filter((m) => new Date(m.received_at).getTime() > now)).toEqual([]);
    expect(messages.filter((m) => m.replied_at && new Date(m.replied_at).getTime() > now)).toEqual(
      []
    );
    expect(messages.some((m) => m.status === 'accepted')).toBe(true);
    expect(messages.some((m) => m.status === 'closed')).toBe(true);
  });
});

describe('the demo submissions', () => {
  it('sends four 汉滨区 articles upward through the service, one adopted as a portal draft naming its source, once', async () => {
    expect(await ensureDemoSubmissions(app.strapi)).toBe(4);
    const rows = await app.strapi.db
      .query('plugin::governance.submission')
      .findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.status)).toEqual(['adopted', 'declined', 'submitted', 'submitted']);
    const copy = await app.strapi.db.query('api::article.article').findOne({
      where: { documentId: rows[0].adoptedArticleDocumentId },
      populate: { site: true },
    });
    expect(copy).toMatchObject({
      sourceSiteName: '汉滨区',
      reviewStatus: 'draft',
      publishedAt: null,
    });
    expect(copy.site.code).toBe('portal');
    expect(await ensureDemoSubmissions(app.strapi)).toBe(0);
  });
});

describe('the 2014 ranking of the demo', () => {
  /** The notice's table from sites.csv: per level, each site's count and its dense rank, worked out here. */
  const expected = (level: string) => {
    const rows = csv
      .filter((r) => r.level === level)
      .map((r) => ({ name: r.name, count: Number(r.articles_2014) }));
    const higher = (count: number) =>
      new Set(rows.filter((r) => r.count > count).map((r) => r.count)).size;
    return rows
      .map((r) => [r.name, r.count, higher(r.count) + 1] as const)
      .sort((a, b) => a[2] - b[2]);
  };

  it("is the notice's attached table: the same sites, counts and ranks per level, in the API and the export", async () => {
    const province = await createAdmin(app, 'governance-provincial-admin', '建国');
    const { live } = (
      await asAdmin(app, province).get('/governance/rankings?year=2014').expect(200)
    ).body.data as RankingResponse;
    const res = await asAdmin(app, province)
      .get('/governance/rankings/export?year=2014&format=csv')
      .buffer(true)
      .expect(200);
    const exported = parseCsv(res.text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
    }) as string[][];

    for (const group of live.groups) {
      const want = expected(group.level);
      const got = group.rows.map((r) => [r.site.name, r.articles, r.rank] as const);
      // Ties are listed by sortOrder, the CSV's order: compare as sets of rows, and the order by rank.
      expect([...got].sort()).toEqual([...want].sort());
      expect(got.map((r) => r[2])).toEqual([...got.map((r) => r[2])].sort((a, b) => a - b));
      for (const [name, count, rank] of want) {
        expect(exported).toContainEqual([
          name,
          String(count),
          String(rank),
          expect.any(String),
          expect.any(String),
          expect.any(String),
          expect.any(String),
        ]);
      }
    }
    expect(live.totals.articles).toBe(csv.reduce((sum, r) => sum + Number(r.articles_2014), 0));
  });

  it("carries the notice's messages, replies and visits", async () => {
    const province = await createAdmin(app, 'governance-provincial-admin', '建国');
    const { live } = (
      await asAdmin(app, province).get('/governance/rankings?year=2014').expect(200)
    ).body.data as RankingResponse;
    expect(live.totals.messages).toBe(facts.messages.total);
    for (const [level, replied] of Object.entries(facts.messages.replied_by_level)) {
      expect(live.groups.find((g) => g.level === level)!.totals.replies).toBe(replied);
    }
    expect(live.totals.visits).toBe(facts.visits.group_total);
    expect(live.days).toBe(365);
    expect(live.topVisited.map((t) => t.site.name)).toEqual(
      facts.visits.top_visited_city_and_county_sites
    );
  });
});
