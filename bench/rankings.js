/**
 * `node bench/rankings.js` (after `npm run build`): the annual ranking (发布排名) and the visit
 * beacon, as ratios against baselines run in the same Strapi on the same database.
 *
 *  1. The ranking of a year over BENCH_ARTICLES published articles (default 1,000,000, in 2025,
 *     local year Asia/Shanghai) across 150 sites, plus 10% as many in the year before (the
 *     ranking compares with it), a few unpublished ones, messages and visit days: the service's
 *     `compute(year)` against the one hand-written SQL `GROUP BY` counting the year's published
 *     articles per site over the same tables. Warm-up, then the median of BENCH_RUNS (5) runs
 *     each; the per-site counts of both must equal what was inserted. Target: within 1.5×.
 *  2. The public visit beacon `POST /api/visits` (a browser's User-Agent, a real site code)
 *     against a no-op route (204, same request) in the same Strapi: sustained throughput from a
 *     separate process (bench/load.js), 16 requests in flight, BENCH_SECONDS (10) per route after
 *     a warm-up. Afterwards the counter is flushed and the stored visits must equal the 204
 *     answers. Target: at least 70% of the no-op's requests per second.
 *
 * The articles are inserted with knex directly, as database/seeds/load-demo.ts does (a published
 * article is a draft row and a published row with one document id, each linked to its site),
 * in transactions of 50,000 articles; this takes a few minutes at full size. Try a small size
 * first: `BENCH_ARTICLES=50000 node bench/rankings.js`. BENCH_EXPLAIN=1 also prints the query
 * plans of the service's article count and of the hand-written one.
 *
 * Uses a scratch SQLite file unless DATABASE_CLIENT names PostgreSQL: then DATABASE_NAME must be
 * an empty scratch database (`createdb -h 127.0.0.1 -U postgres bench_rankings`); the tables the
 * bench filled are emptied at the end, and they are VACUUM ANALYZEd after loading, as autovacuum
 * would. Results print and go to bench/results/ (git-ignored).
 */
const { execFile } = require('child_process');
const { randomBytes } = require('crypto');
const path = require('path');
const { appDir, median, time, startScratchStrapi, writeResults, runBench } = require('./helpers');

const pluginDist = path.join(appDir, 'src/plugins/governance/dist/server/src');
const { dbNames } = require(path.join(pluginDist, 'utils/db-names.js'));
const { localYearRange } = require(path.join(pluginDist, 'time/local-year.js'));

const ARTICLE = 'api::article.article';
const SITE = 'api::site.site';
const MESSAGE = 'api::citizen-message.citizen-message';
const VISIT = 'plugin::governance.site-visit';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1_000_000);
const YEAR = Number(process.env.BENCH_YEAR ?? 2025);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const IN_FLIGHT = 16;
/** Messages in the year and in the year before. */
const MESSAGES = 3000;
const PREVIOUS_MESSAGES = 300;
const SITES = 150;
/**
 * Articles per insert statement (two rows each): knex writes SQLite's multi-row insert as a
 * compound SELECT, at most 500 terms. And articles per transaction.
 */
const perInsert = (client) => (client === 'postgres' ? 1000 : 250);
const PER_TRANSACTION = 50_000;

/** Deterministic figures: the same size gives the same data on every run and database. */
const mulberry32 = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const random = mulberry32(2014);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const rowsOf = (result) => (Array.isArray(result) ? result : result.rows);
const code = (n) => `site-${String(n).padStart(3, '0')}`;

/** 1 portal, 12 cities, 20 departments, 117 counties (each under a city), in sort order. */
const sitePlan = () =>
  Array.from({ length: SITES }, (_, i) => {
    const n = i + 1;
    const level = n === 1 ? 'portal' : n <= 13 ? 'city' : n <= 33 ? 'department' : 'county';
    return { n, code: code(n), level, sortOrder: n, parentCode: level === 'county' ? code(2 + (n % 12)) : null };
  });

/**
 * Articles per site: uneven weights per site, every seventh site of a level given the weight of
 * the one before it (tied ranks), some sites none. What rounding leaves goes to the portal, alone
 * in its level.
 */
