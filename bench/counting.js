/**
 * `node bench/counting.js` (after `npm run build:server`): the counting backfill
 * (review/counting-backfill.ts) over BENCH_ARTICLES (default 10,000) published articles inserted
 * by SQL, as an import leaves them (no hash, no verdict), one in ten a copy of an earlier one, across 150 sites over the year before today. Reported: the backfill's time per 10,000
 * articles, as a ratio against hashing the same texts in a plain loop (the part no database can
 * save), the longest hold of the event loop (a 1 ms timer's longest gap) against the 50 ms
 * budget, and how many it judged copies (must be the copies inserted, at least).
 *
 * Uses a scratch SQLite file unless DATABASE_CLIENT names PostgreSQL: then DATABASE_NAME must be
 * an empty scratch database. Results print and go to bench/results/ (git-ignored).
 */
const path = require('path');
const {
  appDir,
  time,
  watched,
  startScratchStrapi,
  writeResults,
  runBench,
  namesOf,
  createSites,
  mulberry32,
} = require('./helpers');

const pluginDist = path.join(appDir, 'src/plugins/governance/dist/server/src');
const { simhash } = require(path.join(pluginDist, 'review/simhash.js'));
const { blocksToLines } = require(path.join(pluginDist, 'review/sensitive-words.js'));

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const BUDGET_MS = 50;
const DAY = 86_400_000;
const WORDS =
  '民政局社会救助养老服务婚姻登记儿童福利社区治理慈善事业区划地名殡葬管理低保特困临时医疗住房教育就业残疾人优抚安置基层政权志愿服务'.split(
    ''
  );

/** A body of 300 characters drawn from the word list: distinct articles hash far apart. */
const textOf = (random) =>
  Array.from({ length: 300 }, () => WORDS[Math.floor(random() * WORDS.length)]).join('');

const main = async () => {
  const { strapi, stop } = await startScratchStrapi();
  try {
    const knex = strapi.db.connection;
    const client = strapi.db.dialect.client === 'sqlite' ? 'sqlite' : 'postgres';
    const names = namesOf(strapi);
    const { article, articleSite } = names;
    const sites = await createSites(knex, names);
    const random = mulberry32(20261205);
    const now = Date.now();
    const texts = [];
    let copies = 0;
    for (let i = 0; i < ARTICLES; i += 1) {
      if (i > 10 && random() < 0.1) {
        // A copy of an earlier article (SimHash may miss a near-copy of a random text this short).
        texts.push(texts[Math.floor(random() * i)]);
        copies += 1;
      } else texts.push(textOf(random));
    }
    const siteIds = sites.map((site) => site.id);
    for (let start = 0; start < ARTICLES; start += 500) {
      const batch = texts.slice(start, start + 500).map((text, k) => {
        const i = start + k;
        const at = new Date(now - 360 * DAY + Math.floor((i / ARTICLES) * 350 * DAY));
        const row = {
          document_id: `bc${String(i).padStart(10, '0')}`,
          [article.column('title')]: '关于民政工作的报道',
          [article.column('body')]: JSON.stringify([
            { type: 'paragraph', children: [{ type: 'text', text }] },
          ]),
          [article.column('firstPublishedAt')]: at,
          [article.column('reviewStatus')]: 'approved',
          created_at: at,
          updated_at: at,
          published_at: at,
        };
        return row;
      });
      await knex.transaction(async (trx) => {
        await trx(article.table).insert(batch);
        const ids = await trx(article.table)
          .select('id', 'document_id')
          .whereIn(
            'document_id',
            batch.map((row) => row.document_id)
          );
        await trx(articleSite.table).insert(
          ids.map((row, k) => ({
            [articleSite.ownerColumn]: row.id,
            [articleSite.targetColumn]: siteIds[k % siteIds.length],
          }))
        );
      });
    }

    const baseline = await time(async () => {
      for (const text of texts)
        simhash(
          [
            '关于民政工作的报道',
            ...blocksToLines([{ type: 'paragraph', children: [{ type: 'text', text }] }]),
          ].join('\n')
        );
    });
    // Judged from before the inserted year (unset, judging would start today and judge none).
    strapi.config.set('plugin::governance.articles.judgeFrom', '2015-01-01');
    const backfill = strapi.plugin('governance').service('countingBackfill');
    const run = await watched(() => backfill.run());
    const excluded = Number(
      (
        await knex(article.table)
          .whereNotNull('published_at')
          .where(article.column('countExclusion'), 'duplicate')
          .count({ n: '*' })
      )[0].n
    );
    const per10k = (ms) => Math.round((ms / ARTICLES) * 10_000);
    writeResults('counting', {
      bench: 'counting',
      client,
      articles: ARTICLES,
      copiesInserted: copies,
      judgedCopies: excluded,
      backfillMsPer10k: per10k(run.ms),
      hashOnlyMsPer10k: per10k(baseline),
      ratioToHashing: Number((run.ms / baseline).toFixed(1)),
      longestHoldMs: Math.round(run.longestHoldMs),
      holdAgainstBudget: Number((run.longestHoldMs / BUDGET_MS).toFixed(2)),
      at: new Date().toISOString(),
    });
    if (excluded < copies) throw new Error(`only ${excluded} of ${copies} copies judged`);
  } finally {
    await stop();
  }
};

runBench(main);
