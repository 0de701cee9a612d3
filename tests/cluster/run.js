/**
 * `npm run test:cluster`: a fault test of a real cluster. Three instances of the compiled
 * application (instance.js) on one PostgreSQL database, sharing one Redis, behind nginx — all
 * started here, privately (services.js), never the machine's shared servers. A load process
 * (load.js) sends citizen messages and visit beacons through nginx from many source addresses
 * while, in turn, each fault happens:
 *
 *   baseline       no fault (the control)
 *   sigkill        SIGKILL of one instance, restarted
 *   pg-restart     pg_ctl restart -m fast of the database
 *   redis-restart  redis-cli shutdown nosave, 5 s down, started again on the same port
 *   sigterm        SIGTERM of one instance (a deployment) just after a burst of requests, restarted
 *   redis-down-boot  Redis down while an instance is restarted (a deployment during an outage),
 *                  then Redis back
 *
 * After each phase, with every instance's visit counts flushed, the database is read directly:
 *  - every acknowledged message (201 + query code) is stored exactly once (no fault may lose one);
 *  - the visits acknowledged (204) for the phase's own site are all counted, except after a
 *    SIGKILL, where the visits the killed instance acknowledged in its last flush interval
 *    (plus a flush's duration) may be lost — nothing else;
 *  - the overdue job: every message it claimed has exactly one 'overdueNotice' event, and none
 *    left overdue is unclaimed. The job's rule has no environment variable: instance.js sets it
 *    to every 2 s, and this harness marks a few acknowledged messages overdue (due_at in the
 *    past) and expires the job's lease row (its hold is 10 minutes) as it runs, so the three
 *    instances compete for every run, and runs overlap, as after a long lease.
 *  - the cluster recovers: no error more than 3 s after the fault is over (errors while it
 *    lasts are counted by status, not judged).
 * It prints a table (fault × requests × errors by status × acknowledged-but-lost) and exits 1
 * on any loss beyond these bounds (2 when the cluster could not be set up). Logs of the last
 * run are kept in .tmp/cluster-logs/.
 */
const { fork, spawn } = require('child_process');
const { randomBytes } = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { Pool } = require('pg');
const { freePort, sleep, startNginx, startPostgres, startRedis, tail } = require('./services');

const appDir = path.join(__dirname, '..', '..');
const FLUSH_SECONDS = 2;
/** What a flush may take beyond its interval (the SIGKILL bound: a flush cut before COMMIT). */
const FLUSH_SLACK_MS = 500;
/** Once a fault is over (instance up, server back), errors after this long are failures. */
const RECOVERY_GRACE_MS = 3000;
/** Requests sent at once just before the SIGTERM (a third of them reach the instance stopped). */
const BURST = { submits: 30, visits: 90 };
const OVERDUE_RULE = '*/2 * * * * *';
const OVERDUE_JOB = 'governance-overdue-messages';
const DATABASE = 'cluster';
const SUBMIT_SITES = [
  { code: 'xian', name: '西安市民政局', level: 'city' },
  { code: 'baoji', name: '宝鸡市民政局', level: 'city' },
];
const PHASES = ['baseline', 'sigkill', 'pg-restart', 'redis-restart', 'sigterm', 'redis-down-boot'];
const phaseSite = (phase) => ({
  code: `visits-${phase}`,
  name: `访问计数 ${phase}`,
  level: 'county',
});

