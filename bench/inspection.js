/**
 * `node bench/inspection.js` (after `npm run build`): issue 19's benchmark of the content
 * inspection (内容巡检) over a whole province's archive.
 *
 *  1. A scratch Strapi with the demo loaded, its archive grown by plain SQL to BENCH_ARTICLES
 *     published articles (default 1,000,000; bench/scale-archive.js, as bench/scale.js grows it).
 *  2. The lists made large: BENCH_WORDS (10,000) words, a tenth of them 禁用 and the rest 慎用, and
 *     BENCH_RULES (1,000) 规范表述 rules, made-up strings written by SQL; one published article in
 *     FOUND_EVERY has one of ten 慎用 words added to its summary, so that the check finds and
 *     records something, as a real list does now and then.
 *  3. Reading: every published article read as the inspection reads it (its batches by id, the
 *     same populate, the files its body links to, its texts and their digest), nothing checked:
 *     articles per second. Read twice: quietly, and under the probes of step 5 at the staff's
 *     niceness, as the inspection runs; the second is the baseline of the inspection's ratio.
 *  4. The inspection itself (`contentInspection.run`), every article checked (none has been
 *     before): articles per second, findings, the longest hold of the event loop. Target: its
 *     time at most 2× the reading's.
 *  5. During step 4, the one-row public request `/api/sites?pagination[pageSize]=1` asked every
 *     20 ms by another process (bench/load.js), as citizens' requests come, against the same
 *     request before it, idle: its p50 and p99. Asked of a citizens' instance (another process on
 *     the same database, with CRON_ENABLED=false, as docs/operations.md deploys them: the target,
 *     within 2×) and of the inspecting instance itself (for reference). With BENCH_STAFF_NICE
 *     (default 10, as operations.md runs the staff's instances), the inspecting process runs at
 *     that niceness meanwhile.
 *
 * A scratch SQLite file unless DATABASE_CLIENT names PostgreSQL; then DATABASE_NAME must be an
 * empty scratch database (`createdb -h 127.0.0.1 -U postgres bench_inspection`), dropped
 * afterwards. Results print and go to bench/results/ (git-ignored). Try a small size first:
 * `BENCH_ARTICLES=150000 BENCH_WORDS=2000 BENCH_RULES=200 node bench/inspection.js`.
 * BENCH_PROFILE=/tmp/inspection.cpuprofile records the main thread's CPU profile of step 4, and
 * of the reading beside it (inspection-reading.cpuprofile). BENCH_STATEMENTS=1 prints the
 * inspection's statements with their counts and summed wall times.
 */
const { createHash, randomUUID } = require('crypto');
const os = require('os');
const path = require('path');
const {
  appDir,
  distDir,
  mulberry32,
  startScratchStrapi,
  watched,
  writeResults,
  runBench,
  assertEmpty,
  ARTICLE,
} = require('./helpers');
const { growArchive } = require('./scale-archive');
const { load, startDemoServer } = require('./scale-parts');

const { loadDemo } = require(path.join(distDir, 'database/seeds/load-demo.js'));
const plugin = (file) => require(path.join(appDir, 'src/plugins/governance/dist/server/src', file));
const { reviewedPopulate } = plugin('review/content-hash.js');
const { reviewedTexts } = plugin('review/sensitive-words.js');
const { attachmentsOf, linkedFilesOf } = plugin('review/attachment-scan.js');

const TARGET = Number(process.env.BENCH_ARTICLES ?? 1_000_000);
const WORDS = Number(process.env.BENCH_WORDS ?? 10_000);
const RULES = Number(process.env.BENCH_RULES ?? 1_000);
const IDLE_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** The inspection's own batch: the reading is timed as the inspection reads. */
const { INSPECTION_BATCH: BATCH } = plugin('inspection/service.js');
const STAFF_NICE = Number(process.env.BENCH_STAFF_NICE ?? 10);
const PROBE = '/api/sites?pagination[pageSize]=1';
/** The probe asks once every this many ms: a citizen's stream, not a load of its own. */
const PROBE_EVERY_MS = 20;
/** One published article in this many says one of ten of the list's words. */
const FOUND_EVERY = 1000;
const FOUND_WORDS = 10;