const LEVEL_WEIGHT = { portal: 40, city: 4, department: 2, county: 1 };
const countsFor = (plan, total, seed, zero) => {
  const spread = mulberry32(seed);
  const weights = plan.map((s) => (zero.includes(s.n) ? 0 : LEVEL_WEIGHT[s.level] * (s.level === 'portal' ? 1 : 1 + Math.floor(spread() * 1000) / 100)));
  for (let i = 1; i < plan.length; i += 1) {
    if (i % 7 === 0 && plan[i].level === plan[i - 1].level && weights[i] > 0 && weights[i - 1] > 0) weights[i] = weights[i - 1];
  }
  const all = sum(weights);
  const counts = weights.map((w) => Math.floor((total * w) / all));
  counts[0] += total - sum(counts);
  return counts;
};

/** Table and column names as Strapi created them (never hard-coded). */
const namesOf = (strapi) => {
  const article = dbNames(strapi, ARTICLE);
  const site = dbNames(strapi, SITE);
  const message = dbNames(strapi, MESSAGE);
  const parent = strapi.db.metadata.get(SITE).attributes.parent.joinTable;
  return {
    article, articleSite: article.joinTable('site'),
    site, siteParent: { ...site.joinTable('parent'), orderColumn: parent.inverseOrderColumnName ?? null },
    message, messageSite: message.joinTable('site'),
    visit: dbNames(strapi, VISIT),
  };
};

const createSites = async (knex, names) => {
  const { site, siteParent } = names;
  const now = new Date();
  const plan = sitePlan();
  await knex(site.table).insert(
    plan.map((s) => ({
      [site.column('documentId')]: `bs${randomBytes(10).toString('hex')}`,
      [site.column('name')]: `${s.level === 'portal' ? '门户' : s.level === 'city' ? '市' : s.level === 'department' ? '厅局' : '县'}站点${s.n}`,
      [site.column('code')]: s.code,
      [site.column('level')]: s.level,
      [site.column('url')]: `http://${s.code}.mz.example/`,
      [site.column('sortOrder')]: s.sortOrder,
      [site.column('active')]: true,
      [site.column('responsiblePerson')]: '测试',
      [site.column('createdAt')]: now,
      [site.column('updatedAt')]: now,
      [site.column('publishedAt')]: now,
    }))
  );
  const rows = await knex(site.table).select({ id: site.column('id'), code: site.column('code'), documentId: site.column('documentId') });
  const byCode = new Map(rows.map((r) => [r.code, { id: Number(r.id), documentId: r.documentId }]));
  await knex(siteParent.table).insert(
    plan
      .filter((s) => s.parentCode)
      .map((s) => ({
        [siteParent.ownerColumn]: byCode.get(s.code).id,
        [siteParent.targetColumn]: byCode.get(s.parentCode).id,
        ...(siteParent.orderColumn ? { [siteParent.orderColumn]: 1 } : {}),
      }))
  );
  return plan.map((s) => ({ ...s, ...byCode.get(s.code) }));
};

const nextId = async (knex, table) => Number((await knex(table).max({ id: 'id' }))[0].id ?? 0) + 1;

/** PostgreSQL: the ids were given explicitly, so the sequence must be moved past them. */
const resetSequence = async (knex, client, table) => {
  if (client !== 'postgres') return;
  await knex.raw(`select setval(pg_get_serial_sequence(?, 'id'), (select max(id) from ??))`, [table, table]);
};

/**
 * The articles of one local year: `counts[i]` published ones of site i, plus `unpublished` that
 * were published once and are now drafts only (they must not count). Shuffled across sites and
 * inserted in the order of their publication, as they would have been written.
 */
