/**
 * `node bench/oversight.js` (after `npm run build:server`): 站群监测 (site oversight) on a website
 * group with two years of publications, as ratios against baselines run in the same Strapi on
 * the same database.
 *
 *  1. The standing of every site, `oversight.bySite(now)`, over BENCH_ARTICLES published
 *     articles (default 1,000,000) first published over the last 730 days (counted back from
 *     now in the group's time zone, Asia/Shanghai) across 150 sites, each article in one of its
 *     site's 6 columns (栏目, set up as plugin::governance.site-column rows), plus 0.1% as many
 *     that were published once and are drafts only now (they must not count), and BENCH_MESSAGES
 *     (3,000) citizen messages, some still open. Sites differ so that the verdicts do: some never
 *     published, some stopped days, weeks or months ago, some never use some columns, some let
 *     their notice and policy columns go stale.
 *     Against the baseline, ONE hand-written SQL `GROUP BY` over the same tables returning per
 *     site and column the latest first publication, the published documents and those since 365
 *     days ago: the figures the service's main query reads. The service does more than that
 *     query: it also reads the sites, their columns, the oldest open message per site, the
 *     review backlog, the expired accounts, the year's message statistics and the year's
 *     submissions (until 2026-11-26 21:34 it computed the year's whole ranking instead: another
 *     count over the year's articles), then judges every rule in JavaScript (local days with
 *     luxon). So the ratio is the whole service against its main query's work; `breakdown` has
 *     the main query alone, as the service sends it, and every query of one call with its time.
 *     Warm-up, then the median of BENCH_RUNS (5) runs each. Target: within 2×.
 *  2. The daily alert job, `oversightAlerts.raise(now)`: its first run (every site's five rule
 *     states created, an alert per rule not ok) and then runs that find nothing new (median of
 *     BENCH_RUNS), each against (1).
 *  3. The inspection notice draft, `inspectionNotices.draft(from, to, now)`, for the last full
 *     calendar quarter (local), against (1).
 *
 * Checked, not only timed: the service's per-site, per-column published counts and latest
 * dates, its site's latest date, its publishing mix (the counts since 365 days ago) and its
 * oldest open message equal what was inserted, and so do the hand-written query's; the first
 * alert run raises one alert per rule not ok and creates 5 states per site; later runs raise
 * none; the notice counts the quarter's articles as inserted. The cron jobs are paused so that
 * the real daily job cannot run in between. `serviceBuild` in the results names the compiled
 * service measured (its file's time and hash).
 *
 * The data is inserted with knex directly (bench/helpers.js, as rankings.js does), in
 * transactions of 50,000 articles: a few minutes at full size. Try a small size first:
 * `BENCH_ARTICLES=20000 node bench/oversight.js`. BENCH_EXPLAIN=1 also prints the query plans of
 * the service's article queries and of the hand-written one.
 *
 * Uses a scratch SQLite file unless DATABASE_CLIENT names PostgreSQL: then DATABASE_NAME must be
 * an empty scratch database (`createdb -h 127.0.0.1 -U postgres bench_oversight`); the tables
 * the bench filled (and the audit trail the alert job writes to) are emptied at the end, and they
 * are VACUUM ANALYZEd after loading, as autovacuum would. Results print and go to bench/results/
 * (git-ignored).
 */
const { createHash, randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');
const { DateTime } = require('luxon');
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
  timedQueries,
  queryPlan,
  keptFigureTables,
  rebuildKeptFigures,
} = require('./helpers');

const pluginDist = path.join(appDir, 'src/plugins/governance/dist/server/src');
const { dbNames } = require(path.join(pluginDist, 'utils/db-names.js'));

const SITE_COLUMN = 'plugin::governance.site-column';
const RULE_STATE = 'plugin::governance.oversight-rule-state';
const ALERT = 'plugin::governance.oversight-alert';
const NOTICE = 'plugin::governance.inspection-notice';
const AUDIT_ENTRY = 'plugin::governance.audit-entry';
const AUDIT_HEAD = 'plugin::governance.audit-head';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1_000_000);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 3000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const DAYS = 730;
const RULES = 5;