const started = Date.now();
const log = (line) =>
  process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}\n`);

// ---------------------------------------------------------------------------------------------
// Everything started here, so that any way out (failure, Ctrl-C) ends it and removes the folder.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wg-cluster-'));
fs.chmodSync(dir, 0o755);
const logDir = path.join(dir, 'logs');
fs.mkdirSync(logDir);
const running = { pg: null, redis: null, nginx: null, load: null, instances: [] };
let db = null;
/** 'started' once cleanup began, 'done' once it finished: the exit handler finishes a cut one. */
let cleanupState = null;

const keepLogs = () => {
  const target = path.join(appDir, '.tmp', 'cluster-logs');
  try {
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true });
    for (const file of fs.readdirSync(logDir))
      fs.copyFileSync(path.join(logDir, file), path.join(target, file));
    for (const file of ['postgres.log', 'redis.log', 'nginx/error.log']) {
      if (fs.existsSync(path.join(dir, file)))
        fs.copyFileSync(path.join(dir, file), path.join(target, path.basename(file)));
    }
  } catch (error) {
    log(`could not keep the logs: ${error.message}`);
  }
};

const cleanup = async () => {
  if (cleanupState) return;
  cleanupState = 'started';
  running.load?.kill('SIGKILL');
  for (const instance of running.instances) instance?.child?.kill('SIGKILL');
  await db?.end().catch(() => undefined);
  await running.nginx?.stop().catch(() => undefined);
  await running.redis?.stop().catch(() => undefined);
  await running.pg?.stop().catch(() => undefined);
  keepLogs();
  fs.rmSync(dir, { recursive: true, force: true });
  cleanupState = 'done';
};

// The last resort, synchronous (an exception, or a signal during cleanup).
process.on('exit', () => {
  if (cleanupState === 'done') return;
  running.load?.kill('SIGKILL');
  for (const instance of running.instances) instance?.child?.kill('SIGKILL');
  running.nginx?.killSync();
  running.redis?.killSync();
  running.pg?.killSync();
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // The postmaster may still be writing: it is gone a moment later.
  }
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping everything`);
    cleanup().finally(() => process.exit(130));
  });
}
process.on('unhandledRejection', (error) => {
  console.error(error);
  cleanup().finally(() => process.exit(2));
});

// ---------------------------------------------------------------------------------------------
// The instances.
const secrets = (() => {
  const secret = () => randomBytes(24).toString('base64');
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(),
    JWT_SECRET: secret(),
    AUDIT_KEY: secret(),
  };
})();

/** The environment of every instance: the machine's, less anything naming another database or server. */
const instanceEnv = (port, extra) => {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (
      /^(DATABASE_|REDIS_|SERVER_PROXY|HOST$|PORT$|PUBLIC_URL$|AUDIT_|VISITS_|SUBMISSIONS_)/.test(
        name
      )
    )
      delete env[name];
  }
  return {
    ...env,
    ...secrets,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_CLIENT: 'postgres',
    DATABASE_HOST: '127.0.0.1',
    DATABASE_PORT: String(running.pg.port),
    DATABASE_NAME: DATABASE,
    DATABASE_USERNAME: 'postgres',
    DATABASE_PASSWORD: '',
    REDIS_URL: running.redis.url,
    SERVER_PROXY: 'true',
    VISITS_FLUSH_SECONDS: String(FLUSH_SECONDS),
    // Every visit counts (the per-source minute budget is in memory, per instance: a 204 over it
    // is not counted, and the test could not tell).
    VISITS_PER_IP_PER_MINUTE: '1000000',
    // The load's sources are many, but not enough for 20 an hour each.
    SUBMISSIONS_PER_HOUR: '1000000',
    AUDIT_CHECKPOINT_FILE: path.join(dir, 'audit-checkpoints.jsonl'),
    ENV_PATH: path.join(dir, 'no-dotenv'),
    STRAPI_TELEMETRY_DISABLED: 'true',
    CLUSTER_OVERDUE_CHECK: OVERDUE_RULE,
    ...extra,
  };
};

const healthy = (port) =>
  new Promise((resolve) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: '/_health', timeout: 2000, agent: false },
      (res) => {
        res.resume();
        resolve(res.statusCode === 204 || res.statusCode === 200);
      }
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });

