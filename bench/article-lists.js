/**
 * `node bench/article-lists.js` (after `npm run build:server`): the article lists that read the
 * site key (src/plugins/governance/server/src/sites/site-key.ts), on a demo-sized archive and
 * on one of BENCH_ARTICLES (default 1,000,000) published articles, in the same run:
 *
 *  1. One site's public list, newest first with its total
 *     (`/api/articles?filters[site][code][$eq]=…&sort=firstPublishedAt:desc`), for a county and
 *     for the portal, against the same list at demo size (target: within 1.5×; also divided by
 *     a request whose cost does not grow, `/api/sites?filters[code][$eq]=…`, timed beside it, as
 *     the two sizes are measured minutes apart on a shared machine), and against the same list
 *     filtered through the relation (`filters[site][documentId]`: the link-table join the key
 *     replaces).
 *  2. The Content Manager's article list (first page, its total, newest first) of a county
 *     editor, whom the own-site condition and site isolation restrict, against the super
 *     admin's on the same data (target: within 1.5×); and both by title, the earlier default.
 *  3. The start-up step that keys rows without a key (all of them, as after the upgrade): its
 *     time, the longest it held the event loop, and that every row got its site's key.
 *
 * Prints the query plans (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL) of each
 * list's statements on articles. Medians over BENCH_RUNS (default 30) requests each, taking
 * turns. Uses a scratch SQLite file unless DATABASE_CLIENT names PostgreSQL (then DATABASE_NAME
 * must be an empty scratch database). BENCH_DEMO_ARTICLES (default 86,000) is the demo's size.
 */
const {
  median,
  time,
  watched,
  startScratchStrapi,
  writeResults,
  runBench,
  ARTICLE,
  mulberry32,
  rowsOf,
  namesOf,
  assertEmpty,
  emptyTables,
  createSites,
  insertArticles,
  catchQueries,
  queryPlan,
} = require('./helpers');