/** Every site's columns, with the share of its articles each gets. */
const COLUMNS = [
  { name: '工作动态', kind: 'news', weight: 45 },
  { name: '基层动态', kind: 'news', weight: 25 },
  { name: '通知公告', kind: 'notice', weight: 12 },
  { name: '政策文件', kind: 'policy', weight: 6 },
  { name: '信息公开', kind: 'policy', weight: 8 },
  { name: '办事指南', kind: 'static', weight: 4 },
];
const column = Object.fromEntries(COLUMNS.map((c, i) => [c.name, i]));

/** Sites (by number) that never published: every column empty. */
const SILENT = [31, 148, 149, 150];
/** Days ago the sites numbered …3 stopped publishing, by their tens (3, 13, … 143). */
const STOPS = [10, 13, 14, 20, 45, 100, 190, 400, 600, 3, 7, 30, 60, 250, 500];
/** Columns the sites numbered …7 never use, by their tens modulo 3. */
const UNUSED = [
  ['信息公开', '政策文件'],
  ['通知公告', '政策文件', '信息公开', '办事指南'],
  ['基层动态'],
];

/**
 * Per site: until when it published (days ago, 0 for today) and until when each column did
 * (null for one never used).
 */
const profileOf = (n) => {
  const siteStop = n % 10 === 3 ? STOPS[Math.floor(n / 10) % STOPS.length] : 0;
  const columns = COLUMNS.map(() => siteStop);
  if (n % 10 === 7)
    for (const name of UNUSED[Math.floor(n / 10) % UNUSED.length]) columns[column[name]] = null;
  // Notices and policies left for 200 days: three columns stale, the news ones fresh.
  if (n % 10 === 5)
    for (const name of ['通知公告', '政策文件', '信息公开'])
      columns[column[name]] = Math.max(siteStop, 200);
  if (n % 20 === 9) columns[column['基层动态']] = Math.max(siteStop, 30);
  return { siteStop, columns };
};

const random = mulberry32(2019);

/**
 * The articles: `counts[i]` published ones of site i, each in a column of the site's (by the
 * columns' weights), first published at a random instant from DAYS days ago until its column
 * stopped; the site's last one exactly when it stopped, and so for a column that stopped
 * earlier. Plus `unpublished` drafts only, anywhere in the period (also after a site stopped).
 * Answers them in the order of their publication, and the figures a correct count must give.
 */
const planArticles = (plan, counts, unpublished, { now, timezone, since, quarter }) => {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const daysAgo = (days) =>
    (days === 0 ? local.minus({ minutes: 30 }) : local.minus({ days })).toMillis();
  const start = local.minus({ days: DAYS }).toMillis();
  const published = sum(counts);
  const total = published + unpublished;
  const siteOf = new Uint8Array(total);
  const columnOf = new Uint8Array(total);
  const at = new Float64Array(total);
  const draft = new Uint8Array(total);
  // Per site × column: published articles, the latest first publication, those since `since`.
  const expected = {
    published: new Int32Array(SITES * COLUMNS.length),
    last: new Float64Array(SITES * COLUMNS.length).fill(-Infinity),
    recent: new Int32Array(SITES * COLUMNS.length),
    quarter: 0,
  };
  let k = 0;
  plan.forEach((site, s) => {
    const profile = profileOf(site.n);
    const stops = profile.columns.map((days) => (days === null ? null : daysAgo(days)));
    const used = COLUMNS.map((_, c) => c).filter((c) => stops[c] !== null);
    const weights = used.map((c) => COLUMNS[c].weight);
    const all = sum(weights);
    // The site's last article, then the last of each column that stopped before the site.
    const forced = [[used.includes(0) ? 0 : used[0], daysAgo(profile.siteStop)]];
    for (const c of used) if (profile.columns[c] !== profile.siteStop) forced.push([c, stops[c]]);
    for (let i = 0; i < counts[s]; i += 1) {
      let c;
      let when;
      if (i < forced.length) [c, when] = forced[i];
      else {
        let pick = random() * all;
        c = used.find((_, u) => (pick -= weights[u]) < 0) ?? used[used.length - 1];
        when = start + Math.floor(random() * (stops[c] - start));
      }
      siteOf[k] = s;
      columnOf[k] = c;
      at[k] = when;
      const cell = s * COLUMNS.length + c;
      expected.published[cell] += 1;
      if (when > expected.last[cell]) expected.last[cell] = when;
      if (when >= since.getTime()) expected.recent[cell] += 1;
      if (when >= quarter.start.getTime() && when < quarter.end.getTime()) expected.quarter += 1;
      k += 1;
    }
  });
  const publishing = plan.map((_, s) => s).filter((s) => counts[s] > 0);
  const end = daysAgo(0);
  for (; k < total; k += 1) {
    siteOf[k] = publishing[Math.floor(random() * publishing.length)];
    columnOf[k] = Math.floor(random() * COLUMNS.length);
    at[k] = start + Math.floor(random() * (end - start));
    draft[k] = 1;
  }
  const order = new Uint32Array(total).map((_, i) => i).sort((a, b) => at[a] - at[b] || a - b);
  return { total, order, siteOf, columnOf, at, draft, expected };
};

