/**
 * `node bench/audit.js` (after `npm run build:server`): 校验完整性 (`audit.verify()`) over a long
 * 操作日志, and how long it holds the event loop. better-sqlite3 answers synchronously: a walk over
 * the chain that never gives way keeps every other request waiting until it ends. The rule
 * (ARCHITECTURE.md, Scale): nothing a user triggers holds the main thread more than about 50 ms.
 *
 * BENCH_ENTRIES (default 100,000) keyed entries are inserted with knex directly, their HMACs
 * computed with the compiled chain.js and the key the bench sets, and the head moved to the last;
 * the head is then signed into the checkpoint file (itself a walk of the whole chain). Then
 * BENCH_RUNS (3) verifies, each watched by a lag probe (a 1 ms timer: the longest gap between two
 * of its ticks, less 1 ms, is the longest hold) and by `perf_hooks.monitorEventLoopDelay`.
 * Reported: the total time of a verify and per entry, the longest hold as a ratio against the
 * 50 ms budget (target: well under 1; the walk reads and hashes `BATCH` entries between two yields),
 * the checkpoint's walk likewise, and the verify's answer (checked: it must be ok and count every entry).
 *
 * Uses a scratch SQLite file unless DATABASE_CLIENT names PostgreSQL: then DATABASE_NAME must be
 * an empty scratch database, whose audit tables are emptied at the end. Results print and go to
 * bench/results/ (git-ignored).
 */
const path = require('path');
const {
  appDir,
  median,
  time,
  watched,
  startScratchStrapi,
  writeResults,
  runBench,
} = require('./helpers');

const pluginDist = path.join(appDir, 'src/plugins/governance/dist/server/src');
const { deriveKeys, entryHash, GENESIS } = require(path.join(pluginDist, 'audit/chain.js'));
const { dbNames } = require(path.join(pluginDist, 'utils/db-names.js'));

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BUDGET_MS = 50;
const ENTRY = 'plugin::governance.audit-entry';
const HEAD = 'plugin::governance.audit-head';

const main = async () => {
  const { strapi, stop } = await startScratchStrapi();
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client === 'sqlite' ? 'sqlite' : 'postgres';
  const entry = dbNames(strapi, ENTRY);
  const head = dbNames(strapi, HEAD);
  const audit = strapi.plugin('governance').service('audit');
  const results = {
    bench: 'audit',
    client,
    entries: ENTRIES,
    runs: RUNS,
    budgetMs: BUDGET_MS,
    at: new Date().toISOString(),
  };
  try {
    // The log: keyed entries after the head, as the service would have written them.
    const key = deriveKeys(process.env.AUDIT_KEY).entries;
    const start = await strapi.db.query(HEAD).findOne({ where: { name: 'audit' } });
    let previous = start.hash ?? GENESIS;
    const since = Date.now() - ENTRIES * 1000;
    const perInsert = client === 'postgres' ? 1000 : 250;
    const loadMs = await time(() =>
      knex.transaction(async (trx) => {
        let rows = [];
        for (let i = 1; i <= ENTRIES; i += 1) {
          const content = {
            seq: start.seq + i,
            at: new Date(since + i * 1000).toISOString(),
            action: i % 7 === 0 ? 'login.failure' : 'login.success',
            actorId: null,
            actorName: `人员 ${i % 300}`,
            subject: `user${i % 300}@example.gov.cn`,
            summary: i % 7 === 0 ? '登录失败：密码错误' : '登录成功',
            details: i % 7 === 0 ? { reason: 'password', attempt: i % 5 } : null,
            ip: `198.51.100.${i % 250}`,
            prevHash: previous,
          };
          previous = entryHash(content, key);
          rows.push({
            [entry.column('seq')]: content.seq,
            [entry.column('at')]: new Date(content.at),
            [entry.column('action')]: content.action,
            [entry.column('actorId')]: null,
            [entry.column('actorName')]: content.actorName,
            [entry.column('subject')]: content.subject,
            [entry.column('summary')]: content.summary,
            [entry.column('details')]:
              content.details === null ? null : JSON.stringify(content.details),
            [entry.column('ip')]: content.ip,
            [entry.column('prevHash')]: content.prevHash,
            [entry.column('hash')]: previous,
          });
          if (rows.length === perInsert) {
            await trx(entry.table).insert(rows);
            rows = [];
          }
        }
        if (rows.length > 0) await trx(entry.table).insert(rows);
        await trx(head.table)
          .where(head.column('name'), 'audit')
          .update({ [head.column('seq')]: start.seq + ENTRIES, [head.column('hash')]: previous });
      })
    );
    results.loadMs = Math.round(loadMs);
    console.log(`loaded ${ENTRIES} entries in ${Math.round(loadMs)} ms`);

    const signed = await watched(() => audit.checkpoint());
    if (!signed.answer || signed.answer.seq !== start.seq + ENTRIES)
      throw new Error(`the checkpoint did not sign the head: ${JSON.stringify(signed.answer)}`);
    results.checkpoint = {
      ms: Math.round(signed.ms),
      longestHoldMs: +signed.longestHoldMs.toFixed(1),
      holdVsBudget: +(signed.longestHoldMs / BUDGET_MS).toFixed(2),
    };
    console.log('checkpoint', JSON.stringify(results.checkpoint));

    const runs = [];
    for (let i = 0; i < RUNS; i += 1) {
      const run = await watched(() => audit.verify());
      if (!run.answer.ok || run.answer.checked < ENTRIES)
        throw new Error(`verify did not pass the whole log: ${JSON.stringify(run.answer)}`);
      runs.push(run);
      console.log(
        `verify ${i + 1}: ${Math.round(run.ms)} ms, longest hold ${run.longestHoldMs.toFixed(1)} ms`
      );
    }
    const longest = Math.max(...runs.map((run) => run.longestHoldMs));
    results.verify = {
      medianMs: Math.round(median(runs.map((run) => run.ms))),
      perEntryUs: +((median(runs.map((run) => run.ms)) * 1000) / ENTRIES).toFixed(1),
      runsMs: runs.map((run) => Math.round(run.ms)),
      longestHoldMs: +longest.toFixed(1),
      holdVsBudget: +(longest / BUDGET_MS).toFixed(2),
      loopDelayMaxMs: +Math.max(...runs.map((run) => run.loopDelayMaxMs)).toFixed(1),
      // The machine is shared: a hold now and then is another process or a garbage collection, not a batch.
      loopDelayP99Ms: +Math.max(...runs.map((run) => run.loopDelayP99Ms)).toFixed(1),
      checked: runs[0].answer.checked,
    };
    results.holdVsBudget = results.verify.holdVsBudget;
    writeResults('audit', results);
  } finally {
    if (client === 'postgres') {
      await knex(entry.table).del();
      await knex(head.table).del();
    }
    await stop();
  }
};

runBench(main);