const startInstance = async (n, extra = {}) => {
  const port = running.instances[n - 1]?.port ?? (await freePort());
  const file = path.join(logDir, `instance-${n}.log`);
  const out = fs.openSync(file, 'a');
  fs.writeSync(out, `\n==== start ${new Date().toISOString()}\n`);
  const child = spawn(process.execPath, [path.join(__dirname, 'instance.js')], {
    cwd: appDir,
    env: instanceEnv(port, extra),
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() }))
  );
  const instance = { n, port, child, exited, file };
  running.instances[n - 1] = instance;
  const t0 = Date.now();
  const deadline = t0 + 150_000;
  while (!(await healthy(port))) {
    if (child.exitCode !== null)
      throw new Error(`instance ${n} exited (${child.exitCode}) while starting:\n${tail(file)}`);
    if (Date.now() > deadline) throw new Error(`instance ${n} not up within 150 s:\n${tail(file)}`);
    await sleep(250);
  }
  log(
    `instance ${n} up on port ${port} (pid ${child.pid}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`
  );
  return instance;
};

const instanceOf = (upstream) =>
  running.instances.find((i) => upstream === `127.0.0.1:${i.port}`)?.n ?? (upstream || '-');

// ---------------------------------------------------------------------------------------------
// The database, read directly.
const query = async (sql, params) => (await db.query(sql, params)).rows;

/** The database again after a fault: retries while PostgreSQL restarts. */
const settledQuery = async (sql, params) => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await query(sql, params);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
};

const OPEN = ['received', 'accepted', 'transferred'];

/** A few acknowledged messages become overdue, and the job's lease expires (see the header). */
const overdueDriver = () => {
  let codes = [];
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const batch = codes.splice(0, 3);
      if (batch.length > 0) {
        await query(
          `UPDATE citizen_messages SET due_at = now() - interval '1 hour' WHERE query_code = ANY($1) AND overdue_notified_at IS NULL`,
          [batch]
        );
        // The site holding it is told by its holding's deadline (replies/overdue.ts): that passed too.
        await query(
          `UPDATE governance_message_holdings SET due_at = now() - interval '1 hour' WHERE state = 'open' AND message_id IN (SELECT id FROM citizen_messages WHERE query_code = ANY($1) AND overdue_notified_at IS NULL)`,
          [batch]
        );
      }
      await query(`UPDATE governance_job_leases SET expires_at = to_timestamp(0) WHERE name = $1`, [
        OVERDUE_JOB,
      ]);
    } catch {
      // PostgreSQL restarting: the next tick marks others.
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(tick, 1500);
  return {
    add: (newCodes) => (codes = [...codes, ...newCodes].slice(-30)),
    expireLease: tick,
    stop: () => clearInterval(timer),
  };
};

const notices = async () => {
  const [row] = await settledQuery(
    `WITH claimed AS (
       SELECT m.id, count(e.id) AS notices
       FROM citizen_messages m
       LEFT JOIN governance_message_events_message_lnk l ON l.citizen_message_id = m.id
       LEFT JOIN governance_message_events e ON e.id = l.message_event_id AND e.action = 'overdueNotice'
       WHERE m.overdue_notified_at IS NOT NULL
       GROUP BY m.id)
     SELECT (SELECT count(*) FROM claimed)::int AS claimed,
            (SELECT count(*) FROM claimed WHERE notices = 0)::int AS missing,
            (SELECT count(*) FROM claimed WHERE notices > 1)::int AS duplicated,
            (SELECT count(*) FROM citizen_messages WHERE overdue_notified_at IS NULL AND status = ANY($1) AND due_at < now())::int AS waiting`,
    [OPEN]
  );
  return row;
};

// ---------------------------------------------------------------------------------------------
// One phase: the load, the fault while it runs, then the reckoning.
const acknowledged = { codes: [], missing: 0 };
let noticesBefore = { claimed: 0, missing: 0, duplicated: 0 };
const results = [];

/** The running load's last progress report. */
let loadProgress = { answeredBy: {} };

