/**
 * bench/scale.js's parts that stand on their own: a page's slowest queries with their plans,
 * the one-row request under load, and the kept figures' cost on a publish.
 */
const { execFile, spawn } = require('child_process');
const os = require('os');
const path = require('path');
const { median, time, mulberry32, queryPlan, timedQueries, demoReviewUsers } = require('./helpers');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 20);
const IN_FLIGHT = 16;
/** The probe under load goes on until this many answers, however long they wait. */
const MIN_PROBES = 10;
/** The staff instance's niceness under load (BENCH_STAFF_NICE; 0: the same as the citizens'). */
const STAFF_NICE = Number(process.env.BENCH_STAFF_NICE ?? 0);
const ARTICLE = 'api::article.article';

const oneLine = (sql) => sql.replace(/\s+/g, ' ');

/**
 * Runs `fn` (one request, nothing else running): its time, its queries' number and summed time
 * (on SQLite the rest is JavaScript), and its three slowest SELECTs with their plans (on
 * PostgreSQL EXPLAIN ANALYZE's: the query runs again).
 */
const slowestQueries = async (strapi, fn) => {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  const { ms, queries } = await timedQueries(knex, fn);
  const slowest = [];
  for (const { ms: queryMs, query } of queries
    .filter(({ query }) => /^\s*select/i.test(query.sql))
    .slice(0, 3))
    slowest.push({
      ms: +queryMs.toFixed(1),
      sql: oneLine(query.sql),
      bindings: query.bindings.map((b) => String(b).slice(0, 40)),
      plan: await queryPlan(knex, client, query.sql, query.bindings),
    });
  return {
    requestMs: +ms.toFixed(1),
    queries: queries.length,
    queriesMs: +queries.reduce((sum, q) => sum + q.ms, 0).toFixed(1),
    slowest,
  };
};

/** The queries of `fn` that ran longer than `ms` (on SQLite each held the event loop as long). */
const queriesLongerThan = async (strapi, ms, fn) => {
  const knex = strapi.db.connection;
  const { queries: long } = await timedQueries(knex, fn, { overMs: ms });
  // EXPLAIN ANALYZE runs what it explains: only a read is explained (not a write, nor ANALYZE).
  const first = long.find((q) => /^\s*select\b/i.test(q.query.sql));
  return {
    count: long.length,
    slowest: long.slice(0, 5).map((q) => ({ ms: +q.ms.toFixed(1), sql: oneLine(q.query.sql) })),
    ...(first && {
      explained: oneLine(first.query.sql),
      slowestBindings: first.query.bindings.map((b) => String(b).slice(0, 40)),
      slowestPlan: await queryPlan(
        knex,
        strapi.db.dialect.client,
        first.query.sql,
        first.query.bindings
      ),
    }),
  };
};

/**
 * The demo's server (bench/scale-server.js) in its own process, `env` naming its database; or,
 * with `attach`, one more instance on this process's database. Answers its address and `stop()`
 * once it answers.
 */
const startDemoServer = (password, env, { attach = false } = {}) =>
  new Promise((resolve, reject) => {
    const args = [
      path.join(__dirname, 'scale-server.js'),
      password,
      ...(attach ? ['--attach'] : []),
    ];
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((done) => child.once('exit', done));
    exited.then((code) =>
      reject(new Error(`the demo's server stopped (${code}) before answering`))
    );
    child.stdout.setEncoding('utf8');
    let tail = '';
    child.stdout.on('data', (chunk) => {
      const lines = (tail + chunk).split('\n');
      tail = lines.pop();
      for (const line of lines) {
        const ready = line.match(/SCALE_SERVER_READY (\{.*\})/);
        if (ready)
          resolve({
            base: `http://127.0.0.1:${JSON.parse(ready[1]).port}`,
            async stop() {
              child.kill('SIGTERM');
              await exited;
            },
          });
      }
    });
  });

/**
 * bench/load.js in its own process: GETs, `concurrency` in flight, for `seconds` and at least
 * `minRequests`. `onChild` gets the process (to stop it early).
 */
const load = (
  url,
  concurrency,
  seconds,
  { targets, minRequests = 0, intervalMs = 0, onChild = () => {} } = {}
) =>
  new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [path.join(__dirname, 'load.js'), url, 'get', String(concurrency), String(seconds)],
      {
        env: {
          ...process.env,
          BENCH_LOAD_TARGETS: targets ? JSON.stringify(targets) : '',
          BENCH_LOAD_MIN_REQUESTS: String(minRequests),
          BENCH_LOAD_INTERVAL_MS: String(intervalMs),
        },
      },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout)))
    );
    onChild(child);
  });

/**
 * The one-row public request `probe`, one at a time, alone and while IN_FLIGHT requests of the
 * editor's home card and the 2014 ranking (half each) keep the staff's instance (`base`) busy:
 * asked of the citizens' instance (`publicBase`, another process on the same database, as
 * docs/operations.md deploys them; the target) and of the busy instance itself (for reference:
 * one Node process answers one request at a time).
 */