/**
 * Messages over the period to random sites: 3% refused, the others answered within 1 to 20 days,
 * except those whose answer would still lie ahead and 1% left open; and one open message 85 days
 * old on the sites numbered …9 (a warning, a few days before its three months).
 */
const planMessages = (plan, sites, { now, timezone }) => {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const start = local.minus({ days: DAYS }).toMillis();
  const day = 86_400_000;
  const OPEN = ['received', 'accepted', 'transferred'];
  const messages = [];
  const add = (s, receivedAt, status, repliedAt) => {
    const i = messages.length;
    const dueAt = new Date(receivedAt.getTime() + 14 * day);
    messages.push({
      siteIndex: s,
      siteId: sites[s].id,
      documentId: `bo${i.toString(36)}${randomBytes(4).toString('hex')}`,
      subject: `第${i + 1}条咨询`,
      queryCode: `BO${String(i).padStart(8, '0')}`,
      status,
      receivedAt,
      repliedAt,
      dueAt,
      repliedOnTime: repliedAt ? repliedAt <= dueAt : null,
      workingDaysToReply: repliedAt ? Math.round(((repliedAt - receivedAt) / day) * (5 / 7)) : null,
    });
  };
  for (let i = 0; i < MESSAGES; i += 1) {
    const s = Math.floor(random() * plan.length);
    const receivedAt = new Date(start + Math.floor(random() * (now.getTime() - start)));
    const r = random();
    const repliedAt = new Date(receivedAt.getTime() + (1 + Math.floor(random() * 20)) * day);
    if (r < 0.03) add(s, receivedAt, 'rejected', null);
    else if (r > 0.99 || repliedAt > now) add(s, receivedAt, OPEN[i % OPEN.length], null);
    else add(s, receivedAt, 'replied', repliedAt);
  }
  plan.forEach(
    (site, s) => site.n % 10 === 9 && add(s, local.minus({ days: 85 }).toJSDate(), 'accepted', null)
  );
  return messages;
};

const createColumns = async (knex, siteColumn, sites) => {
  const now = new Date();
  const rows = sites.flatMap((site) =>
    COLUMNS.map((c, i) => ({
      [siteColumn.column('documentId')]: `bc${randomBytes(10).toString('hex')}`,
      [siteColumn.column('siteDocumentId')]: site.documentId,
      [siteColumn.column('name')]: c.name,
      [siteColumn.column('kind')]: c.kind,
      [siteColumn.column('sortOrder')]: i,
      [siteColumn.column('createdAt')]: now,
      [siteColumn.column('updatedAt')]: now,
      [siteColumn.column('publishedAt')]: now,
    }))
  );
  for (let i = 0; i < rows.length; i += 150)
    await knex(siteColumn.table).insert(rows.slice(i, i + 150));
  return rows.length;
};

/** One call's wall time, and per query its SQL and how long it took from sent to answered, the longest first. */
const profileQueries = async (knex, fn) => {
  const { ms, queries } = await timedQueries(knex, fn);
  return {
    ms,
    queries: queries.map((q) => ({
      ms: +q.ms.toFixed(1),
      sql: q.query.sql.replace(/\s+/g, ' ').slice(0, 200),
    })),
  };
};

const iso = (value) =>
  value === null || value === undefined
    ? null
    : new Date(
        typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
      ).toISOString();

