/**
 * `node bench/holds.js` (after `npm run build`): how long each read a user can trigger holds the
 * server's main thread (ARCHITECTURE.md, Scale: about 50 ms at most on SQLite), on a database
 * that holds the demo accounts — the demo's own (`.tmp/data.db`, the default) or a grown one
 * (`BENCH_DATABASE=<file>`, e.g. the file bench/scale.js keeps with BENCH_KEEP=1).
 *
 * Boots the application on that file with the project's .env (its secrets, its demo password, or
 * BENCH_PASSWORD: the one bench/scale.js prints when it keeps its database),
 * logs in as each demo account and, one request at a time, asks every GET route of the
 * governance plugin that takes no path parameter (its pages' data and exports), the Content
 * Manager lists of articles and messages, and the public lists. Each request is watched: its
 * time and the longest the event loop was held meanwhile (bench/helpers.js `watched`; the
 * request is served in this process). Routes an account may not use (403) are skipped. Prints
 * the holds longest first and marks those over 50 ms; results go to bench/results/.
 * The reads write only what a read writes (audit entries of personal data shown, login records).
 */
const path = require('path');
const { appDir, distDir, loadStrapi, watched, writeResults, runBench } = require('./helpers');

const BUDGET_MS = 50;
const DATABASE = process.env.BENCH_DATABASE ?? path.join(appDir, '.tmp', 'data.db');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** The reads besides the plugin's own routes: the Content Manager's lists and the public API. */
const OTHER_READS = [
  '/content-manager/collection-types/api::article.article?page=1&pageSize=10',
  '/content-manager/collection-types/api::citizen-message.citizen-message?page=1&pageSize=10',
  '/content-manager/collection-types/api::site.site?page=1&pageSize=10',
];
const PUBLIC_READS = [
  '/api/articles?filters[site][code][$eq]=xian&sort=firstPublishedAt:desc&pagination[pageSize]=20',
  '/api/articles?sort=firstPublishedAt:desc&pagination[pageSize]=20',
  '/api/sites?pagination[pageSize]=200',
];

const main = async () => {
  process.env.DATABASE_CLIENT = 'sqlite';
  process.env.DATABASE_FILENAME = DATABASE;
  const strapi = await loadStrapi();
  // No scheduled job may run in between the reads.
  strapi.cron.destroy();
  await new Promise((resolve) => strapi.server.listen(resolve));
  const { port } = strapi.server.httpServer.address();
  const base = `http://127.0.0.1:${port}`;
  // A database bench/scale.js kept: the password it printed.
  const password = process.env.BENCH_PASSWORD ?? process.env.DEMO_ADMIN_PASSWORD;
  const { DEMO_ACCOUNTS } = require(path.join(distDir, 'database/seeds/demo-accounts.js'));
  const pluginReads = strapi
    .plugin('governance')
    .routes.admin.routes.filter((route) => route.method === 'GET' && !route.path.includes(':'))
    .map((route) => `/governance${route.path}`);

  const results = { database: DATABASE, budgetMs: BUDGET_MS, runs: RUNS, reads: [] };
  const read = async (url, headers, who) => {
    const samples = [];
    let status = 0;
    for (let i = 0; i < RUNS + 1; i += 1) {
      const run = await watched(async () => {
        const res = await fetch(`${base}${url}`, { headers });
        status = res.status;
        await res.arrayBuffer();
      });
      if (i > 0) samples.push(run); // the first is the warm-up
      if (status === 403 || status === 401 || status === 404) return;
    }
    const worst = samples.reduce((a, b) => (b.longestHoldMs > a.longestHoldMs ? b : a));
    results.reads.push({
      who,
      url,
      status,
      ms: +worst.ms.toFixed(1),
      longestHoldMs: +worst.longestHoldMs.toFixed(1),
    });
  };

  try {
    for (const account of DEMO_ACCOUNTS) {
      const login = await fetch(`${base}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: account.email, password }),
      });
      const token = (await login.json()).data?.token;
      if (!token) throw new Error(`${account.email} could not log in (${login.status})`);
      console.log(`${account.name} (${account.email}) …`);
      const headers = { authorization: `Bearer ${token}` };
      for (const url of [...pluginReads, ...OTHER_READS]) await read(url, headers, account.name);
    }
    for (const url of PUBLIC_READS) await read(url, {}, '网民');
  } finally {
    await strapi.destroy();
  }

  results.reads.sort((a, b) => b.longestHoldMs - a.longestHoldMs);
  const over = results.reads.filter((r) => r.longestHoldMs > BUDGET_MS);
  results.overBudget = over.length;
  console.log(`\nLongest holds of the main thread (budget ${BUDGET_MS} ms), ${DATABASE}:`);
  for (const r of results.reads.slice(0, 40))
    console.log(
      `${r.longestHoldMs > BUDGET_MS ? '!!' : '  '} ${String(r.longestHoldMs).padStart(7)} ms hold ${String(r.ms).padStart(8)} ms  ${r.status} ${r.who} ${r.url}`
    );
  console.log(
    `${over.length} of ${results.reads.length} reads held the main thread over ${BUDGET_MS} ms.`
  );
  writeResults('holds', results);
};

runBench(main);
