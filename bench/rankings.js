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
 * The articles are inserted with knex directly (bench/helpers.js, shared with oversight.js), as
 * database/seeds/load-demo.ts does (a published article is a draft row and a published row with
 * one document id, each linked to its site), in transactions of 50,000 articles; this takes a
 * few minutes at full size. Try a small size first: `BENCH_ARTICLES=50000 node bench/rankings.js`.
 * BENCH_EXPLAIN=1 also prints the query plans of the service's article count and of the
 * hand-written one.
 *
 * Uses a scratch SQLite file unless DATABASE_CLIENT names PostgreSQL: then DATABASE_NAME must be
 * an empty scratch database (`createdb -h 127.0.0.1 -U postgres bench_rankings`); the tables the
 * bench filled are emptied at the end, and they are VACUUM ANALYZEd after loading, as autovacuum
 * would. Results print and go to bench/results/ (git-ignored).
 */
const { execFile } = require('child_process');
const { randomBytes } = require('crypto');
const path = require('path');
const {
  appDir,
  median,
  time,
  startScratchStrapi,
  writeResults,
  runBench,
  SITES,
  mulberry32,
  sum,
  rowsOf,
  sitePlan,
  countsFor,
  namesOf,
  assertEmpty,
  emptyTables,
  createSites,
  insertArticles,
  insertMessages,
  catchQueries,
  queryPlan,
  keptFigureTables,
  rebuildKeptFigures,
} = require('./helpers');

const pluginDist = path.join(appDir, 'src/plugins/governance/dist/server/src');
const { localYearRange } = require(path.join(pluginDist, 'time/local-year.js'));

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1_000_000);
const YEAR = Number(process.env.BENCH_YEAR ?? 2025);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const IN_FLIGHT = 16;
/** Messages in the year and in the year before. */
const MESSAGES = 3000;
const PREVIOUS_MESSAGES = 300;

const random = mulberry32(2014);

/**
 * The articles of one local year: `counts[i]` published ones of site i, plus `unpublished` that
 * were published once and are now drafts only (they must not count). Shuffled across sites and
 * inserted in the order of their publication, as they would have been written.
 */
const insertYear = async (
  knex,
  client,
  names,
  sites,
  { year, timezone, counts, unpublished, label }
) => {
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
  await insertArticles(knex, client, names, {
    total,
    prefix: `b${year}${randomBytes(3).toString('hex')}`,
    label,
    describe: (i) => ({
      at: new Date(start.getTime() + Math.floor(((i + random()) / total) * span)),
      published: order[i] < 1000,
      siteId: sites[order[i] % 1000].id,
      title: `${year}年第${i + 1}篇工作动态`,
      column: '工作动态',
      isSpecialTopic: random() < 0.05,
    }),
  });
  return { published, unpublished };
};