/** Waits until the load has had `n` more answers from instance `instance` (at most `ms`). */
const answersFrom = async (instance, n, ms) => {
  const address = `127.0.0.1:${instance.port}`;
  const base = loadProgress.answeredBy[address] ?? 0;
  const deadline = Date.now() + ms;
  while ((loadProgress.answeredBy[address] ?? 0) < base + n && Date.now() < deadline)
    await sleep(250);
  return (loadProgress.answeredBy[address] ?? 0) - base;
};

const startLoad = (visitSite, driver) => {
  const child = fork(
    path.join(__dirname, 'load.js'),
    [
      JSON.stringify({
        port: running.nginx.port,
        submitSites: SUBMIT_SITES.map((s) => s.code),
        visitSite,
        maxSeconds: 120,
      }),
    ],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }
  );
  running.load = child;
  let last = { requests: 0, errors: 0 };
  let lastShown = 0;
  const done = new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (message.progress) {
        last = message.progress;
        loadProgress = last;
        driver.add(message.progress.newCodes);
        if (Date.now() - lastShown >= 3000) {
          lastShown = Date.now();
          const up = running.instances
            .filter((i) => i.child.exitCode === null && i.child.signalCode === null)
            .map((i) => i.n);
          log(
            `  load: ${last.requests} requests, ${last.errors} errors, ${last.messages} messages and ${last.visits} visits acknowledged; instances running: ${up.join(',')}`
          );
        }
      }
      if (message.done) resolve(message.done);
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`the load exited (${code ?? signal}) before it was done`))
    );
  });
  // Rejected only when the load dies first: then stop() reports it (or cleanup is under way).
  done.catch(() => undefined);
  return {
    burst: (submits, visits) => child.connected && child.send({ burst: { submits, visits } }),
    async stop() {
      if (child.connected) child.send('stop');
      const records = await done;
      running.load = null;
      return records;
    },
  };
};

const countErrors = (errors) => {
  const counts = {};
  for (const [, kind, status, upstream] of errors) {
    const key = `${kind} ${status}`;
    counts[key] ??= { n: 0, by: {} };
    counts[key].n += 1;
    const who = `instance ${instanceOf(upstream)}`;
    counts[key].by[who] = (counts[key].by[who] ?? 0) + 1;
  }
  return counts;
};

/** A restarted instance serves the load again (nginx waits out its fail_timeout, 10 s, first). */
const servedAgain = async (instance) => {
  const answered = await answersFrom(instance, 10, 15_000);
  log(`instance ${instance.n} answered ${answered} requests of the load since it is up`);
  await sleep(2000);
};

/** SIGTERM, as a deployment stops an instance: answers how it went (30 s at most, then SIGKILL). */
const terminate = async (victim) => {
  const at = Date.now();
  victim.child.kill('SIGTERM');
  const exit = await Promise.race([victim.exited, sleep(30_000).then(() => null)]);
  if (!exit) {
    victim.child.kill('SIGKILL');
    await victim.exited;
  }
  return exit
    ? `instance ${victim.n} exited (${exit.code ?? exit.signal}) ${((exit.at - at) / 1000).toFixed(1)} s after SIGTERM`
    : `instance ${victim.n} had not exited 30 s after SIGTERM: killed`;
};

/**
 * Each fault, while the load runs; answers when the cluster should be whole again
 * (`recoveredAt`: the instance answers its health check, the server is back) and what the
 * reckoning needs to know.
 */