const insertArticles = async (knex, client, names, sites, { year, timezone, counts, unpublished, label }) => {
  const { article, articleSite } = names;
  const c = (name) => article.column(name);
  const { start, end } = localYearRange(year, timezone);
  const span = end.getTime() - start.getTime();
  const published = sum(counts);
  const total = published + unpublished;
  // Per article: its site's index; +1000 for one that is a draft only.
  const order = new Int16Array(total);
  let k = 0;
  counts.forEach((n, i) => order.fill(i, k, (k += n)));
  for (; k < total; k += 1) order[k] = 1000 + Math.floor(random() * sites.length);
  for (let i = total - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }

  const prefix = `b${year}${randomBytes(3).toString('hex')}`;
  let id = await nextId(knex, article.table);
  const started = Date.now();
  for (let from = 0; from < total; from += PER_TRANSACTION) {
    await knex.transaction(async (trx) => {
      for (let batch = from; batch < Math.min(total, from + PER_TRANSACTION); batch += perInsert(client)) {
        const rows = [];
        const links = [];
        for (let i = batch; i < Math.min(total, batch + perInsert(client)); i += 1) {
          const at = new Date(start.getTime() + Math.floor(((i + random()) / total) * span));
          const isPublished = order[i] < 1000;
          const siteId = sites[order[i] % 1000].id;
          const row = {
            [c('documentId')]: `${prefix}${i.toString(36)}`,
            [c('title')]: `${year}年第${i + 1}篇工作动态`,
            [c('column')]: '工作动态',
            [c('isSpecialTopic')]: random() < 0.05,
            [c('firstPublishedAt')]: at,
            [c('reviewStatus')]: isPublished ? 'approved' : 'draft',
            [c('createdAt')]: at,
            [c('updatedAt')]: at,
          };
          rows.push({ [c('id')]: id, ...row, [c('publishedAt')]: null });
          links.push({ [articleSite.ownerColumn]: id, [articleSite.targetColumn]: siteId });
          id += 1;
          if (isPublished) {
            rows.push({ [c('id')]: id, ...row, [c('publishedAt')]: at });
            links.push({ [articleSite.ownerColumn]: id, [articleSite.targetColumn]: siteId });
            id += 1;
          }
        }
        await trx(article.table).insert(rows);
        await trx(articleSite.table).insert(links);
      }
    });
    const done = Math.min(total, from + PER_TRANSACTION);
    console.log(`  ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} articles (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  await resetSequence(knex, client, article.table);
  return { published, unpublished };
};

/** A few messages of the year (half replied) and visit days (the 1st of each month) per site. */
const insertMessagesAndVisits = async (knex, client, names, sites, { year, timezone, messages }) => {
  const { message, messageSite, visit } = names;
  const m = (name) => message.column(name);
  const { start, end } = localYearRange(year, timezone);
  let id = await nextId(knex, message.table);
  const rows = [];
  const links = [];
  for (let i = 0; i < messages; i += 1) {
    const received = new Date(start.getTime() + Math.floor(random() * (end.getTime() - start.getTime())));
    const replied = i % 2 === 0 ? new Date(received.getTime() + 3 * 86_400_000) : null;
    rows.push({
      [m('id')]: id,
      [m('documentId')]: `bm${year}${i.toString(36)}${randomBytes(3).toString('hex')}`,
      [m('category')]: 'consultation',
      [m('subject')]: `第${i + 1}条咨询`,
      [m('body')]: '关于临时救助的咨询。',
      [m('name')]: '测试',
      [m('queryCode')]: `BR${year}${String(i).padStart(7, '0')}`,
      [m('status')]: replied ? 'replied' : 'received',
      [m('receivedAt')]: received,
      [m('repliedAt')]: replied,
      [m('createdAt')]: received,
      [m('updatedAt')]: replied ?? received,
      [m('publishedAt')]: received,
    });
    links.push({ [messageSite.ownerColumn]: id, [messageSite.targetColumn]: sites[Math.floor(random() * sites.length)].id });
    id += 1;
  }
  const now = new Date();
  const visits = sites.flatMap((s) =>
    Array.from({ length: 12 }, (_, month) => ({
      [visit.column('documentId')]: `bv${year}${s.n}m${month}${randomBytes(3).toString('hex')}`,
      [visit.column('siteDocumentId')]: s.documentId,
      [visit.column('day')]: `${year}-${String(month + 1).padStart(2, '0')}-01`,
      [visit.column('visits')]: Math.floor(random() * 2000),
      [visit.column('createdAt')]: now,
      [visit.column('updatedAt')]: now,
      [visit.column('publishedAt')]: now,
    }))
  );
  await knex.transaction(async (trx) => {
    for (let i = 0; i < rows.length; i += 400) {
      await trx(message.table).insert(rows.slice(i, i + 400));
      await trx(messageSite.table).insert(links.slice(i, i + 400));
    }
    for (let i = 0; i < visits.length; i += 400) await trx(visit.table).insert(visits.slice(i, i + 400));
  });
  await resetSequence(knex, client, message.table);
};

/** The tables the bench fills, to check they start empty and to empty them (PostgreSQL) at the end. */
const filledTables = (names) => [
  names.articleSite.table, names.article.table, names.messageSite.table, names.message.table,
  names.siteParent.table, names.site.table, names.visit.table,
];

/** Prints the query plans of the service's article counts (caught as it runs) and of the hand-written one. */
const explain = async (strapi, knex, client, names, handWritten) => {
  const caught = [];
  const listener = (query) => query.sql.includes(names.articleSite.table) && caught.push(query);
  knex.on('query', listener);
  await strapi.plugin('governance').service('rankings').compute(YEAR);
  knex.removeListener('query', listener);
  const plan = async (sql, bindings) => {
    // PostgreSQL's SQL comes numbered ($1 …); knex.raw takes `?`.
    const text = client === 'postgres' ? sql.replace(/\$\d+/g, '?') : sql;
    const rows = rowsOf(await knex.raw(`${client === 'postgres' ? 'explain (analyze, buffers)' : 'explain query plan'} ${text}`, bindings));
    return rows.map((r) => r['QUERY PLAN'] ?? r.detail).join('\n');
  };
  for (const query of caught) console.log(`\nService: ${query.sql}\n${await plan(query.sql, query.bindings)}`);
  const hand = handWritten().toSQL();
  console.log(`\nHand-written: ${hand.sql}\n${await plan(hand.sql, hand.bindings)}\n`);
};

const load = (url, siteCode, seconds = SECONDS) =>
  new Promise((resolve, reject) => {
    // Asynchronously: the server in this process must keep answering.
    execFile(process.execPath, [path.join(__dirname, 'load.js'), url, 'visit', String(IN_FLIGHT), String(seconds), siteCode], (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout))
    );
  });

const main = async () => {
  const { strapi, stop } = await startScratchStrapi();
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const names = namesOf(strapi);
  const { timezone } = strapi.config.get('plugin::governance');
  const results = { client, date: new Date().toISOString(), year: YEAR, timezone, sites: SITES };
  let filled = false;
  try {
    for (const table of filledTables(names)) {
      if (Number((await knex(table).count({ n: '*' }))[0].n) > 0) {
        throw new Error(`${table} is not empty: DATABASE_NAME must name an empty scratch database`);
      }
    }
    filled = true;

    // 1. The ranking against one hand-written GROUP BY.
    console.log(`Loading ${ARTICLES.toLocaleString('en')} published articles of ${YEAR} and ${Math.round(ARTICLES / 10).toLocaleString('en')} of ${YEAR - 1} …`);
    const loadStarted = Date.now();
    const sites = await createSites(knex, names);
    const plan = sitePlan();
    const counts = countsFor(plan, ARTICLES, 1, [31, 148, 149, 150]);
    const previousCounts = countsFor(plan, Math.round(ARTICLES / 10), 2, [30, 146, 150]);
    const unpublished = Math.max(10, Math.round(ARTICLES / 1000));
    await insertArticles(knex, client, names, sites, { year: YEAR - 1, timezone, counts: previousCounts, unpublished: Math.ceil(unpublished / 10), label: String(YEAR - 1) });
    await insertArticles(knex, client, names, sites, { year: YEAR, timezone, counts, unpublished, label: String(YEAR) });
    await insertMessagesAndVisits(knex, client, names, sites, { year: YEAR - 1, timezone, messages: PREVIOUS_MESSAGES });
    await insertMessagesAndVisits(knex, client, names, sites, { year: YEAR, timezone, messages: MESSAGES });
    if (client === 'postgres') {
      for (const table of filledTables(names)) await knex.raw('vacuum analyze ??', [table]);
    }
    const articleRows = Number((await knex(names.article.table).count({ n: '*' }))[0].n);
    const linkRows = Number((await knex(names.articleSite.table).count({ n: '*' }))[0].n);
    results.data = {
      publishedArticles: ARTICLES, previousYearArticles: sum(previousCounts), unpublishedArticles: unpublished + Math.ceil(unpublished / 10),
      articleRows, linkRows, messages: MESSAGES + PREVIOUS_MESSAGES, visitDays: SITES * 24, loadSeconds: +((Date.now() - loadStarted) / 1000).toFixed(1),
    };
    console.log(`Loaded in ${results.data.loadSeconds} s: ${articleRows.toLocaleString('en')} article rows, ${linkRows.toLocaleString('en')} links.`);

    const rankings = strapi.plugin('governance').service('rankings');
    const { article, articleSite } = names;
    const { start, end } = localYearRange(YEAR, timezone);
    const first = article.column('firstPublishedAt');
    const handWritten = () => knex.raw(
      `select l.?? as site_id, count(distinct a.??) as n from ?? a join ?? l on l.?? = a.??
       where a.?? is not null and a.?? >= ? and a.?? < ?
       group by l.??`,
      [
        articleSite.targetColumn, article.column('documentId'), article.table, articleSite.table, articleSite.ownerColumn, article.column('id'),
        article.column('publishedAt'), first, start, first, end,
        articleSite.targetColumn,
      ]
    );
    const groupBy = async () => rowsOf(await handWritten());

    // Both must count what was inserted, site by site.
    const ranking = await rankings.compute(YEAR);
    const byHand = new Map((await groupBy()).map((r) => [Number(r.site_id), Number(r.n)]));
    const byService = new Map(ranking.groups.flatMap((g) => g.rows.map((r) => [r.site.code, r])));
    const wrong = sites.flatMap((s, i) => {
      const row = byService.get(s.code);
      const got = { expected: counts[i], handWritten: byHand.get(s.id) ?? 0, service: row?.articles, previousExpected: previousCounts[i], previousService: row?.previous?.articles ?? 0 };
      return got.handWritten === got.expected && got.service === got.expected && got.previousService === got.previousExpected ? [] : [`${s.code}: ${JSON.stringify(got)}`];
    });
    if (wrong.length > 0) throw new Error(`the counts differ on ${wrong.length} sites:\n${wrong.slice(0, 10).join('\n')}`);
    const places = ranking.groups.flatMap((g) => g.rows.map((r) => `${g.level}:${r.rank}`));
    results.data.tiedSites = places.filter((p) => places.indexOf(p) !== places.lastIndexOf(p)).length;
    results.data.sitesWithoutArticles = counts.filter((n) => n === 0).length;
    if (EXPLAIN) await explain(strapi, knex, client, names, handWritten);

    await rankings.compute(YEAR); // warm-up
    await groupBy();
    const computeRuns = [];
    const groupByRuns = [];
    for (let i = 0; i < RUNS; i += 1) {
      // Turn about, so that a machine getting busier or quieter favours neither.
      const pair = [async () => computeRuns.push(await time(() => rankings.compute(YEAR))), async () => groupByRuns.push(await time(groupBy))];
      for (const run of i % 2 === 0 ? pair : pair.reverse()) await run();
    }
    results.ranking = {
      runs: RUNS,
      computeMedianMs: +median(computeRuns).toFixed(1), groupByMedianMs: +median(groupByRuns).toFixed(1),
      computeRunsMs: computeRuns.map((ms) => +ms.toFixed(1)), groupByRunsMs: groupByRuns.map((ms) => +ms.toFixed(1)),
      ratio: +(median(computeRuns) / median(groupByRuns)).toFixed(2), target: 1.5,
    };
    console.log('ranking', JSON.stringify(results.ranking));

    // 2. The visit beacon against a no-op route, every hit counted.
    strapi.config.set('plugin::governance.visits.perIpPerMinute', 1_000_000_000);
    strapi.server.routes([
      { method: 'POST', path: '/api/bench/noop', handler: (ctx) => { ctx.status = 204; }, config: { auth: false } },
    ]);
    await strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
    const routes = { visits: `${base}/api/visits`, noop: `${base}/api/bench/noop` };
    const beaconSite = sites.find((s) => s.level === 'county').code;

    const visitsService = strapi.plugin('governance').service('visits');
    const storedVisits = async () => {
      await visitsService.flush();
      return Number((await knex(names.visit.table).sum({ n: names.visit.column('visits') }))[0].n ?? 0);
    };
    const before = await storedVisits();
    let answered = 0;
    for (const [kind, url] of Object.entries(routes)) {
      const warmUp = await load(url, beaconSite, 2);
      if (kind === 'visits') answered += warmUp.statuses[204] ?? 0;
    }
    const beacon = { secondsPerRoute: SECONDS, inFlight: IN_FLIGHT, site: beaconSite };
    for (const [kind, url] of Object.entries(routes)) {
      beacon[kind] = await load(url, beaconSite);
      console.log(kind, JSON.stringify(beacon[kind]));
      if (beacon[kind].errors > 0) throw new Error(`${kind}: ${beacon[kind].errors} requests failed: ${JSON.stringify(beacon[kind].statuses)}`);
    }
    answered += beacon.visits.statuses[204] ?? 0;
    const counted = (await storedVisits()) - before;
    if (counted !== answered) throw new Error(`the beacon answered 204 ${answered} times but ${counted} visits were stored`);
    Object.assign(beacon, { answered204: answered, visitsStored: counted, ratio: +(beacon.visits.rps / beacon.noop.rps).toFixed(2), target: 0.7 });
    results.beacon = beacon;

    results.rankingVsGroupBy = results.ranking.ratio;
    results.beaconVsNoop = beacon.ratio;
    writeResults('rankings', results);
  } finally {
    if (filled && client === 'postgres') await knex.raw(`truncate table ${filledTables(names).map(() => '??').join(', ')} restart identity cascade`, filledTables(names));
    await stop();
  }
};

runBench(main);
