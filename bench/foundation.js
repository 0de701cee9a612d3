/**
 * `npm run bench`: the foundation's figures as ratios against baselines run in the same process.
 *
 *  1. Demo load: the loader (generation, two rows per published article, links, in one
 *     transaction) against a bare knex batch insert of the same number of article rows.
 *  2. Overview for 2014 on the loaded data: the service (three grouped queries) against one
 *     hand-written SQL count per level.
 *
 * Needs `npm run build:server` (it runs it). Uses a scratch SQLite file unless DATABASE_CLIENT
 * names PostgreSQL (then DATABASE_NAME must be a scratch database). Results go to stdout and
 * bench/results/ (git-ignored).
 */
const { createStrapi } = require('@strapi/strapi');
const { randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');

const appDir = path.join(__dirname, '..');
const distDir = path.join(appDir, 'dist');
const { loadDemo } = require(path.join(distDir, 'database/seeds/load-demo.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn) => {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
};

const main = async () => {
  const scratch = path.join(appDir, '.tmp', `bench-${randomBytes(4).toString('hex')}.db`);
  fs.mkdirSync(path.dirname(scratch), { recursive: true });
  const secret = () => randomBytes(16).toString('base64');
  Object.assign(process.env, {
    ENV_PATH: path.join(appDir, '.tmp', 'no-dotenv-in-bench'),
    DATABASE_CLIENT: process.env.DATABASE_CLIENT ?? 'sqlite',
    DATABASE_FILENAME: scratch,
    APP_KEYS: `${secret()},${secret()}`,
    ADMIN_JWT_SECRET: secret(), API_TOKEN_SALT: secret(), TRANSFER_TOKEN_SALT: secret(), ENCRYPTION_KEY: secret(), JWT_SECRET: secret(),
  });

  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  strapi.log.level = 'warn';
  const knex = strapi.db.connection;
  const results = { client: strapi.db.dialect.client, date: new Date().toISOString() };

  // 1. Demo load against a bare batch insert of as many rows.
  let report;
  const loadMs = await time(async () => {
    report = await loadDemo(strapi, appDir);
  });
  const rows = await knex('articles').select('*').limit(1);
  const articleRows = Number((await knex('articles').count({ n: '*' }))[0].n);
  await knex.schema.createTable('bench_articles', (t) => {
    for (const column of Object.keys(rows[0]).filter((c) => c !== 'id')) t.text(column);
  });
  const template = Object.fromEntries(Object.entries(rows[0]).filter(([c]) => c !== 'id').map(([c, v]) => [c, v == null ? null : String(v)]));
  const bareMs = await time(() =>
    knex.transaction(async (trx) => {
      const batch = Array.from({ length: 200 }, () => template);
      for (let i = 0; i < articleRows; i += batch.length) await trx('bench_articles').insert(batch);
    })
  );
  results.demoLoad = {
    articles: report.articles, articleRows, messages: report.messages, loaderMs: Math.round(loadMs), bareInsertMs: Math.round(bareMs),
    ratio: +(loadMs / bareMs).toFixed(2),
  };

  // 2. Overview against one hand-written grouped count.
  const overview = strapi.plugin('governance').service('overview');
  const handWritten = () =>
    knex.raw(
      `select s.level, count(distinct a.document_id) as n from articles a
       join articles_site_lnk l on l.article_id = a.id join sites s on s.id = l.site_id
       where a.published_at is not null and a.first_published_at >= ? and a.first_published_at < ?
       group by s.level`,
      [new Date('2013-12-31T16:00:00Z'), new Date('2014-12-31T16:00:00Z')]
    );
  await overview.forYear(2014);
  await handWritten();
  const serviceRuns = [];
  const sqlRuns = [];
  for (let i = 0; i < 15; i += 1) {
    serviceRuns.push(await time(() => overview.forYear(2014)));
    sqlRuns.push(await time(handWritten));
  }
  results.overview2014 = {
    serviceMedianMs: +median(serviceRuns).toFixed(1), handWrittenSqlMedianMs: +median(sqlRuns).toFixed(1),
    ratio: +(median(serviceRuns) / median(sqlRuns)).toFixed(2),
  };

  await strapi.destroy();
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${scratch}${suffix}`, { force: true });

  console.log(JSON.stringify(results, null, 2));
  const out = path.join(__dirname, 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, `foundation-${results.client}-${Date.now()}.json`), JSON.stringify(results, null, 2));
};

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