const FAULTS = {
  baseline: async () => {
    await sleep(6000);
    return { recoveredAt: Date.now() - 6000 };
  },
  sigkill: async () => {
    const victim = running.instances[1];
    const at = Date.now();
    victim.child.kill('SIGKILL');
    await victim.exited;
    log(`sigkill: instance ${victim.n} killed`);
    await sleep(2000);
    // The new process answers from the same address: the bound counts the old one's visits only.
    const restartedAt = Date.now();
    const instance = await startInstance(victim.n);
    const recoveredAt = Date.now();
    await servedAgain(instance);
    return { killed: victim, at, restartedAt, recoveredAt };
  },
  'pg-restart': async () => {
    const t0 = Date.now();
    await running.pg.restart();
    const recoveredAt = Date.now();
    log(`pg-restart: PostgreSQL restarted in ${((recoveredAt - t0) / 1000).toFixed(1)} s`);
    await sleep(8000);
    return { recoveredAt };
  },
  'redis-restart': async () => {
    await running.redis.shutdown();
    log('redis-restart: Redis shut down (nosave); starting it again in 5 s');
    await sleep(5000);
    await running.redis.start();
    const recoveredAt = Date.now();
    log('redis-restart: Redis started again');
    await sleep(8000);
    return { recoveredAt };
  },
  sigterm: async (load) => {
    // A deployment under traffic: many requests in flight when the signal comes.
    load.burst(BURST.submits, BURST.visits);
    await sleep(50);
    const note = await terminate(running.instances[2]);
    log(`sigterm: ${note}`);
    await sleep(1000);
    const instance = await startInstance(3);
    const recoveredAt = Date.now();
    await servedAgain(instance);
    return { recoveredAt, note };
  },
  // A deployment during a Redis outage: an instance starts while Redis is down, is sent
  // submissions, and must serve them once Redis is back.
  'redis-down-boot': async () => {
    await running.redis.shutdown();
    log('redis-down-boot: Redis shut down (nosave)');
    const note = await terminate(running.instances[0]);
    log(`redis-down-boot: ${note}; starting it again while Redis is down`);
    const instance = await startInstance(1);
    // nginx sends it nothing until its fail_timeout (10 s) since the refused connections is over.
    const answered = await answersFrom(instance, 10, 20_000);
    log(`redis-down-boot: instance 1 answered ${answered} requests while Redis was down`);
    await running.redis.start();
    const recoveredAt = Date.now();
    log('redis-down-boot: Redis started again');
    await sleep(8000);
    return { recoveredAt, note };
  },
};

