/**
 * `node bench/scale.js` (after `npm run build`): issue 22's benchmarks. The daily pages over HTTP
 * on the demo and on an archive grown to BENCH_ARTICLES published articles (default 1,000,000),
 * side by side, as ratios; a one-row public request while home cards and rankings load the
 * server; and what the kept figures add to a publish.
 *
 *  1. Two scratch Strapi servers, each with the demo loaded (about 113,000 published articles)
 *     and its accounts: this process, whose archive is grown, and a second process
 *     (bench/scale-server.js) that keeps the demo as it is. Logged in over HTTP on both as
 *     王建国 (provincial admin, super admin) and 张敏 (county editor, ankang-hanbin).
 *  2. The archive grown by plain SQL (bench/scale-archive.js: the demo's 2013–2014 articles
 *     copied into 2015–2024, messages in proportion), then the kept figures rebuilt as
 *     `npm run stats:rebuild` does: its time, its longest hold of the event loop (budget 50 ms)
 *     and the queries that ran over 50 ms, the slowest with its plan; the kept figures of 2020
 *     must equal a count of the archive.
 *  3. Each page of the issue's table on both servers in turn, the median of BENCH_RUNS (5)
 *     after a warm-up: 发布排名 2014, 概览, 站群监测, the editor's home card, xian's public
 *     article list (newest first, with its total), the group's whole public list (the same, every
 *     site), the Content Manager's article list as the
 *     county editor and as the super admin; and `/api/sites?pagination[pageSize]=1`, whose cost
 *     does not depend on the archive (its ratio should stay near 1). Taking turns request by
 *     request keeps a shared machine's changing load out of the ratios; the load average is
 *     recorded. Targets grown / demo: within 1.5× (the Content Manager's list within 3×). Each
 *     grown page's longest hold of the event loop is recorded (SQLite answers on the main
 *     thread).
 *  4. Pages that missed, and the two the load test sends, profiled on the grown server: time,
 *     number and summed time of their queries, the slowest three with their plans (EXPLAIN
 *     QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL).
 *  5. Load (the demo's server stopped): from separate processes (bench/load.js), the one-row
 *     public request one at a time for BENCH_SECONDS (15), alone, and while 16 requests of home
 *     cards and rankings are in flight on this server (at least 10 answers, however long they
 *     wait): its median and p99 latency loaded / unloaded, asked of a citizens' instance (a
 *     second process on the same database, bench/scale-server.js --attach, as
 *     docs/operations.md deploys it; target: within 2×) and of the busy server itself.
 *  6. Publish cost: BENCH_PUBLISHES (20) pairs of articles taken through review (submitted,
 *     approved twice) and published, with the kept figures and without them (their `refresh`
 *     replaced by a no-op in-process), taking turns (ABBA); medians. Target: within 1.2×.
 *     The articles published without are counted afterwards.
 *
 * Uses scratch SQLite files unless DATABASE_CLIENT names PostgreSQL: then DATABASE_NAME must be
 * an empty scratch database (`createdb -h 127.0.0.1 -U postgres bench_scale`), and the bench
 * makes and drops `<DATABASE_NAME>_demo` for the second server. The large tables are VACUUM
 * ANALYZEd after loading and emptied at the end; drop the database afterwards (the demo's sites
 * and accounts stay). At 10,000,000 on PostgreSQL, check `df -h` first (about 30 GB).
 * BENCH_KEEP=1 leaves the grown database (its SQLite file, or the PostgreSQL tables) and prints
 * where: `BENCH_DATABASE=<file> node bench/holds.js` then times every read on it, and
 * `BENCH_GROWN=1 BENCH_PASSWORD=<printed> [BENCH_DATABASE=<file>] node bench/scale.js` measures
 * it again without growing it (steps 3–6: a SQLite file by BENCH_DATABASE, PostgreSQL by
 * DATABASE_NAME), e.g. on a quieter machine or after a change to the pages. At 10,000,000, where
 * growth and rebuild each take most of an hour, grow first with `BENCH_KEEP=1 BENCH_GROW_ONLY=1`
 * (no second server, no rebuild), then `BENCH_GROWN=1 BENCH_REBUILD=1 BENCH_PASSWORD=<printed>`
 * rebuilds the kept figures (measured as in step 2) and goes on with steps 3–6.
 * Results print and go to bench/results/ (git-ignored). Try a small size first:
 * `BENCH_ARTICLES=200000 BENCH_SECONDS=5 BENCH_PUBLISHES=4 node bench/scale.js`.
 */