/** A made-up word of `length` common Chinese characters (U+4E00–U+62FF), from `random`. */
const madeUp = (random, length) =>
  String.fromCodePoint(
    ...Array.from({ length }, () => 0x4e00 + Math.floor(random() * (0x62ff - 0x4e00)))
  );

/** Step 2: the word list and the wording rules, written by SQL (the lists' own tables). */
const fillLists = async (strapi) => {
  const knex = strapi.db.connection;
  const random = mulberry32(19);
  const now = new Date();
  const row = (data) => ({
    document_id: randomUUID(),
    created_at: now,
    updated_at: now,
    published_at: now,
    ...data,
  });
  const words = strapi.db.metadata.get('plugin::governance.sensitive-word');
  const rules = strapi.db.metadata.get('plugin::governance.wording-rule');
  const col = (meta, name) => meta.attributes[name].columnName ?? name;
  const article = strapi.db.metadata.get(ARTICLE);
  const seen = new Set();
  const unique = (length) => {
    for (;;) {
      const word = madeUp(random, length);
      if (!seen.has(word)) {
        seen.add(word);
        return word;
      }
    }
  };
  const found = Array.from({ length: FOUND_WORDS }, () => unique(4));
  const wordRows = [
    ...found.map((word) => row({ [col(words, 'word')]: word, [col(words, 'level')]: 'check' })),
    ...Array.from({ length: WORDS - found.length }, (_, i) =>
      row({
        [col(words, 'word')]: unique(2 + (i % 3)),
        [col(words, 'level')]: i % 10 === 0 ? 'forbidden' : 'check',
      })
    ),
  ];
  const ruleRows = Array.from({ length: RULES }, () =>
    row({
      [col(rules, 'wrong')]: unique(4 + Math.floor(random() * 3)),
      [col(rules, 'right')]: unique(4),
      [col(rules, 'category')]: 'political',
    })
  );
  for (const [table, rows] of [
    [words.tableName, wordRows],
    [rules.tableName, ruleRows],
  ])
    for (let i = 0; i < rows.length; i += 500) await knex(table).insert(rows.slice(i, i + 500));
  // The words said here and there: article n × FOUND_EVERY says word n mod FOUND_WORDS.
  const summary = col(article, 'summary');
  const said = await knex(article.tableName)
    .whereNotNull('published_at')
    .whereRaw('id % ? = 0', [FOUND_EVERY])
    .update({
      [summary]: knex.raw(
        `coalesce(??, '') || case ${found.map((_, i) => `when (id / ?) % ? = ${i} then ?`).join(' ')} end`,
        [summary, ...found.flatMap((word) => [FOUND_EVERY, FOUND_WORDS, word])]
      ),
    });
  return { words: wordRows.length, foundWords: found, saidIn: said, rules: ruleRows.length };
};

/** Step 3: the published articles read as the inspection reads them, nothing checked. */
const readAll = async (strapi) => {
  const components = (uid) => strapi.getModel(uid);
  const model = strapi.getModel(ARTICLE);
  const populate = reviewedPopulate(model, components);
  let cursor = 0;
  let read = 0;
  for (;;) {
    const rows = await strapi.db.query(ARTICLE).findMany({
      where: { publishedAt: { $notNull: true }, id: { $gt: cursor } },
      populate,
      orderBy: { id: 'asc' },
      limit: BATCH,
    });
    if (rows.length === 0) return read;
    const linked = await linkedFilesOf(strapi, rows);
    rows.forEach((row, index) => {
      const fields = reviewedTexts(model, row, components);
      const files = [...attachmentsOf(row), ...linked[index]];
      createHash('sha256')
        .update(JSON.stringify([fields, files.map(({ name, file }) => [name, file.id])]))
        .digest('hex');
    });
    read += rows.length;
    cursor = rows[rows.length - 1].id;
    await new Promise((resolve) => setImmediate(resolve));
  }
};

/**
 * BENCH_PROFILE=file.cpuprofile: the main thread's CPU profile; with BENCH_HEAP_PROFILE=1 also a
 * sample of what it allocated (file.heapprofile; DevTools opens both).
 */