const loadTest = async (base, publicBase, tokens, probe) => {
  const probes = { public: `${publicBase}${probe}`, sameInstance: `${base}${probe}` };
  const unloaded = {};
  for (const [where, url] of Object.entries(probes)) {
    await load(url, 1, 2); // warm-up
    unloaded[where] = await load(url, 1, SECONDS);
  }
  const targets = [
    { url: `${base}/governance/oversight/own`, token: tokens.editor },
    { url: `${base}/governance/rankings?year=2014`, token: tokens.admin },
  ];
  // The load runs until the probes are done, then is stopped. With BENCH_STAFF_NICE, the staff's
  // instance (this process) and its load run at that niceness meanwhile, as docs/operations.md
  // gives the citizens' instance priority over the staff's on a shared machine.
  let busyChild;
  const busy = load('-', IN_FLIGHT, 3600, {
    targets,
    onChild: (child) => {
      busyChild = child;
      if (STAFF_NICE) os.setPriority(child.pid, STAFF_NICE);
    },
  });
  if (STAFF_NICE) os.setPriority(STAFF_NICE);
  const loaded = {};
  try {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (const [where, url] of Object.entries(probes))
      loaded[where] = await load(url, 1, SECONDS, { minRequests: MIN_PROBES });
  } finally {
    busyChild.kill('SIGTERM');
    // Back to normal (lowering niceness again needs root, which the bench's machine has).
    if (STAFF_NICE) os.setPriority(0);
  }
  const background = await busy;
  for (const where of Object.keys(probes))
    if (unloaded[where].errors + loaded[where].errors > 0)
      throw new Error(`the probe failed: ${JSON.stringify({ unloaded, loaded })}`);
  const ratios = (where) => ({
    unloaded: unloaded[where],
    loaded: loaded[where],
    p50Ratio: +(loaded[where].p50Ms / unloaded[where].p50Ms).toFixed(2),
    p99Ratio: +(loaded[where].p99Ms / unloaded[where].p99Ms).toFixed(2),
  });
  const result = {
    loadAverage: +os.loadavg()[0].toFixed(2),
    probe,
    seconds: SECONDS,
    inFlight: IN_FLIGHT,
    staffNice: STAFF_NICE,
    public: { ...ratios('public'), target: 2 },
    sameInstance: ratios('sameInstance'),
    background,
  };
  console.log('load', JSON.stringify(result));
  return result;
};

/** Submitted and approved by both steps of the county's chain (bench/review.js). */
const approve = async (strapi, documentId, users) => {
  const review = strapi.plugin('governance').service('review');
  await review.submit(documentId, users.editor);
  for (const who of [users.reviewer, users.approver]) {
    const { contentHash } = await review.describe(documentId, who);
    await review.approve(documentId, who, {
      seenHash: contentHash,
      checklist: { noClassifiedContent: true, noPersonalData: true, wordingChecked: true },
    });
  }
};

const PHRASES = [
  '社区养老服务站正式投入运营，',
  '城乡低保对象动态管理工作全面开展，',
  '临时救助资金及时发放到位，',
  '婚姻登记窗口推行预约服务，',
  '殡葬改革宣传进村入户，',
  '地名标志设置工作稳步推进，',
  '慈善超市新增爱心物资，',
  '困难残疾人生活补贴按时足额发放，',
];

/**
 * Publishes 2 × PUBLISHES approved articles of the county editor's site, with the kept figures
 * and without them (the publication figures' `refresh` a no-op) taking turns (ABBA). The
 * articles published without are counted in the figures afterwards.
 */
const publishCost = async (strapi) => {
  const { users, site } = await demoReviewUsers(strapi);
  const random = mulberry32(22);
  const text = () =>
    Array.from({ length: 40 }, () => PHRASES[Math.floor(random() * PHRASES.length)]).join('');
  const documentIds = [];
  for (let i = 0; i < 2 * PUBLISHES; i += 1) {
    const { documentId } = await strapi.documents(ARTICLE).create({
      data: {
        title: `汉滨区民政工作简报第${i + 1}期`,
        site: site.documentId,
        column: '工作动态',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: text() }] }],
      },
    });
    await approve(strapi, documentId, users);
    documentIds.push(documentId);
  }
  const figures = strapi.plugin('governance').service('publicationFigures');
  const keep = figures.refresh;
  const runs = { with: [], without: [] };
  const uncounted = [];
  for (const [i, documentId] of documentIds.entries()) {
    const mode = i % 4 === 0 || i % 4 === 3 ? 'with' : 'without';
    if (mode === 'without') {
      figures.refresh = async () => [];
      uncounted.push(documentId);
    }
    try {
      runs[mode].push(await time(() => strapi.documents(ARTICLE).publish({ documentId })));
    } finally {
      figures.refresh = keep;
    }
  }
  await figures.refresh(uncounted);
  const result = {
    publishes: PUBLISHES,
    withMedianMs: +median(runs.with).toFixed(1),
    withoutMedianMs: +median(runs.without).toFixed(1),
    withRunsMs: runs.with.map((ms) => +ms.toFixed(1)),
    withoutRunsMs: runs.without.map((ms) => +ms.toFixed(1)),
    ratio: +(median(runs.with) / median(runs.without)).toFixed(2),
    target: 1.2,
  };
  console.log('publish', JSON.stringify(result));
  return result;
};

module.exports = {
  startDemoServer,
  slowestQueries,
  queriesLongerThan,
  load,
  loadTest,
  publishCost,
};