/** A few messages of the year (half replied) and visit days (the 1st of each month) per site. */
const insertMessagesAndVisits = async (
  knex,
  client,
  names,
  sites,
  { year, timezone, messages }
) => {
  const { visit } = names;
  const { start, end } = localYearRange(year, timezone);
  const specs = [];
  for (let i = 0; i < messages; i += 1) {
    const received = new Date(
      start.getTime() + Math.floor(random() * (end.getTime() - start.getTime()))
    );
    const replied = i % 2 === 0 ? new Date(received.getTime() + 3 * 86_400_000) : null;
    specs.push({
      documentId: `bm${year}${i.toString(36)}${randomBytes(3).toString('hex')}`,
      subject: `第${i + 1}条咨询`,
      queryCode: `BR${year}${String(i).padStart(7, '0')}`,
      status: replied ? 'replied' : 'received',
      receivedAt: received,
      repliedAt: replied,
      siteId: sites[Math.floor(random() * sites.length)].id,
    });
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
  await insertMessages(knex, client, names, specs);
  await knex.transaction(async (trx) => {
    for (let i = 0; i < visits.length; i += 400)
      await trx(visit.table).insert(visits.slice(i, i + 400));
  });
};

/** The tables the bench fills, to check they start empty and to empty them (PostgreSQL) at the end. */
const filledTables = (names) => [
  names.articleSite.table,
  names.article.table,
  names.messageSite.table,
  names.message.table,
  names.siteParent.table,
  names.site.table,
  names.visit.table,
];

/** Prints the query plans of the service's article counts (caught as it runs) and of the hand-written one. */
const explain = async (strapi, knex, client, names, handWritten) => {
  const caught = await catchQueries(
    knex,
    (sql) => sql.includes(names.articleSite.table),
    () => strapi.plugin('governance').service('rankings').compute(YEAR)
  );
  for (const query of caught)
    console.log(
      `\nService: ${query.sql}\n${await queryPlan(knex, client, query.sql, query.bindings)}`
    );
  const hand = handWritten().toSQL();
  console.log(
    `\nHand-written: ${hand.sql}\n${await queryPlan(knex, client, hand.sql, hand.bindings)}\n`
  );
};

const load = (url, siteCode, seconds = SECONDS) =>
  new Promise((resolve, reject) => {
    // Asynchronously: the server in this process must keep answering.
    execFile(
      process.execPath,
      [path.join(__dirname, 'load.js'), url, 'visit', String(IN_FLIGHT), String(seconds), siteCode],
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout)))
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
    await assertEmpty(knex, filledTables(names));
    filled = true;

    // 1. The ranking against one hand-written GROUP BY.
    console.log(
      `Loading ${ARTICLES.toLocaleString('en')} published articles of ${YEAR} and ${Math.round(ARTICLES / 10).toLocaleString('en')} of ${YEAR - 1} …`
    );
    const loadStarted = Date.now();
    const sites = await createSites(knex, names);
    const plan = sitePlan();
    const counts = countsFor(plan, ARTICLES, 1, [31, 148, 149, 150]);
    const previousCounts = countsFor(plan, Math.round(ARTICLES / 10), 2, [30, 146, 150]);
    const unpublished = Math.max(10, Math.round(ARTICLES / 1000));
    await insertYear(knex, client, names, sites, {
      year: YEAR - 1,
      timezone,
      counts: previousCounts,
      unpublished: Math.ceil(unpublished / 10),
      label: String(YEAR - 1),
    });
    await insertYear(knex, client, names, sites, {
      year: YEAR,
      timezone,
      counts,
      unpublished,
      label: String(YEAR),
    });
    await insertMessagesAndVisits(knex, client, names, sites, {
      year: YEAR - 1,
      timezone,
      messages: PREVIOUS_MESSAGES,
    });
    await insertMessagesAndVisits(knex, client, names, sites, {
      year: YEAR,
      timezone,
      messages: MESSAGES,
    });
    // Inserted by SQL, as an import would be: the kept figures the pages read, built from it.
    const keptFigures = await rebuildKeptFigures(strapi);
    if (client === 'postgres') {
      for (const table of [...filledTables(names), ...keptFigureTables(strapi)])
        await knex.raw('vacuum analyze ??', [table]);
    }
    const articleRows = Number((await knex(names.article.table).count({ n: '*' }))[0].n);
    const linkRows = Number((await knex(names.articleSite.table).count({ n: '*' }))[0].n);
    results.data = {
      publishedArticles: ARTICLES,
      previousYearArticles: sum(previousCounts),
      unpublishedArticles: unpublished + Math.ceil(unpublished / 10),
      articleRows,
      linkRows,
      messages: MESSAGES + PREVIOUS_MESSAGES,
      visitDays: SITES * 24,
      loadSeconds: +((Date.now() - loadStarted) / 1000).toFixed(1),
      keptFigures,
    };
    console.log(
      `Loaded in ${results.data.loadSeconds} s: ${articleRows.toLocaleString('en')} article rows, ${linkRows.toLocaleString('en')} links.`
    );

    const rankings = strapi.plugin('governance').service('rankings');
    const { article, articleSite } = names;
    const { start, end } = localYearRange(YEAR, timezone);
    const first = article.column('firstPublishedAt');
    const handWritten = () =>
      knex.raw(
        `select l.?? as site_id, count(distinct a.??) as n from ?? a join ?? l on l.?? = a.??
       where a.?? is not null and a.?? >= ? and a.?? < ?
       group by l.??`,
        [
          articleSite.targetColumn,
          article.column('documentId'),
          article.table,
          articleSite.table,
          articleSite.ownerColumn,
          article.column('id'),
          article.column('publishedAt'),
          first,
          start,
          first,
          end,
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
      const got = {
        expected: counts[i],
        handWritten: byHand.get(s.id) ?? 0,
        service: row?.articles,
        previousExpected: previousCounts[i],
        previousService: row?.previous?.articles ?? 0,
      };
      return got.handWritten === got.expected &&
        got.service === got.expected &&
        got.previousService === got.previousExpected
        ? []
        : [`${s.code}: ${JSON.stringify(got)}`];
    });
    if (wrong.length > 0)
      throw new Error(
        `the counts differ on ${wrong.length} sites:\n${wrong.slice(0, 10).join('\n')}`
      );
    const places = ranking.groups.flatMap((g) => g.rows.map((r) => `${g.level}:${r.rank}`));
    results.data.tiedSites = places.filter(
      (p) => places.indexOf(p) !== places.lastIndexOf(p)
    ).length;
    results.data.sitesWithoutArticles = counts.filter((n) => n === 0).length;
    if (EXPLAIN) await explain(strapi, knex, client, names, handWritten);

    await rankings.compute(YEAR); // warm-up
    await groupBy();
    const computeRuns = [];
    const groupByRuns = [];
    for (let i = 0; i < RUNS; i += 1) {
      // Turn about, so that a machine getting busier or quieter favours neither.
      const pair = [
        async () => computeRuns.push(await time(() => rankings.compute(YEAR))),
        async () => groupByRuns.push(await time(groupBy)),
      ];
      for (const run of i % 2 === 0 ? pair : pair.reverse()) await run();
    }
    results.ranking = {
      runs: RUNS,
      computeMedianMs: +median(computeRuns).toFixed(1),
      groupByMedianMs: +median(groupByRuns).toFixed(1),
      computeRunsMs: computeRuns.map((ms) => +ms.toFixed(1)),
      groupByRunsMs: groupByRuns.map((ms) => +ms.toFixed(1)),
      ratio: +(median(computeRuns) / median(groupByRuns)).toFixed(2),
      target: 1.5,
    };
    console.log('ranking', JSON.stringify(results.ranking));

    // 2. The visit beacon against a no-op route, every hit counted.
    strapi.config.set('plugin::governance.visits.perIpPerMinute', 1_000_000_000);
    strapi.server.routes([
      {
        method: 'POST',
        path: '/api/bench/noop',
        handler: (ctx) => {
          ctx.status = 204;
        },
        config: { auth: false },
      },
    ]);
    await strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
    const routes = { visits: `${base}/api/visits`, noop: `${base}/api/bench/noop` };
    const beaconSite = sites.find((s) => s.level === 'county').code;

    const visitsService = strapi.plugin('governance').service('visits');
    const storedVisits = async () => {
      await visitsService.flush();
      return Number(
        (await knex(names.visit.table).sum({ n: names.visit.column('visits') }))[0].n ?? 0
      );
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
      if (beacon[kind].errors > 0)
        throw new Error(
          `${kind}: ${beacon[kind].errors} requests failed: ${JSON.stringify(beacon[kind].statuses)}`
        );
    }
    answered += beacon.visits.statuses[204] ?? 0;
    const counted = (await storedVisits()) - before;
    if (counted !== answered)
      throw new Error(
        `the beacon answered 204 ${answered} times but ${counted} visits were stored`
      );
    Object.assign(beacon, {
      answered204: answered,
      visitsStored: counted,
      ratio: +(beacon.visits.rps / beacon.noop.rps).toFixed(2),
      target: 0.7,
    });
    results.beacon = beacon;

    results.rankingVsGroupBy = results.ranking.ratio;
    results.beaconVsNoop = beacon.ratio;
    writeResults('rankings', results);
  } finally {
    if (filled)
      await emptyTables(knex, client, [...filledTables(names), ...keptFigureTables(strapi)]);
    await stop();
  }
};

runBench(main);