const runPhase = async (phase) => {
  log(`== ${phase}: load starts`);
  const site = phaseSite(phase).code;
  const driver = overdueDriver();
  const load = startLoad(site, driver);
  await sleep(4000);
  const fault = await FAULTS[phase](load);
  const records = await load.stop();
  log(`${phase}: load stopped; waiting for every instance's visit flush and the overdue job`);
  // Two flush intervals and a margin: every instance has written what it counted.
  await sleep(FLUSH_SECONDS * 2000 + 1000);
  // The overdue job catches up with the messages marked during the phase.
  const jobDeadline = Date.now() + 12_000;
  let jobs = await notices();
  while (jobs.waiting > 0 && Date.now() < jobDeadline) {
    await driver.expireLease();
    await sleep(1000);
    jobs = await notices();
  }
  driver.stop();
  // A run that claimed its messages may still be writing their events: wait until nothing changes.
  const same = (a, b) =>
    a.claimed === b.claimed &&
    a.missing === b.missing &&
    a.duplicated === b.duplicated &&
    a.waiting === b.waiting;
  for (let stable = 0, until = Date.now() + 10_000; stable < 2 && Date.now() < until;) {
    await sleep(1000);
    const next = await notices();
    stable = same(next, jobs) ? stable + 1 : 0;
    jobs = next;
  }

  // Messages: every acknowledged query code, of this phase and before, stored exactly once.
  const phaseCodes = records.messages.map(([, , code]) => code);
  acknowledged.codes.push(...phaseCodes);
  const stored = await settledQuery(
    `SELECT query_code, count(*)::int AS n FROM citizen_messages WHERE query_code = ANY($1) GROUP BY query_code`,
    [acknowledged.codes]
  );
  const storedCount = new Map(stored.map((row) => [row.query_code, row.n]));
  const missing = acknowledged.codes.filter((code) => !storedCount.has(code));
  const duplicated = stored.filter((row) => row.n > 1).length;
  const [{ total }] = await settledQuery(`SELECT count(*)::int AS total FROM citizen_messages`);
  const messagesLost = missing.length - acknowledged.missing;
  acknowledged.missing = missing.length;

  // Visits: the phase's own site.
  const [{ counted }] = await settledQuery(
    `SELECT coalesce(sum(v.visits), 0)::int AS counted FROM governance_site_visits v JOIN sites s ON s.document_id = v.site_document_id WHERE s.code = $1`,
    [site]
  );
  const visitsAcked = records.visits.length;
  const visitsLost = Math.max(0, visitsAcked - counted);
  let visitBound = 0;
  if (fault.killed) {
    const killedAt = `127.0.0.1:${fault.killed.port}`;
    const window = FLUSH_SECONDS * 1000 + FLUSH_SLACK_MS;
    // An answer sent just before the kill may arrive just after it.
    visitBound = records.visits.filter(
      ([t, upstream]) => upstream === killedAt && t > fault.at - window && t < fault.restartedAt
    ).length;
  }

  const noticesLost = jobs.missing - noticesBefore.missing;
  const noticesDuplicated = jobs.duplicated - noticesBefore.duplicated;
  const claimedNow = jobs.claimed - noticesBefore.claimed;
  noticesBefore = jobs;

  const failures = [];
  if (messagesLost > 0) failures.push(`${messagesLost} acknowledged message(s) not stored`);
  if (duplicated > 0) failures.push(`${duplicated} query code(s) stored twice`);
  if (visitsLost > visitBound)
    failures.push(`${visitsLost} acknowledged visit(s) not counted (bound ${visitBound})`);
  if (noticesLost > 0) failures.push(`${noticesLost} overdue message(s) claimed without a notice`);
  if (noticesDuplicated > 0)
    failures.push(`${noticesDuplicated} overdue message(s) noticed more than once`);
  if (jobs.waiting > 0) failures.push(`${jobs.waiting} overdue message(s) never claimed`);
  // Errors while the fault lasts are reported; errors once it is over mean the cluster did not recover.
  const late = records.errors.filter(([t]) => t > fault.recoveredAt + RECOVERY_GRACE_MS);
  if (late.length > 0) {
    const by = countErrors(late);
    const detail = Object.entries(by).map(
      ([key, { n, by: who }]) =>
        `${key} ×${n} from ${Object.entries(who)
          .map(([i, m]) => `${i} ×${m}`)
          .join(', ')}`
    );
    failures.push(
      `${late.length} error(s) more than ${RECOVERY_GRACE_MS / 1000} s after the fault was over: ${detail.join('; ')}`
    );
  }

  const result = {
    phase,
    requests: records.requests.submit + records.requests.visit,
    errors: countErrors(records.errors),
    errorCount: records.errors.length,
    lateErrors: late.length,
    messagesAcked: phaseCodes.length,
    messagesLost,
    storedWithoutAck: total - acknowledged.codes.length,
    visitsAcked,
    counted,
    visitsLost,
    visitBound,
    claimedNow,
    noticesLost,
    noticesDuplicated,
    waiting: jobs.waiting,
    note: fault.note,
    failures,
  };
  results.push(result);
  log(`${phase}: ${failures.length === 0 ? 'within bounds' : `FAILED: ${failures.join('; ')}`}`);
};

// ---------------------------------------------------------------------------------------------
const pad = (text, width) =>
  String(text) + ' '.repeat(Math.max(0, width - [...String(text)].length));

