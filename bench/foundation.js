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
const path = require('path');
const {
  appDir,
  distDir,
  median,
  time,
  startScratchStrapi,
  writeResults,
  runBench,
} = require('./helpers');

const { loadDemo } = require(path.join(distDir, 'database/seeds/load-demo.js'));

const main = async () => {
  const { strapi, stop } = await startScratchStrapi();
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
  const template = Object.fromEntries(
    Object.entries(rows[0])
      .filter(([c]) => c !== 'id')
      .map(([c, v]) => [c, v == null ? null : String(v)])
  );
  const bareMs = await time(() =>
    knex.transaction(async (trx) => {
      const batch = Array.from({ length: 200 }, () => template);
      for (let i = 0; i < articleRows; i += batch.length) await trx('bench_articles').insert(batch);
    })
  );
  results.demoLoad = {
    articles: report.articles,
    articleRows,
    messages: report.messages,
    loaderMs: Math.round(loadMs),
    bareInsertMs: Math.round(bareMs),
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
    serviceMedianMs: +median(serviceRuns).toFixed(1),
    handWrittenSqlMedianMs: +median(sqlRuns).toFixed(1),
    ratio: +(median(serviceRuns) / median(sqlRuns)).toFixed(2),
  };

  await stop();
  writeResults('foundation', results);
};

runBench(main);