const os = require('os');
const path = require('path');
const {
  appDir,
  distDir,
  median,
  watched,
  startScratchStrapi,
  writeResults,
  runBench,
  rowsOf,
  assertEmpty,
  emptyTables,
  keptFigureTables,
  rebuildKeptFigures,
} = require('./helpers');
const { growArchive } = require('./scale-archive');
const {
  startDemoServer,
  loadTest,
  publishCost,
  slowestQueries,
  queriesLongerThan,
} = require('./scale-parts');

const { loadDemo } = require(path.join(distDir, 'database/seeds/load-demo.js'));
const { ensureDemoAccounts } = require(path.join(distDir, 'database/seeds/demo-accounts.js'));
const { localYearRange } = require(
  path.join(appDir, 'src/plugins/governance/dist/server/src/time/local-year.js')
);

const TARGET = Number(process.env.BENCH_ARTICLES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** BENCH_KEEP=1: the grown database is left as it is at the end (for bench/holds.js). */
const KEEP = process.env.BENCH_KEEP === '1';
/** BENCH_GROWN=1: the database already holds an archive a BENCH_KEEP=1 run grew; kept as it is. */
const GROWN = process.env.BENCH_GROWN === '1';
/** BENCH_GROW_ONLY=1 (with BENCH_KEEP=1): step 2's growth only, the kept figures left unbuilt. */
const GROW_ONLY = process.env.BENCH_GROW_ONLY === '1';
/** BENCH_REBUILD=1 (with BENCH_GROWN=1): step 2's rebuild on the kept archive, then steps 3–6. */
const REBUILD = process.env.BENCH_REBUILD === '1';
if (GROW_ONLY && !KEEP) throw new Error('BENCH_GROW_ONLY=1 needs BENCH_KEEP=1');
const PASSWORD = GROWN ? process.env.BENCH_PASSWORD : `Bench-${Date.now()}-Aa1`;
if (GROWN && !PASSWORD)
  throw new Error('BENCH_GROWN=1 needs BENCH_PASSWORD (printed by the run that kept it)');
const ACCOUNTS = {
  admin: 'province.admin@demo.example',
  editor: 'ankang-hanbin.editor@demo.example',
};
const CM_LIST = '/content-manager/collection-types/api::article.article?page=1&pageSize=10';
/** A one-row public request: its cost does not depend on the archive. */
const PROBE = '/api/sites?pagination[pageSize]=1';
/** A year of the grown archive whose kept figures are checked against a count. */
const CHECKED_YEAR = 2020;

const PAGES = [
  { key: 'rankings', path: '/governance/rankings?year=2014', as: 'admin', target: 1.5 },
  { key: 'overview', path: '/governance/overview', as: 'admin', target: 1.5 },
  { key: 'oversight', path: '/governance/oversight', as: 'admin', target: 1.5 },
  { key: 'homeCard', path: '/governance/oversight/own', as: 'editor', target: 1.5 },
  {
    key: 'publicList',
    path: '/api/articles?filters[site][code][$eq]=xian&sort=firstPublishedAt:desc',
    as: null,
    target: 1.5,
  },
  {
    key: 'publicListAll',
    path: '/api/articles?sort=firstPublishedAt:desc',
    as: null,
    target: 1.5,
  },
  { key: 'cmListCountyEditor', path: CM_LIST, as: 'editor', target: 3 },
  { key: 'cmListSuperAdmin', path: CM_LIST, as: 'admin', target: 3 },
  { key: 'reference', path: PROBE, as: null, target: null },
];

const headersOf = (page, tokens) => (page.as ? { authorization: `Bearer ${tokens[page.as]}` } : {});

const request = async (base, page, tokens) => {
  const res = await fetch(`${base}${page.path}`, { headers: headersOf(page, tokens) });
  const body = await res.json();
  if (res.status !== 200)
    throw new Error(`${page.path} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
};

const login = async (base, email) => {
  const res = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(body)}`);
  return body.data.token;
};

const loadAverage = () => +os.loadavg()[0].toFixed(2);

const SIDES = ['demo', 'grown'];

/**
 * Every page on both servers: a warm-up, then RUNS rounds, each page asked of the demo's server
 * and of the grown one in turn (which goes first alternates), so both see the same minutes of a
 * shared machine. The grown server is this process: its longest hold of the event loop per page
 * is recorded. The load average (1 minute) before and after says how busy the machine was.
 */
const measurePages = async (servers, publishedArticles) => {
  const machine = { cores: os.cpus().length, loadAverageBefore: loadAverage() };
  for (const side of SIDES)
    for (const page of PAGES) await request(servers[side].base, page, servers[side].tokens);
  const runs = Object.fromEntries(
    SIDES.map((side) => [side, Object.fromEntries(PAGES.map((page) => [page.key, []]))])
  );
  for (let i = 0; i < RUNS; i += 1) {
    for (const [j, page] of (i % 2 === 0 ? PAGES : [...PAGES].reverse()).entries()) {
      for (const side of (i + j) % 2 === 0 ? SIDES : [...SIDES].reverse()) {
        const { base, tokens } = servers[side];
        const run = await watched(() => request(base, page, tokens));
        runs[side][page.key].push({
          ms: run.ms,
          holdMs: run.longestHoldMs,
          total: run.answer.pagination?.total ?? run.answer.meta?.pagination?.total,
        });
      }
    }
  }
  machine.loadAverageAfter = loadAverage();
  const medianOf = (side, key) => +median(runs[side][key].map((r) => r.ms)).toFixed(1);
  const pages = Object.fromEntries(
    PAGES.map((page) => {
      const [demo, grown] = SIDES.map((side) => medianOf(side, page.key));
      const ratio = +(grown / demo).toFixed(2);
      const listed = SIDES.map((side) => runs[side][page.key][0].total);
      return [
        page.key,
        {
          path: page.path,
          demoMs: demo,
          grownMs: grown,
          ratio,
          target: page.target,
          met: page.target === null ? null : ratio <= page.target,
          demoRunsMs: runs.demo[page.key].map((r) => +r.ms.toFixed(1)),
          grownRunsMs: runs.grown[page.key].map((r) => +r.ms.toFixed(1)),
          grownLongestHoldMs: +Math.max(...runs.grown[page.key].map((r) => r.holdMs)).toFixed(1),
          ...(listed[0] !== undefined ? { listed: { demo: listed[0], grown: listed[1] } } : {}),
        },
      ];
    })
  );
  console.log(
    `Pages, demo → ${publishedArticles.toLocaleString('en')} published articles (load average ${machine.loadAverageBefore} → ${machine.loadAverageAfter}, ${machine.cores} cores):`
  );
  for (const [key, p] of Object.entries(pages))
    console.log(
      `  ${key.padEnd(20)} ${p.demoMs} → ${p.grownMs} ms: ${p.ratio}×${p.target ? ` (target ${p.target}×: ${p.met ? 'met' : 'MISSED'})` : ''}, longest hold ${p.grownLongestHoldMs} ms${p.listed ? `, listed ${p.listed.demo} → ${p.listed.grown}` : ''}`
    );
  return { pages, machine };
};

/** The kept figures of a grown year against a count of the archive's published articles. */
const checkYear = async (strapi, timezone) => {
  const knex = strapi.db.connection;
  const { start, end } = localYearRange(CHECKED_YEAR, timezone);
  const meta = strapi.db.metadata.get('api::article.article');
  const c = (attribute) => meta.attributes[attribute].columnName;
  const [row] = rowsOf(
    await knex.raw(
      `select count(distinct ??) as n from ?? where ?? is not null and ?? is null and ?? >= ? and ?? < ?`,
      [
        c('documentId'),
        meta.tableName,
        c('publishedAt'),
        c('countExclusion'),
        c('firstPublishedAt'),
        start,
        c('firstPublishedAt'),
        end,
      ]
    )
  );
  const byLevel = await strapi
    .plugin('governance')
    .service('publicationFigures')
    .yearByLevel(CHECKED_YEAR);
  const kept = [...byLevel.values()].reduce((sum, counts) => sum + counts.articles, 0);
  if (kept !== Number(row.n) || kept === 0)
    throw new Error(`${CHECKED_YEAR}: the kept figures count ${kept}, the archive ${row.n}`);
  return { year: CHECKED_YEAR, articles: kept };
};

/** The tables the bench fills and empties at the end (PostgreSQL). */
const largeTables = (strapi) => {
  const meta = (uid) => strapi.db.metadata.get(uid);
  const links = (uid, relations) =>
    relations.map((relation) => meta(uid).attributes[relation].joinTable.name);
  return [
    meta('api::article.article').tableName,
    ...links('api::article.article', ['site']),
    meta('api::citizen-message.citizen-message').tableName,
    ...links('api::citizen-message.citizen-message', ['site', 'repliedBy']),
    meta('plugin::governance.message-holding').tableName,
    meta('plugin::governance.site-visit').tableName,
    ...keptFigureTables(strapi),
  ];
};

const ratio = (a, b) => +(a / b).toFixed(2);

/** PostgreSQL: the demo server's own database, made and dropped by the bench. */
const demoDatabase = async (knex, client) => {
  if (client !== 'postgres') return { env: {}, drop: async () => {} };
  const name = `${process.env.DATABASE_NAME}_demo`;
  await knex.raw('drop database if exists ?? with (force)', [name]);
  await knex.raw('create database ??', [name]);
  return {
    env: { DATABASE_NAME: name },
    drop: () => knex.raw('drop database if exists ?? with (force)', [name]),
  };
};

const main = async () => {
  const { strapi, stop } = await startScratchStrapi({
    database: GROWN ? process.env.BENCH_DATABASE : undefined,
  });
  strapi.cron.stop(); // no nightly job in between
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const { timezone } = strapi.config.get('plugin::governance');
  const results = { client, date: new Date().toISOString(), runs: RUNS, target: TARGET };
  let filled = false;
  let demoServer = null;
  let demoDb = null;
  try {
    if (!GROWN) {
      await assertEmpty(knex, [
        strapi.db.metadata.get('api::article.article').tableName,
        strapi.db.metadata.get('api::site.site').tableName,
      ]);
      filled = true;
    }
    // 1. The demo in this process (to be grown) and in a second one (to stay as it is).
    console.log(
      GROWN
        ? 'Loading the demo in the second server …'
        : GROW_ONLY
          ? 'Loading the demo …'
          : 'Loading the demo in both servers …'
    );
    if (!GROW_ONLY) demoDb = await demoDatabase(knex, client);
    const demoStarting = GROW_ONLY ? null : startDemoServer(PASSWORD, demoDb.env);
    demoStarting?.catch(() => {}); // awaited below
    if (!GROWN) {
      const demo = await watched(() => loadDemo(strapi, appDir));
      await ensureDemoAccounts(strapi, PASSWORD);
      results.demo = {
        publishedArticles: demo.answer.articles,
        messages: demo.answer.messages,
        loadSeconds: +(demo.ms / 1000).toFixed(1),
      };
    }
    if (GROW_ONLY) {
      results.grown = await growArchive(strapi, { target: TARGET, timezone });
      console.log(`Grown in ${results.grown.seconds} s; the kept figures are not rebuilt.`);
      writeResults('scale-grown', results);
      return;
    }
    await strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    demoServer = await demoStarting;
    const servers = {};
    // Logged in after step 2: an admin's session token does not outlast an hour's rebuild.
    const logIn = async () => {
      for (const [side, base] of [
        ['demo', demoServer.base],
        ['grown', `http://127.0.0.1:${strapi.server.httpServer.address().port}`],
      ])
        servers[side] = {
          base,
          tokens: {
            admin: await login(base, ACCOUNTS.admin),
            editor: await login(base, ACCOUNTS.editor),
          },
        };
    };

    // 2. This server's archive grown by SQL, the kept figures rebuilt from it (or as kept).
    const rebuild = async () => {
      let rebuilt;
      const longQueries = await queriesLongerThan(strapi, 50, async () => {
        rebuilt = await rebuildKeptFigures(strapi);
      });
      results.rebuild = {
        ...rebuilt,
        budgetMs: 50,
        holdVsBudget: ratio(rebuilt.longestHoldMs, 50),
        queriesOver50Ms: longQueries,
      };
      console.log(`Queries over 50 ms: ${JSON.stringify(longQueries, null, 1)}`);
      if (client === 'postgres')
        for (const table of largeTables(strapi)) await knex.raw('vacuum analyze ??', [table]);
    };
    if (GROWN) {
      const [{ n }] = await knex(strapi.db.metadata.get('api::article.article').tableName)
        .count({ n: '*' })
        .whereNotNull('published_at');
      results.grown = { reused: true, publishedArticles: Number(n) };
      console.log(
        `${REBUILD ? 'Rebuilding the kept figures of' : 'Measuring'} the kept archive of ${Number(n).toLocaleString('en')} published articles …`
      );
      if (REBUILD) await rebuild();
    } else {
      results.grown = await growArchive(strapi, { target: TARGET, timezone });
      console.log(`Grown in ${results.grown.seconds} s; rebuilding the kept figures …`);
      await rebuild();
    }
    results.grown.check = await checkYear(strapi, timezone);
    await logIn();

    // 3. The pages, demo and grown in turn.
    const measured = await measurePages(servers, results.grown.publishedArticles);
    results.pages = measured.pages;
    results.machine = measured.machine;
    const p = results.pages;
    results.cmListEditorVsSuperAdmin = {
      demo: ratio(p.cmListCountyEditor.demoMs, p.cmListSuperAdmin.demoMs),
      grown: ratio(p.cmListCountyEditor.grownMs, p.cmListSuperAdmin.grownMs),
      target: 1.5,
    };

    // 4. Where the time goes: the pages that missed, and the two the load test sends.
    results.profiles = {};
    const { base, tokens } = servers.grown;
    for (const page of PAGES.filter(
      (x) => p[x.key].met === false || ['homeCard', 'rankings'].includes(x.key)
    )) {
      const profile = await slowestQueries(strapi, () => request(base, page, tokens));
      results.profiles[page.key] = profile;
      console.log(
        `\n${page.key} (${page.path}): ${profile.requestMs} ms, ${profile.queries} queries taking ${profile.queriesMs} ms; the slowest:`
      );
      for (const q of profile.slowest)
        console.log(`  ${q.ms} ms: ${q.sql}\n${q.plan.replace(/^/gm, '    ')}`);
    }

    // 5. A one-row public request under load; 6. the kept figures' cost on a publish.
    await demoServer.stop();
    demoServer = null;
    const citizens = await startDemoServer(PASSWORD, {}, { attach: true });
    try {
      results.load = await loadTest(base, citizens.base, tokens, PROBE);
    } finally {
      await citizens.stop();
    }
    results.publish = await publishCost(strapi);
    writeResults('scale', results);
  } finally {
    if (demoServer) await demoServer.stop();
    if (demoDb) await demoDb.drop();
    if (filled && !KEEP) await emptyTables(knex, client, largeTables(strapi));
    await stop({ keep: KEEP || GROWN });
    if (KEEP && !GROWN)
      console.log(
        `The grown database is kept: ${client === 'postgres' ? process.env.DATABASE_NAME : process.env.DATABASE_FILENAME} (the demo accounts' password: ${PASSWORD})`
      );
  }
};

runBench(main);