const printTable = () => {
  const rows = results.map((r) => {
    const byStatus = {};
    for (const [key, { n }] of Object.entries(r.errors)) {
      const status = key.split(' ')[1];
      byStatus[status] = (byStatus[status] ?? 0) + n;
    }
    return [
      r.phase,
      r.requests,
      Object.entries(byStatus)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ') || '0',
      r.lateErrors,
      `${r.messagesLost}/${r.messagesAcked}`,
      `${r.visitsLost}/${r.visitsAcked}${r.visitBound ? ` (≤${r.visitBound})` : ''}`,
      `${r.noticesLost}+${r.noticesDuplicated}+${r.waiting}/${r.claimedNow}`,
      r.failures.length === 0 ? 'ok' : 'FAIL',
    ];
  });
  const header = [
    'fault',
    'requests',
    'errors (non-2xx by status)',
    'after recovery',
    'msgs lost/acked',
    'visits lost/acked',
    'notices bad/claimed',
    'verdict',
  ];
  const widths = header.map((h, i) =>
    Math.max([...h].length, ...rows.map((row) => [...String(row[i])].length))
  );
  const line = (cells) => cells.map((cell, i) => pad(cell, widths[i])).join(' | ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const row of rows) console.log(line(row));
  console.log(
    '\nmsgs: acknowledged (201 + query code) and not in the database. visits: acknowledged (204) and not counted after every flush; (≤n) the SIGKILL bound.' +
      `\nafter recovery: errors more than ${RECOVERY_GRACE_MS / 1000} s after the fault was over (instance answering, server back).` +
      '\nnotices bad: claimed without an overdueNotice event + noticed twice + left overdue unclaimed; claimed: messages the job claimed in the phase.'
  );
  console.log(
    "\nerrors by kind, status and the instance that answered (nginx's own answers name the instance it tried last):"
  );
  for (const r of results) {
    const lines = Object.entries(r.errors).map(
      ([key, { n, by }]) =>
        `    ${key} ×${n}: ${Object.entries(by)
          .map(([who, m]) => `${who} ×${m}`)
          .join(', ')}`
    );
    console.log(
      `  ${r.phase}${r.note ? ` (${r.note})` : ''}: ${r.storedWithoutAck} message(s) stored in all without an acknowledgement so far; visits counted ${r.counted}`
    );
    if (lines.length) console.log(lines.join('\n'));
    for (const failure of r.failures) console.log(`    FAIL: ${failure}`);
  }
};

const main = async () => {
  if (!fs.existsSync(path.join(appDir, 'dist', 'config', 'server.js')))
    throw new Error('dist/ is missing: run `npm run build:server` (npm run test:cluster does)');
  log(`temporary folder ${dir}`);
  running.pg = await startPostgres(dir);
  db = new Pool({
    host: '127.0.0.1',
    port: running.pg.port,
    user: 'postgres',
    database: 'postgres',
    max: 2,
    connectionTimeoutMillis: 3000,
  });
  db.on('error', () => undefined); // a connection cut by the restart: the next query opens another
  await query(`CREATE DATABASE ${DATABASE}`);
  await db.end();
  db = new Pool({
    host: '127.0.0.1',
    port: running.pg.port,
    user: 'postgres',
    database: DATABASE,
    max: 3,
    connectionTimeoutMillis: 3000,
  });
  db.on('error', () => undefined);
  log(`PostgreSQL on port ${running.pg.port}`);
  running.redis = await startRedis(dir);
  log(`Redis on port ${running.redis.port}`);
  const ports = [await freePort(), await freePort(), await freePort()];
  running.instances = ports.map((port, i) => ({
    n: i + 1,
    port,
    child: { exitCode: 0, kill: () => undefined },
  }));
  running.nginx = await startNginx(dir, ports);
  log(`nginx on port ${running.nginx.port}, in front of ${ports.join(', ')}`);

  // The first instance creates the schema and the sites; the other two start after it.
  await startInstance(1, {
    CLUSTER_SEED_SITES: JSON.stringify([...SUBMIT_SITES, ...PHASES.map(phaseSite)]),
  });
  await Promise.all([startInstance(2), startInstance(3)]);

  for (const phase of PHASES) await runPhase(phase);
  printTable();
  const failed = results.filter((r) => r.failures.length > 0);
  console.log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
  return failed.length === 0 ? 0 : 1;
};

main()
  .catch((error) => {
    console.error(`\ncluster test could not run: ${error.stack ?? error}`);
    if (results.length) printTable();
    return 2;
  })
  .then(async (code) => {
    await cleanup();
    log(`done; logs in .tmp/cluster-logs/`);
    process.exit(code);
  });
