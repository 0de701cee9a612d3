/**
 * What every in-process benchmark shares: Strapi booted on a scratch database with throwaway
 * secrets, timing, medians, and the results file.
 */
const { createStrapi } = require('@strapi/strapi');
const { randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');
const { monitorEventLoopDelay } = require('perf_hooks');

const appDir = path.join(__dirname, '..');
const distDir = path.join(appDir, 'dist');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const time = async (fn) => {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
};

/**
 * Boots Strapi on a scratch SQLite file, or on the database DATABASE_CLIENT/DATABASE_NAME name
 * (which must then be a scratch database). `stop()` destroys Strapi and removes the file.
 */
/** The application on the database its environment names, quiet but for warnings. */
const loadStrapi = async () => {
  const strapi = await createStrapi({
    appDir,
    distDir,
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  strapi.log.level = 'warn';
  return strapi;
};

/**
 * A Strapi of its own for a bench: on a new SQLite file (or the PostgreSQL database the
 * environment names), with secrets of its own; `database`: on that SQLite file instead, which
 * `stop()` then leaves (a database kept by an earlier run).
 */
const startScratchStrapi = async ({ database } = {}) => {
  const scratch =
    database ?? path.join(appDir, '.tmp', `bench-${randomBytes(4).toString('hex')}.db`);
  fs.mkdirSync(path.dirname(scratch), { recursive: true });
  const secret = () => randomBytes(16).toString('base64');
  Object.assign(process.env, {
    ENV_PATH: path.join(appDir, '.tmp', 'no-dotenv-in-bench'),
    DATABASE_CLIENT: process.env.DATABASE_CLIENT ?? 'sqlite',
    DATABASE_FILENAME: scratch,
    APP_KEYS: `${secret()},${secret()}`,
    ADMIN_JWT_SECRET: secret(),
    API_TOKEN_SALT: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(),
    JWT_SECRET: secret(),
    AUDIT_KEY: secret(),
    AUDIT_CHECKPOINT_FILE: `${scratch}.checkpoints.jsonl`,
  });
  const strapi = await loadStrapi();
  return {
    strapi,
    /** `keep`: leave the SQLite file (bench/holds.js reads it with BENCH_DATABASE). */
    async stop({ keep = false } = {}) {
      await strapi.destroy();
      if (keep || database) return;
      for (const suffix of ['', '-wal', '-shm', '-journal', '.checkpoints.jsonl'])
        fs.rmSync(`${scratch}${suffix}`, { force: true });
    },
  };
};

const writeResults = (name, results) => {
  console.log(JSON.stringify(results, null, 2));
  const out = path.join(__dirname, 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    path.join(out, `${name}-${results.client}-${Date.now()}.json`),
    JSON.stringify(results, null, 2)
  );
};

/*
 * The website group that the data benches (rankings.js, oversight.js) load with knex directly, as
 * database/seeds/load-demo.ts does: sites, articles (a published article is a draft row and a
 * published row with one document id, each linked to its site) and citizen messages.
 */

const ARTICLE = 'api::article.article';
const SITE = 'api::site.site';
const MESSAGE = 'api::citizen-message.citizen-message';
const VISIT = 'plugin::governance.site-visit';
const SITES = 150;
/**
 * Articles per insert statement (two rows each): knex writes SQLite's multi-row insert as a
 * compound SELECT, at most 500 terms. And articles per transaction.
 */
const perInsert = (client) => (client === 'postgres' ? 1000 : 250);
const PER_TRANSACTION = 50_000;

/** Deterministic figures: the same seed gives the same data on every run and database. */
const mulberry32 = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const rowsOf = (result) => (Array.isArray(result) ? result : result.rows);
const code = (n) => `site-${String(n).padStart(3, '0')}`;

/** 1 portal, 12 cities, 20 departments, 117 counties (each under a city), in sort order. */
const sitePlan = () =>
  Array.from({ length: SITES }, (_, i) => {
    const n = i + 1;
    const level = n === 1 ? 'portal' : n <= 13 ? 'city' : n <= 33 ? 'department' : 'county';
    return {
      n,
      code: code(n),
      level,
      sortOrder: n,
      parentCode: level === 'county' ? code(2 + (n % 12)) : null,
    };
  });

/**
 * Articles per site: uneven weights per site, every seventh site of a level given the weight of
 * the one before it (tied ranks), the sites `zero` names (by number) none. What rounding leaves
 * goes to the portal, alone in its level.
 */
const LEVEL_WEIGHT = { portal: 40, city: 4, department: 2, county: 1 };
const countsFor = (plan, total, seed, zero) => {
  const spread = mulberry32(seed);
  const weights = plan.map((s) =>
    zero.includes(s.n)
      ? 0
      : LEVEL_WEIGHT[s.level] * (s.level === 'portal' ? 1 : 1 + Math.floor(spread() * 1000) / 100)
  );
  for (let i = 1; i < plan.length; i += 1) {
    if (i % 7 === 0 && plan[i].level === plan[i - 1].level && weights[i] > 0 && weights[i - 1] > 0)
      weights[i] = weights[i - 1];
  }
  const all = sum(weights);
  const counts = weights.map((w) => Math.floor((total * w) / all));
  counts[0] += total - sum(counts);
  return counts;
};

/** Table and column names as Strapi created them (never hard-coded). */
const namesOf = (strapi) => {
  const { dbNames } = require(
    path.join(appDir, 'src/plugins/governance/dist/server/src/utils/db-names.js')
  );
  const article = dbNames(strapi, ARTICLE);
  const site = dbNames(strapi, SITE);
  const message = dbNames(strapi, MESSAGE);
  const parent = strapi.db.metadata.get(SITE).attributes.parent.joinTable;
  return {
    article,
    articleSite: article.joinTable('site'),
    site,
    siteParent: { ...site.joinTable('parent'), orderColumn: parent.inverseOrderColumnName ?? null },
    message,
    messageSite: message.joinTable('site'),
    visit: dbNames(strapi, VISIT),
  };
};

/** The tables a bench must find empty (DATABASE_NAME names a scratch database) and empties at the end. */
const assertEmpty = async (knex, tables) => {
  for (const table of tables) {
    if (Number((await knex(table).count({ n: '*' }))[0].n) > 0) {
      throw new Error(`${table} is not empty: DATABASE_NAME must name an empty scratch database`);
    }
  }
};
/** PostgreSQL only: SQLite's scratch file is removed anyway. */
const emptyTables = async (knex, client, tables) => {
  if (client === 'postgres')
    await knex.raw(
      `truncate table ${tables.map(() => '??').join(', ')} restart identity cascade`,
      tables
    );
};

/** The 150 sites of `sitePlan()`, open, with their ids and document ids. */
const createSites = async (knex, names) => {
  const { site, siteParent } = names;
  const now = new Date();
  const plan = sitePlan();
  await knex(site.table).insert(
    plan.map((s) => ({
      [site.column('documentId')]: `bs${randomBytes(10).toString('hex')}`,
      [site.column('name')]:
        `${s.level === 'portal' ? '门户' : s.level === 'city' ? '市' : s.level === 'department' ? '厅局' : '县'}站点${s.n}`,
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
  const rows = await knex(site.table).select({
    id: site.column('id'),
    code: site.column('code'),
    documentId: site.column('documentId'),
  });
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
  await knex.raw(`select setval(pg_get_serial_sequence(?, 'id'), (select max(id) from ??))`, [
    table,
    table,
  ]);
};

/**
 * Inserts `total` articles, the i-th as `describe(i)` gives it (called once per article, in
 * order): { siteId, at (its first publication), column, title, isSpecialTopic, published }. One
 * not published is a draft row only (published once and withdrawn: it must not count). Document
 * ids are `prefix` and the article's number; transactions of 50,000 articles, progress printed.
 */
const insertArticles = async (knex, client, names, { total, describe, prefix, label }) => {
  const { article, articleSite } = names;
  const c = (name) => article.column(name);
  let id = await nextId(knex, article.table);
  const started = Date.now();
  for (let from = 0; from < total; from += PER_TRANSACTION) {
    await knex.transaction(async (trx) => {
      for (
        let batch = from;
        batch < Math.min(total, from + PER_TRANSACTION);
        batch += perInsert(client)
      ) {
        const rows = [];
        const links = [];
        for (let i = batch; i < Math.min(total, batch + perInsert(client)); i += 1) {
          const { siteId, at, column, title, isSpecialTopic, published } = describe(i);
          const row = {
            [c('documentId')]: `${prefix}${i.toString(36)}`,
            // The site key the server keeps on every row (sites/site-key.ts).
            [c('siteKey')]: siteId,
            [c('title')]: title,
            [c('column')]: column,
            [c('isSpecialTopic')]: isSpecialTopic,
            [c('firstPublishedAt')]: at,
            [c('reviewStatus')]: published ? 'approved' : 'draft',
            [c('createdAt')]: at,
            [c('updatedAt')]: at,
          };
          rows.push({ [c('id')]: id, ...row, [c('publishedAt')]: null });
          links.push({ [articleSite.ownerColumn]: id, [articleSite.targetColumn]: siteId });
          id += 1;
          if (published) {
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
    console.log(
      `  ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} articles (${((Date.now() - started) / 1000).toFixed(1)} s)`
    );
  }
  await resetSequence(knex, client, article.table);
};

/**
 * Inserts citizen messages (consultations), each { siteId, documentId, queryCode, subject,
 * status, receivedAt, repliedAt } and optionally { dueAt, repliedOnTime, workingDaysToReply },
 * in one transaction.
 */
const insertMessages = async (knex, client, names, messages) => {
  const { message, messageSite } = names;
  const m = (name) => message.column(name);
  let id = await nextId(knex, message.table);
  const rows = [];
  const links = [];
  for (const msg of messages) {
    rows.push({
      [m('id')]: id,
      [m('documentId')]: msg.documentId,
      [m('siteKey')]: msg.siteId,
      [m('category')]: 'consultation',
      [m('subject')]: msg.subject,
      [m('body')]: '关于临时救助的咨询。',
      [m('name')]: '测试',
      [m('queryCode')]: msg.queryCode,
      [m('status')]: msg.status,
      [m('receivedAt')]: msg.receivedAt,
      [m('repliedAt')]: msg.repliedAt,
      ...(msg.dueAt !== undefined ? { [m('dueAt')]: msg.dueAt } : {}),
      ...(msg.repliedOnTime !== undefined ? { [m('repliedOnTime')]: msg.repliedOnTime } : {}),
      ...(msg.workingDaysToReply !== undefined
        ? { [m('workingDaysToReply')]: msg.workingDaysToReply }
        : {}),
      [m('createdAt')]: msg.receivedAt,
      [m('updatedAt')]: msg.repliedAt ?? msg.receivedAt,
      [m('publishedAt')]: msg.receivedAt,
    });
    links.push({ [messageSite.ownerColumn]: id, [messageSite.targetColumn]: msg.siteId });
    id += 1;
  }
  await knex.transaction(async (trx) => {
    for (let i = 0; i < rows.length; i += 400) {
      await trx(message.table).insert(rows.slice(i, i + 400));
      await trx(messageSite.table).insert(links.slice(i, i + 400));
    }
  });
  await resetSequence(knex, client, message.table);
};

/** Runs `fn` and answers the queries it sent whose SQL passes `test`. */
const catchQueries = async (knex, test, fn) => {
  const caught = [];
  const listener = (query) => test(query.sql) && caught.push(query);
  knex.on('query', listener);
  try {
    await fn();
  } finally {
    knex.removeListener('query', listener);
  }
  return caught;
};

/** The plan of a query as a caught or `toSQL()` one: EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL, EXPLAIN QUERY PLAN on SQLite. */
const queryPlan = async (knex, client, sql, bindings) => {
  // PostgreSQL's SQL comes numbered ($1 …); knex.raw takes `?`.
  const text = client === 'postgres' ? sql.replace(/\$\d+/g, '?') : sql;
  const rows = rowsOf(
    await knex.raw(
      `${client === 'postgres' ? 'explain (analyze, buffers)' : 'explain query plan'} ${text}`,
      bindings
    )
  );
  return rows.map((r) => r['QUERY PLAN'] ?? r.detail).join('\n');
};

/** Runs a benchmark's `main` and exits: 0 when it finished, 1 with the error printed when not. */
const runBench = (main) =>
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    }
  );

/** Runs `fn`, watching the event loop: its time, and the longest the loop was held meanwhile. */
const watched = async (fn) => {
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 1);
    last = now;
  }, 1);
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let answer;
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const ms = await time(async () => {
    answer = await fn();
  });
  const { user, system } = process.cpuUsage(cpu);
  const { active } = performance.eventLoopUtilization(elu);
  histogram.disable();
  clearInterval(probe);
  longest = Math.max(longest, performance.now() - last - 1);
  return {
    ms,
    longestHoldMs: longest,
    loopDelayMaxMs: histogram.max / 1e6,
    loopDelayP99Ms: histogram.percentile(99) / 1e6,
    // The process's CPU (every thread's), and the time its main thread was busy.
    cpuSeconds: (user + system) / 1e6,
    mainThreadBusySeconds: active / 1000,
    answer,
  };
};

/** The kept figures' tables (server/src/figures/): emptied with the tables a bench filled. */
const KEPT_FIGURE_TYPES = [
  'plugin::governance.publication-entry',
  'plugin::governance.publication-day',
  'plugin::governance.publication-month',
  'plugin::governance.publication-column',
  'plugin::governance.message-entry',
  'plugin::governance.message-day',
  'plugin::governance.message-month',
];
const keptFigureTables = (strapi) =>
  KEPT_FIGURE_TYPES.map((uid) => strapi.db.metadata.get(uid).tableName);

/**
 * Builds the kept figures from what a bench inserted by SQL, as `npm run stats:rebuild` does
 * after an import: its time and the longest hold of the event loop, with a line per tenth.
 */
const rebuildKeptFigures = async (strapi) => {
  let last = '';
  const started = performance.now();
  const built = await watched(() =>
    strapi
      .plugin('governance')
      .service('keptFigures')
      .rebuild({
        onProgress: ({ phase, done, total }) => {
          const key = `${phase}:${total ? Math.floor((done / total) * 10) : 10}`;
          if (key === last) return;
          last = key;
          console.log(
            `  kept figures, ${phase}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${((performance.now() - started) / 1000).toFixed(0)} s)`
          );
        },
      })
  );
  console.log(
    `Kept figures built in ${(built.ms / 1000).toFixed(1)} s, longest hold of the event loop ${built.longestHoldMs.toFixed(0)} ms.`
  );
  return { seconds: +(built.ms / 1000).toFixed(1), longestHoldMs: +built.longestHoldMs.toFixed(1) };
};

/**
 * Runs `fn` and answers its time and the queries it sent, each with its time, slowest first:
 * every one, or with `overMs` only those that took longer (a rebuild at 10,000,000 articles sends
 * millions: kept whole, they filled the heap).
 */
const timedQueries = async (knex, fn, { overMs = -1 } = {}) => {
  const sent = new Map();
  const done = [];
  const onQuery = (query) =>
    sent.set(query.__knexQueryUid, { query, started: process.hrtime.bigint() });
  const onResponse = (_response, query) => {
    const started = sent.get(query.__knexQueryUid);
    if (!started) return;
    sent.delete(query.__knexQueryUid);
    const ms = Number(process.hrtime.bigint() - started.started) / 1e6;
    if (ms > overMs) done.push({ ms, query: started.query });
  };
  const onError = (_error, query) => sent.delete(query.__knexQueryUid);
  knex.on('query', onQuery);
  knex.on('query-response', onResponse);
  knex.on('query-error', onError);
  let ms;
  try {
    ms = await time(fn);
  } finally {
    knex.removeListener('query', onQuery);
    knex.removeListener('query-response', onResponse);
    knex.removeListener('query-error', onError);
  }
  return { ms, queries: done.sort((a, b) => b.ms - a.ms) };
};

/**
 * The demo's review chain of 汉滨区 (ankang-hanbin): its editor, reviewer and approver as admin
 * users with their roles, and the site.
 */
const demoReviewUsers = async (strapi) => {
  const user = (email) =>
    strapi.db.query('admin::user').findOne({ where: { email }, populate: ['roles'] });
  return {
    users: {
      editor: await user('ankang-hanbin.editor@demo.example'),
      reviewer: await user('reviewer@demo.example'),
      approver: await user('approver@demo.example'),
    },
    site: await strapi.db.query('api::site.site').findOne({ where: { code: 'ankang-hanbin' } }),
  };
};

module.exports = {
  appDir,
  timedQueries,
  demoReviewUsers,
  distDir,
  median,
  time,
  watched,
  loadStrapi,
  startScratchStrapi,
  writeResults,
  runBench,
  ARTICLE,
  SITE,
  MESSAGE,
  VISIT,
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
  nextId,
  resetSequence,
  insertArticles,
  insertMessages,
  catchQueries,
  queryPlan,
  keptFigureTables,
  rebuildKeptFigures,
};