const main = async () => {
  const { strapi, stop } = await startScratchStrapi();
  // The real daily job must not run in between (09:00 in the group's zone).
  strapi.cron.stop();
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const names = namesOf(strapi);
  const more = {
    siteColumn: dbNames(strapi, SITE_COLUMN),
    ruleState: dbNames(strapi, RULE_STATE),
    alert: dbNames(strapi, ALERT),
    notice: dbNames(strapi, NOTICE),
  };
  const audit = [dbNames(strapi, AUDIT_ENTRY).table, dbNames(strapi, AUDIT_HEAD).table];
  const { timezone, oversight: oversightConfig } = strapi.config.get('plugin::governance');
  const filled = [
    names.articleSite.table,
    names.article.table,
    names.messageSite.table,
    names.message.table,
    names.siteParent.table,
    names.site.table,
    more.siteColumn.table,
    more.ruleState.table,
    more.alert.table,
    more.notice.table,
  ];

  // One instant for the whole bench: the data is laid out back from it and every call judges at it.
  const now = new Date();
  const local = DateTime.fromJSDate(now, { zone: timezone });
  // As the service takes it: 365 days back, in the process's zone.
  const since = DateTime.fromJSDate(now).minus({ days: 365 }).toJSDate();
  const quarterStart = local.startOf('quarter').minus({ quarters: 1 });
  const quarter = {
    from: quarterStart.toISODate(),
    to: quarterStart.endOf('quarter').toISODate(),
    start: quarterStart.toJSDate(),
    end: quarterStart.plus({ quarters: 1 }).toJSDate(),
  };
  const compiled = path.join(pluginDist, 'oversight/service.js');
  const serviceBuild = {
    modified: fs.statSync(compiled).mtime.toISOString(),
    sha1: createHash('sha1').update(fs.readFileSync(compiled)).digest('hex').slice(0, 12),
  };
  const results = {
    client,
    date: now.toISOString(),
    now: local.toISO(),
    timezone,
    serviceBuild,
    sites: SITES,
    columnsPerSite: COLUMNS.length,
  };
  let emptied = false;
  try {
    await assertEmpty(knex, [...filled, audit[0]]);
    emptied = true;

    // The group: sites, their columns, two years of articles, messages.
    const plan = sitePlan();
    const counts = countsFor(plan, ARTICLES, 3, SILENT);
    const unpublished = Math.max(10, Math.round(ARTICLES / 1000));
    console.log(
      `Loading ${ARTICLES.toLocaleString('en')} published articles of the last ${DAYS} days (and ${unpublished.toLocaleString('en')} drafts only) …`
    );
    const loadStarted = Date.now();
    const sites = await createSites(knex, names);
    const columnRows = await createColumns(knex, more.siteColumn, sites);
    const articles = planArticles(plan, counts, unpublished, { now, timezone, since, quarter });
    const { expected } = articles;
    await insertArticles(knex, client, names, {
      total: articles.total,
      prefix: `bo${randomBytes(3).toString('hex')}`,
      label: 'articles',
      describe: (i) => {
        const j = articles.order[i];
        const name = COLUMNS[articles.columnOf[j]].name;
        return {
          siteId: sites[articles.siteOf[j]].id,
          at: new Date(articles.at[j]),
          column: name,
          title: `第${i + 1}篇${name}`,
          isSpecialTopic: false,
          published: articles.draft[j] === 0,
        };
      },
    });
    const messages = planMessages(plan, sites, { now, timezone });
    await insertMessages(knex, client, names, messages);
    // Inserted by SQL, as an import would be: the kept figures the pages read, built from it.
    const keptFigures = await rebuildKeptFigures(strapi);
    if (client === 'postgres') {
      for (const table of [...filled, ...keptFigureTables(strapi)])
        await knex.raw('vacuum analyze ??', [table]);
    }
    const articleRows = Number((await knex(names.article.table).count({ n: '*' }))[0].n);
    const linkRows = Number((await knex(names.articleSite.table).count({ n: '*' }))[0].n);
    const open = messages.filter((m) => ['received', 'accepted', 'transferred'].includes(m.status));
    results.data = {
      publishedArticles: ARTICLES,
      unpublishedArticles: unpublished,
      articleRows,
      linkRows,
      columnRows,
      messages: messages.length,
      openMessages: open.length,
      openOlderThan90Days: open.filter((m) => now - m.receivedAt > 90 * 86_400_000).length,
      silentSites: SILENT.length,
      loadSeconds: +((Date.now() - loadStarted) / 1000).toFixed(1),
      keptFigures,
    };
    console.log(
      `Loaded in ${results.data.loadSeconds} s: ${articleRows.toLocaleString('en')} article rows, ${linkRows.toLocaleString('en')} links, ${messages.length} messages (${open.length} open).`
    );

    const oversight = strapi.plugin('governance').service('oversight');
    const { article, articleSite } = names;
    const handWritten = () =>
      knex.raw(
        `select l.?? as site_id, a.?? as col, max(a.??) as last, count(distinct a.??) as published,
         count(case when a.?? >= ? then 1 end) as recent
       from ?? a join ?? l on l.?? = a.??
       where a.?? is not null and a.?? <= ?
       group by l.??, a.??`,
        [
          articleSite.targetColumn,
          article.column('column'),
          article.column('firstPublishedAt'),
          article.column('documentId'),
          article.column('firstPublishedAt'),
          since,
          article.table,
          articleSite.table,
          articleSite.ownerColumn,
          article.column('id'),
          article.column('publishedAt'),
          article.column('firstPublishedAt'),
          now,
          articleSite.targetColumn,
          article.column('column'),
        ]
      );
    const groupBy = async () => rowsOf(await handWritten());

    // Checks: the service and the hand-written query against what was inserted.
    const standing = await oversight.bySite(now);
    const byHand = new Map(
      (await groupBy()).map((r) => [
        `${Number(r.site_id)}|${r.col}`,
        { last: iso(r.last), published: Number(r.published), recent: Number(r.recent) },
      ])
    );
    const mixOf = Object.fromEntries(
      COLUMNS.map((c) => [
        c.name,
        Object.keys(oversightConfig.mix).find((k) => oversightConfig.mix[k].includes(c.name)) ??
          'other',
      ])
    );
    const bySiteDoc = new Map(standing.map((s) => [s.site.documentId, s]));
    const wrong = [];
    let cellsChecked = 0;
    sites.forEach((site, s) => {
      const got = bySiteDoc.get(site.documentId);
      if (!got) return wrong.push(`${site.code}: missing from the service`);
      const mix = { workNews: 0, analysis: 0, disclosure: 0, other: 0 };
      let last = -Infinity;
      COLUMNS.forEach((c, ci) => {
        const cell = s * COLUMNS.length + ci;
        const want = {
          published: expected.published[cell],
          last: expected.published[cell] > 0 ? new Date(expected.last[cell]).toISOString() : null,
          recent: expected.recent[cell],
        };
        mix[mixOf[c.name]] += want.recent;
        if (want.published > 0) last = Math.max(last, expected.last[cell]);
        const service = got.columns.find((col) => col.name === c.name);
        const hand = byHand.get(`${site.id}|${c.name}`) ?? { published: 0, last: null, recent: 0 };
        byHand.delete(`${site.id}|${c.name}`);
        const ok =
          service &&
          service.published === want.published &&
          service.lastPublishedAt === want.last &&
          service.empty === (want.published === 0) &&
          hand.published === want.published &&
          hand.last === want.last &&
          hand.recent === want.recent;
        if (!ok)
          wrong.push(
            `${site.code} ${c.name}: ${JSON.stringify({ expected: want, service: service && { published: service.published, last: service.lastPublishedAt }, handWritten: hand })}`
          );
        cellsChecked += 1;
      });
      if (JSON.stringify(got.mix) !== JSON.stringify(mix))
        wrong.push(
          `${site.code} mix: expected ${JSON.stringify(mix)}, service ${JSON.stringify(got.mix)}`
        );
      const wantLast = last === -Infinity ? null : new Date(last).toISOString();
      if (got.lastPublishedAt !== wantLast)
        wrong.push(`${site.code} last: expected ${wantLast}, service ${got.lastPublishedAt}`);
      const oldest = open
        .filter((m) => m.siteIndex === s)
        .reduce((o, m) => (o === null || m.receivedAt < o ? m.receivedAt : o), null);
      if ((got.oldestUnanswered?.receivedAt ?? null) !== (oldest?.toISOString() ?? null))
        wrong.push(
          `${site.code} oldest open message: expected ${oldest?.toISOString()}, service ${got.oldestUnanswered?.receivedAt}`
        );
    });
    for (const [key, row] of byHand)
      wrong.push(`hand-written row not inserted: ${key} ${JSON.stringify(row)}`);
    if (standing.length !== sites.length)
      wrong.push(`the service judged ${standing.length} sites, not ${sites.length}`);
    if (wrong.length > 0)
      throw new Error(
        `the figures differ in ${wrong.length} places:\n${wrong.slice(0, 12).join('\n')}`
      );
    const statuses = { tripped: 0, warning: 0, ok: 0 };
    for (const s of standing) statuses[s.status] += 1;
    const rules = {};
    for (const s of standing)
      for (const r of s.rules)
        rules[r.rule] = {
          ...(rules[r.rule] ?? { tripped: 0, warning: 0, ok: 0 }),
          [r.status]: (rules[r.rule]?.[r.status] ?? 0) + 1,
        };
    if (Object.values(statuses).some((n) => n === 0))
      throw new Error(`the verdicts do not vary: ${JSON.stringify(statuses)}`);
    const notOk = standing.reduce((n, s) => n + s.rules.filter((r) => r.status !== 'ok').length, 0);
    results.checks = {
      siteColumnCells: cellsChecked,
      sitesJudged: standing.length,
      sites: statuses,
      rules,
      rulesNotOk: notOk,
      passed: [
        'per site and column: published count and latest date = inserted = hand-written (and its 365-day count)',
        'per site: latest date, publishing mix (365-day counts), oldest open message = inserted',
        'verdicts vary',
      ],
    };
    console.log(
      `Checked ${cellsChecked} site columns; sites ${JSON.stringify(statuses)}; rules ${JSON.stringify(rules)}`
    );

    if (EXPLAIN) {
      const caught = await catchQueries(
        knex,
        (sql) => sql.includes(articleSite.table),
        () => oversight.bySite(now)
      );
      for (const query of caught)
        console.log(
          `\nService: ${query.sql}\n${await queryPlan(knex, client, query.sql, query.bindings)}`
        );
      const hand = handWritten().toSQL();
      console.log(
        `\nHand-written: ${hand.sql}\n${await queryPlan(knex, client, hand.sql, hand.bindings)}\n`
      );
    }

    // 1. bySite against the one GROUP BY.
    await oversight.bySite(now); // warm-up
    await groupBy();
    const bySiteRuns = [];
    const groupByRuns = [];
    for (let i = 0; i < RUNS; i += 1) {
      // Turn about, so that a machine getting busier or quieter favours neither.
      const pair = [
        async () => bySiteRuns.push(await time(() => oversight.bySite(now))),
        async () => groupByRuns.push(await time(groupBy)),
      ];
      for (const run of i % 2 === 0 ? pair : pair.reverse()) await run();
    }
    const bySiteMs = median(bySiteRuns);
    results.bySite = {
      runs: RUNS,
      bySiteMedianMs: +bySiteMs.toFixed(1),
      groupByMedianMs: +median(groupByRuns).toFixed(1),
      bySiteRunsMs: bySiteRuns.map((ms) => +ms.toFixed(1)),
      groupByRunsMs: groupByRuns.map((ms) => +ms.toFixed(1)),
      ratio: +(bySiteMs / median(groupByRuns)).toFixed(2),
      target: 2,
    };
    console.log('bySite', JSON.stringify(results.bySite));

    // Where the service's time goes: its main query alone, as it sends it; and every query of one
    // call, as long as it took.
    const caughtMain = await catchQueries(
      knex,
      (sql) => sql.includes(articleSite.table) && /max\(/i.test(sql) && /sum\(case/i.test(sql),
      () => oversight.bySite(now)
    );
    if (caughtMain.length !== 1)
      throw new Error(
        `expected to catch the service's main query once, caught ${caughtMain.length}`
      );
    const [mainQuery] = caughtMain;
    const replay = () =>
      knex.raw(
        client === 'postgres' ? mainQuery.sql.replace(/\$\d+/g, '?') : mainQuery.sql,
        mainQuery.bindings
      );
    await replay();
    const mainRuns = [];
    for (let i = 0; i < RUNS; i += 1) mainRuns.push(await time(replay));
    const breakdown = {
      mainQueryMedianMs: +median(mainRuns).toFixed(1),
      bySiteLessMainQueryMs: +(bySiteMs - median(mainRuns)).toFixed(1),
    };
    const profiled = await profileQueries(knex, () => oversight.bySite(now));
    breakdown.profiledCallMs = +profiled.ms.toFixed(1);
    breakdown.queriesOfProfiledCallMs = +sum(profiled.queries.map((q) => q.ms)).toFixed(1);
    breakdown.note =
      client === 'postgres'
        ? 'the service sends its queries at once (Promise.all) over the pool: they overlap, their sum can exceed the call'
        : 'one SQLite connection: the queries run one after another, the call less their sum is JavaScript (judging, dates)';
    breakdown.queriesOfProfiledCall = profiled.queries;
    results.bySite.breakdown = breakdown;
    console.log(
      'breakdown',
      JSON.stringify({
        ...breakdown,
        queriesOfProfiledCall: breakdown.queriesOfProfiledCall.slice(0, 4),
      })
    );

    // 2. The daily alert job: the first run creates every state, later ones find nothing new.
    const alerts = strapi.plugin('governance').service('oversightAlerts');
    let first;
    const firstMs = await time(async () => {
      first = await alerts.raise(now);
    });
    const states = Number((await knex(more.ruleState.table).count({ n: '*' }))[0].n);
    const alertRows = Number((await knex(more.alert.table).count({ n: '*' }))[0].n);
    if (states !== sites.length * RULES)
      throw new Error(
        `the first alert run left ${states} rule states, not ${sites.length * RULES}`
      );
    if (first.length !== notOk || alertRows !== notOk)
      throw new Error(
        `the first alert run raised ${first.length} alerts (${alertRows} stored), not one per rule not ok (${notOk})`
      );
    const againRuns = [];
    for (let i = 0; i < RUNS; i += 1) {
      let again;
      againRuns.push(
        await time(async () => {
          again = await alerts.raise(now);
        })
      );
      if (again.length !== 0)
        throw new Error(`alert run ${i + 2} raised ${again.length} alerts, not 0`);
    }
    if (Number((await knex(more.alert.table).count({ n: '*' }))[0].n) !== alertRows)
      throw new Error('later alert runs stored alerts');
    results.alerts = {
      firstRunMs: +firstMs.toFixed(1),
      firstRunAlerts: first.length,
      ruleStatesCreated: states,
      laterRunsMedianMs: +median(againRuns).toFixed(1),
      laterRunsMs: againRuns.map((ms) => +ms.toFixed(1)),
      laterRunsAlerts: 0,
      firstVsBySite: +(firstMs / bySiteMs).toFixed(2),
      laterVsBySite: +(median(againRuns) / bySiteMs).toFixed(2),
    };
    console.log('alerts', JSON.stringify(results.alerts));

    // 3. The inspection notice of the last quarter.
    const notices = strapi.plugin('governance').service('inspectionNotices');
    let draft = await notices.draft(quarter.from, quarter.to, now); // warm-up
    const draftRuns = [];
    for (let i = 0; i < RUNS; i += 1)
      draftRuns.push(
        await time(async () => {
          draft = await notices.draft(quarter.from, quarter.to, now);
        })
      );
    const overall = draft.sections[0].paragraphs[0];
    if (!overall.includes(`${sites.length}个网站共发布信息${expected.quarter}条`)) {
      throw new Error(
        `the notice does not count the quarter's ${expected.quarter} articles of ${sites.length} sites: ${overall}`
      );
    }
    results.notice = {
      period: { from: quarter.from, to: quarter.to },
      quarterArticles: expected.quarter,
      named: draft.named.length,
      praised: draft.praised.length,
      medianMs: +median(draftRuns).toFixed(1),
      runsMs: draftRuns.map((ms) => +ms.toFixed(1)),
      vsBySite: +(median(draftRuns) / bySiteMs).toFixed(2),
    };
    console.log('notice', JSON.stringify(results.notice));
    results.checks.passed.push(
      `first alert run: ${states} rule states, ${first.length} alerts = rules not ok`,
      `${RUNS} later alert runs: 0 alerts`,
      `notice ${quarter.from}–${quarter.to}: ${expected.quarter} articles of ${sites.length} sites as inserted`
    );

    results.bySiteVsGroupBy = results.bySite.ratio;
    writeResults('oversight', results);
  } finally {
    if (emptied)
      await emptyTables(knex, client, [...filled, ...audit, ...keptFigureTables(strapi)]);
    await stop();
  }
};

runBench(main);