const profiling = async () => {
  const { Session } = require('inspector');
  const session = new Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, answer) => (error ? reject(error) : resolve(answer)))
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  // Sampling every allocation slows the main thread down a great deal: only when asked.
  const heap = Boolean(process.env.BENCH_HEAP_PROFILE);
  if (heap) {
    await post('HeapProfiler.enable');
    await post('HeapProfiler.startSampling', {
      samplingInterval: 64 * 1024,
      // Every allocation, not only what is still alive at the end.
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  }
  return {
    async save(file) {
      const { profile } = await post('Profiler.stop');
      require('fs').writeFileSync(file, JSON.stringify(profile));
      console.log(`  the main thread's CPU profile: ${file}`);
      if (heap) {
        const { profile: allocated } = await post('HeapProfiler.stopSampling');
        const heapFile = file.replace(/(\.cpuprofile)?$/, '.heapprofile');
        require('fs').writeFileSync(heapFile, JSON.stringify(allocated));
        console.log(`  what it allocated: ${heapFile}`);
      }
      session.disconnect();
    },
  };
};

/**
 * BENCH_STATEMENTS=1: each statement's count and wall time (from its call to its answer, waits
 * included), summed by its text with the parameters folded, printed for the inspection: what a
 * batch spends where on a database whose statements do not hold the main thread.
 */
const timingStatements = (knex) => {
  // The prototype's, so that a transaction's client (made from it, knex makeTxClient) is timed too.
  const client = Object.getPrototypeOf(knex.client);
  const query = client._query;
  const totals = new Map();
  const examples = new Map();
  client._query = async function (connection, object) {
    const started = process.hrtime.bigint();
    try {
      return await query.call(this, connection, object);
    } finally {
      const sql = (object.sql ?? String(object))
        .replace(/(\$\d+|\?)(\s*,\s*(\$\d+|\?))+/g, '…')
        .slice(0, 140);
      const total = totals.get(sql) ?? { count: 0, ms: 0 };
      total.count += 1;
      total.ms += Number(process.hrtime.bigint() - started) / 1e6;
      totals.set(sql, total);
      if (!examples.has(sql)) examples.set(sql, object.sql);
    }
  };
  return {
    report() {
      client._query = query;
      const rows = [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 20);
      for (const [sql, { count, ms }] of rows)
        console.log(
          `  ${(ms / 1000).toFixed(1).padStart(7)} s ${String(count).padStart(7)}×  ${sql}`
        );
      return rows.map(([sql, total]) => ({ ...total, example: examples.get(sql) }));
    },
  };
};

const perSecond = (count, ms) => Math.round(count / (ms / 1000));

const main = async () => {
  const { strapi, stop } = await startScratchStrapi();
  strapi.cron.stop(); // no nightly job in between
  const knex = strapi.db.connection;
  const { timezone } = strapi.config.get('plugin::governance');
  const results = {
    client: strapi.db.dialect.client,
    date: new Date().toISOString(),
    target: TARGET,
  };
  let citizens = null;
  try {
    await assertEmpty(knex, [strapi.db.metadata.get(ARTICLE).tableName]);
    console.log('Loading the demo …');
    await loadDemo(strapi, appDir);
    results.grown = await growArchive(strapi, { target: TARGET, timezone });
    results.lists = await fillLists(strapi);
    console.log(`Lists: ${results.lists.words} words, ${results.lists.rules} wording rules.`);
    await strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    citizens = await startDemoServer('', { CRON_ENABLED: 'false' }, { attach: true });
    const probes = {
      citizensInstance: `${citizens.base}${PROBE}`,
      sameInstance: `http://127.0.0.1:${strapi.server.httpServer.address().port}${PROBE}`,
    };
    const paced = { intervalMs: PROBE_EVERY_MS };
    const idle = {};
    for (const [where, url] of Object.entries(probes)) {
      await load(url, 1, 2, paced); // warm-up
      idle[where] = await load(url, 1, IDLE_SECONDS, paced);
    }

    // The reading and the inspection run alike: the probes asking meanwhile, the staff's
    // niceness, so that their ratio is the inspection's own cost.
    const stopping = async (probers, during) => {
      for (const child of probers) child.kill('SIGTERM');
      return Promise.all(during);
    };
    const probed = async (work) => {
      const probers = [];
      const during = Object.values(probes).map((url) =>
        load(url, 1, 24 * 3600, { ...paced, onChild: (child) => probers.push(child) })
      );
      // Once set, it stays: the quiet reading came first.
      if (STAFF_NICE) os.setPriority(STAFF_NICE);
      return { ...(await watched(work)), probes: await stopping(probers, during) };
    };

    console.log('Reading every published article as the inspection does …');
    const quietReading = await watched(() => readAll(strapi));
    const readingProfile = process.env.BENCH_PROFILE && (await profiling());
    const reading = await probed(() => readAll(strapi));
    if (readingProfile)
      await readingProfile.save(
        process.env.BENCH_PROFILE.replace(/(\.cpuprofile)?$/, '-reading$1')
      );
    results.reading = {
      articles: reading.answer,
      seconds: +(reading.ms / 1000).toFixed(1),
      articlesPerSecond: perSecond(reading.answer, reading.ms),
      longestHoldMs: +reading.longestHoldMs.toFixed(1),
      cpuSeconds: +reading.cpuSeconds.toFixed(1),
      mainThreadBusySeconds: +reading.mainThreadBusySeconds.toFixed(1),
      quietSeconds: +(quietReading.ms / 1000).toFixed(1),
    };
    console.log(`  ${JSON.stringify(results.reading)}`);

    console.log('The inspection, every article checked …');
    let lastLine = 0;
    const profile = process.env.BENCH_PROFILE && (await profiling());
    const statements = process.env.BENCH_STATEMENTS && timingStatements(knex);
    const inspection = await probed(() =>
      strapi
        .plugin('governance')
        .service('contentInspection')
        .run({
          trigger: 'manual',
          onProgress: ({ read, checked, found }) => {
            if (Date.now() - lastLine < 10_000) return;
            lastLine = Date.now();
            console.log(`  read ${read}, checked ${checked}, open findings ${found}`);
          },
        })
    );
    if (profile) await profile.save(process.env.BENCH_PROFILE);
    if (statements) results.statements = statements.report();
    const [citizensLoaded, sameLoaded] = inspection.probes;
    const { read, checked, found } = inspection.answer;
    results.inspection = {
      read,
      checked,
      openFindings: found,
      seconds: +(inspection.ms / 1000).toFixed(1),
      articlesPerSecond: perSecond(read, inspection.ms),
      longestHoldMs: +inspection.longestHoldMs.toFixed(1),
      cpuSeconds: +inspection.cpuSeconds.toFixed(1),
      mainThreadBusySeconds: +inspection.mainThreadBusySeconds.toFixed(1),
      ratioToReading: +(inspection.ms / reading.ms).toFixed(2),
      target: 2,
    };
    const ratios = (where, loaded) => ({
      idle: idle[where],
      duringInspection: loaded,
      p50Ratio: +(loaded.p50Ms / idle[where].p50Ms).toFixed(2),
      p99Ratio: +(loaded.p99Ms / idle[where].p99Ms).toFixed(2),
    });
    results.probe = {
      path: PROBE,
      everyMs: PROBE_EVERY_MS,
      staffNice: STAFF_NICE,
      citizensInstance: { ...ratios('citizensInstance', citizensLoaded), target: 2 },
      sameInstance: ratios('sameInstance', sameLoaded),
    };
    results.loadAverage = +os.loadavg()[0].toFixed(2);
    console.log(`  ${JSON.stringify(results.inspection)}`);
    const { citizensInstance: c, sameInstance: same } = results.probe;
    console.log(
      `One-row request during the inspection: citizens' instance p50 ${c.p50Ratio}×, p99 ${c.p99Ratio}× (target 2×); the inspecting instance p50 ${same.p50Ratio}×, p99 ${same.p99Ratio}×`
    );
    writeResults('inspection', results);
  } finally {
    await citizens?.stop();
    await stop();
  }
};

runBench(main);