const TOTAL = Number(process.env.BENCH_ARTICLES ?? 1_000_000);
const DEMO = Number(process.env.BENCH_DEMO_ARTICLES ?? 86_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;
const PASSWORD = 'Bench-Passw0rd!';
const LEVEL_WEIGHT = { portal: 40, city: 4, department: 2, county: 1 };

/**
 * The n-th of `articles` over ten years to now, in the order they were written (ids rise with
 * dates, give or take a fortnight, as in an archive that grew over the years), each site's share
 * by its level, about 2% drafts.
 */
const describer = (sites, articles) => {
  const random = mulberry32(22);
  const weights = sites.map((s) => LEVEL_WEIGHT[s.level] * (1 + random() * 9));
  const sum = weights.reduce((a, b) => a + b, 0);
  const cumulative = [];
  weights.reduce((before, w, i) => (cumulative[i] = before + w / sum), 0);
  const siteAt = (pick) =>
    sites[
      Math.max(
        0,
        cumulative.findIndex((c) => c >= pick)
      )
    ];
  const now = Date.now();
  const FORTNIGHT = 14 * 24 * 60 * 60 * 1000;
  return (n) => {
    const written = now - 10 * YEAR_MS + (n / articles) * 10 * YEAR_MS;
    return {
      siteId: siteAt(random()).id,
      at: new Date(Math.min(now, written + (random() - 0.5) * FORTNIGHT)),
      column: '工作动态',
      title: `关于民政工作的报道 ${Math.floor(random() * 1e9)}`,
      isSpecialTopic: false,
      published: random() > 0.02,
    };
  };
};

/** An admin user with the role, its password accepted as changed, logged in over HTTP. */
const adminUser = async (strapi, base, roleCode, email) => {
  const role = await strapi.service('admin::role').findOne({ code: roleCode });
  const user = await strapi.service('admin::user').create({
    firstname: '测试',
    lastname: roleCode,
    email,
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  await strapi.plugin('governance').service('passwords').acceptCurrentPassword(user.id);
  const res = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return { user, token: (await res.json()).data.token };
};

const main = async () => {
  const { strapi, stop } = await startScratchStrapi();
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const names = namesOf(strapi);
  const { article, articleSite } = names;
  const tables = [article.table, articleSite.table, names.site.table, names.siteParent.table];
  const results = { client, date: new Date().toISOString(), demoArticles: DEMO, articles: TOTAL };
  try {
    await assertEmpty(knex, tables);
    const sites = await createSites(knex, names);
    const county = sites.find((s) => s.level === 'county');
    const portal = sites.find((s) => s.level === 'portal');

    await strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
    const admin = await adminUser(strapi, base, 'strapi-super-admin', 'admin@bench.example');
    const editor = await adminUser(strapi, base, 'governance-site-editor', 'editor@bench.example');
    await strapi
      .plugin('governance')
      .service('sites')
      .addMember(
        { userId: editor.user.id, siteDocumentId: county.documentId, capacity: 'editor' },
        { actor: 'system' }
      );

    const CM = `${base}/content-manager/collection-types/${ARTICLE}?page=1&pageSize=10`;
    const publicList = (filter) =>
      `${base}/api/articles?${filter}&sort=firstPublishedAt:desc&pagination[pageSize]=25`;
    const lists = {
      // The same content API path on a table that does not grow with the archive: how busy the
      // machine is at each size (the figures are taken minutes apart on a shared machine).
      reference: { url: `${base}/api/sites?filters[code][$eq]=${county.code}` },
      publicCounty: { url: publicList(`filters[site][code][$eq]=${county.code}`) },
      publicPortal: { url: publicList(`filters[site][code][$eq]=${portal.code}`) },
      publicCountyByRelation: {
        url: publicList(`filters[site][documentId][$eq]=${county.documentId}`),
      },
      cmEditor: { url: `${CM}&sort=createdAt:DESC`, token: editor.token },
      cmAdmin: { url: `${CM}&sort=createdAt:DESC`, token: admin.token },
      cmEditorByTitle: { url: `${CM}&sort=title:ASC`, token: editor.token },
      cmAdminByTitle: { url: `${CM}&sort=title:ASC`, token: admin.token },
    };
    const request = async ({ url, token }) => {
      const init = token ? { headers: { authorization: `Bearer ${token}` } } : {};
      // After minutes of inserting, the first request may meet a kept-alive socket the server
      // has just closed: that one is sent again.
      const res = await fetch(url, init).catch(() => fetch(url, init));
      const body = await res.json();
      if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
      return body.meta?.pagination?.total ?? body.pagination?.total;
    };

    /** Each list's statements on articles, as one request sends them. */
    const statements = async () => {
      const out = {};
      // `from "articles"`, or on PostgreSQL `from "public"."articles"`.
      const from = new RegExp(`from (["\`]?\\w+["\`]?\\.)?["\`]?${article.table}["\`]? `, 'i');
      const onArticles = (sql) => /^select/i.test(sql) && from.test(sql);
      for (const [name, list] of Object.entries(lists))
        out[name] = await catchQueries(knex, onArticles, () => request(list));
      return out;
    };
    /** The statements' plans. */
    const plans = async (caught) => {
      const out = {};
      for (const [name, queries] of Object.entries(caught)) {
        out[name] = [];
        for (const { sql, bindings } of queries)
          out[name].push({ sql, plan: await queryPlan(knex, client, sql, bindings) });
      }
      return out;
    };
    // PostgreSQL's SQL comes numbered ($1 …); knex.raw takes `?`.
    const replay = (queries) => async () => {
      for (const { sql, bindings } of queries)
        await knex.raw(client === 'postgres' ? sql.replace(/\$\d+/g, '?') : sql, bindings);
    };

    /** Each list's request, and its statements on articles alone (`sqlMs`), medians. */
    const measure = async () => {
      const totals = {};
      for (const [name, list] of Object.entries(lists)) totals[name] = await request(list); // warm-up
      const caught = await statements();
      const runs = Object.fromEntries(Object.keys(lists).map((name) => [name, []]));
      const sqlRuns = Object.fromEntries(Object.keys(lists).map((name) => [name, []]));
      const order = Object.keys(lists);
      for (let i = 0; i < RUNS; i += 1) {
        // Turn about, so that a machine getting busier or quieter favours none.
        for (const name of i % 2 === 0 ? order : [...order].reverse()) {
          runs[name].push(await time(() => request(lists[name])));
          sqlRuns[name].push(await time(replay(caught[name])));
        }
      }
      const out = { caught };
      for (const name of order)
        out[name] = {
          total: totals[name],
          medianMs: +median(runs[name]).toFixed(1),
          sqlMs: +median(sqlRuns[name]).toFixed(1),
        };
      if (totals.publicCounty !== totals.publicCountyByRelation)
        throw new Error(`the key and the relation list ${JSON.stringify(totals)}`);
      return out;
    };

    const describe = describer(sites, TOTAL);
    // PostgreSQL: as autovacuum leaves a table after a bulk insert (statistics, visibility map).
    const analyze = () => (client === 'postgres' ? knex.raw('vacuum analyze') : null);
    await insertArticles(knex, client, names, {
      total: DEMO,
      describe,
      prefix: 'bd',
      label: 'demo size',
    });
    await analyze();
    const { caught: _demo, ...demo } = await measure();
    results.demo = demo;
    console.log('demo size', JSON.stringify(results.demo));

    await insertArticles(knex, client, names, {
      total: TOTAL - DEMO,
      describe: (i) => describe(DEMO + i),
      prefix: 'bf',
      label: 'grown',
    });
    await analyze();
    const { caught, ...full } = await measure();
    results.full = full;
    console.log('full size', JSON.stringify(results.full));
    results.plans = await plans(caught);
    for (const [name, statements] of Object.entries(results.plans)) {
      console.log(`\n== ${name}`);
      for (const { sql, plan } of statements) console.log(`${sql}\n${plan}\n`);
    }

    const ratio = (a, b) => +(a.medianMs / b.medianMs).toFixed(2);
    /** Full against demo size, each against the reference request of its own time. */
    const grown = (name) =>
      +(
        results.full[name].medianMs /
        results.full.reference.medianMs /
        (results.demo[name].medianMs / results.demo.reference.medianMs)
      ).toFixed(2);
    results.ratios = {
      publicCountyFullVsDemo: ratio(results.full.publicCounty, results.demo.publicCounty),
      publicPortalFullVsDemo: ratio(results.full.publicPortal, results.demo.publicPortal),
      publicCountyFullVsDemoByReference: grown('publicCounty'),
      publicPortalFullVsDemoByReference: grown('publicPortal'),
      referenceFullVsDemo: ratio(results.full.reference, results.demo.reference),
      publicCountyKeyVsRelation: ratio(
        results.full.publicCounty,
        results.full.publicCountyByRelation
      ),
      cmEditorVsAdmin: ratio(results.full.cmEditor, results.full.cmAdmin),
      cmEditorVsAdminDemo: ratio(results.demo.cmEditor, results.demo.cmAdmin),
      cmEditorByTitleVsAdmin: ratio(results.full.cmEditorByTitle, results.full.cmAdminByTitle),
      target: 1.5,
    };
    console.log('ratios', JSON.stringify(results.ratios));

    // 3. The start-up step on an archive without keys, as after the upgrade.
    await knex(article.table).update({ [article.column('siteKey')]: null });
    // That one statement's write-ahead log is the bench's, not the fill's: an upgrade adds the
    // column without rewriting a row.
    if (client !== 'postgres') await knex.raw('pragma wal_checkpoint(truncate)');
    const fill = await watched(() => strapi.plugin('governance').service('siteKeys').fillMissing());
    const wrong = rowsOf(
      await knex.raw(
        `select count(*) as n from ?? a join ?? l on l.?? = a.id where a.?? is null or a.?? <> l.??`,
        [
          article.table,
          articleSite.table,
          articleSite.ownerColumn,
          article.column('siteKey'),
          article.column('siteKey'),
          articleSite.targetColumn,
        ]
      )
    )[0].n;
    if (Number(wrong) !== 0) throw new Error(`${wrong} rows without their site's key`);
    results.fill = {
      rows: fill.answer,
      ms: Math.round(fill.ms),
      longestHoldMs: +fill.longestHoldMs.toFixed(1),
      rowsWithoutTheirKey: Number(wrong),
    };
    console.log('fill', JSON.stringify(results.fill));
    writeResults('article-lists', results);
  } finally {
    await emptyTables(knex, client, tables);
    await stop();
  }
};

runBench(main);
