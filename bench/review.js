/**
 * `node bench/review.js` (after `npm run build`): what review before publishing costs, as ratios
 * against baselines run in the same process on the loaded demo.
 *
 *  1. The publish gate: the gate's check (`assertPublishable`: state, published row, content
 *     hash, decision record) against the whole `documents().publish()` of an approved article.
 *  2. Voiding on edit: the review service's draft check after an update against the update.
 *  3. The sensitive-word check: the Aho–Corasick scanner over a long article and 1,000 words,
 *     against the obvious loop of `indexOf` per word finding the same hits.
 *
 * Uses a scratch SQLite file unless DATABASE_CLIENT names PostgreSQL (then DATABASE_NAME must be
 * a scratch database). Results print and go to bench/results/ (git-ignored).
 */
const path = require('path');
const { appDir, distDir, median, time, startScratchStrapi, writeResults } = require('./helpers');

const { loadDemo } = require(path.join(distDir, 'database/seeds/load-demo.js'));
const { ensureDemoAccounts } = require(path.join(distDir, 'database/seeds/demo-accounts.js'));
const { createWordScanner } = require(path.join(appDir, 'src/plugins/governance/dist/server/src/review/sensitive-words.js'));

const ARTICLE = 'api::article.article';
const RUNS = 30;

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

const main = async () => {
  const { strapi, stop } = await startScratchStrapi();
  const results = { client: strapi.db.dialect.client, date: new Date().toISOString() };
  try {
    console.log('Loading the demo …');
    await loadDemo(strapi, appDir);
    await ensureDemoAccounts(strapi, `Bench-${Date.now()}-Aa1`);
    const user = (email) => strapi.db.query('admin::user').findOne({ where: { email }, populate: ['roles'] });
    const users = {
      editor: await user('ankang-hanbin.editor@demo.example'),
      reviewer: await user('reviewer@demo.example'),
      approver: await user('approver@demo.example'),
    };
    const site = await strapi.db.query('api::site.site').findOne({ where: { code: 'ankang-hanbin' } });
    const review = strapi.plugin('governance').service('review');

    // 1. The gate's check against the publish it guards (republishing unchanged content is allowed).
    const { documentId } = await strapi.documents(ARTICLE).create({ data: { title: '性能测试文章', site: site.documentId } });
    await approve(strapi, documentId, users);
    await strapi.documents(ARTICLE).publish({ documentId });
    const publishMs = [];
    const gateMs = [];
    for (let i = 0; i < RUNS; i += 1) {
      publishMs.push(await time(() => strapi.documents(ARTICLE).publish({ documentId })));
      gateMs.push(await time(() => strapi.db.transaction(() => review.assertPublishable(documentId, null))));
    }
    results.gate = {
      publishMedianMs: +median(publishMs).toFixed(2),
      gateCheckMedianMs: +median(gateMs).toFixed(2),
      ratio: +(median(gateMs) / median(publishMs)).toFixed(3),
    };

    // 2. The draft check after an update (no change to reviewed content: the common save).
    const updateMs = [];
    const checkMs = [];
    for (let i = 0; i < RUNS; i += 1) {
      updateMs.push(await time(() => strapi.documents(ARTICLE).update({ documentId, data: { slug: `bench-${i}` } })));
      checkMs.push(await time(() => review.afterDraftChange(documentId, null)));
    }
    results.voidCheck = {
      updateMedianMs: +median(updateMs).toFixed(2),
      draftCheckMedianMs: +median(checkMs).toFixed(2),
      ratio: +(median(checkMs) / median(updateMs)).toFixed(3),
    };

    // 3. 1,000 words over a 20,000-character article.
    const words = Array.from({ length: 1000 }, (_, i) => ({ word: `敏感词${i}号`, level: i % 10 === 0 ? 'forbidden' : 'check' }));
    const text = Array.from({ length: 1000 }, (_, i) => (i % 97 === 0 ? `正文敏感词${i}号。` : '民政工作稳步推进，')).join('');
    const scan = createWordScanner(words);
    const naive = (fields) =>
      Object.entries(fields).flatMap(([field, value]) =>
        words.flatMap((w) => {
          const hits = [];
          for (let at = value.indexOf(w.word); at !== -1; at = value.indexOf(w.word, at + 1)) hits.push({ field, start: at, word: w.word });
          return hits;
        })
      );
    const fields = { title: '标题', summary: '', body: text };
    if (scan(fields).length !== naive(fields).length) throw new Error('the two scans disagree');
    const acMs = [];
    const naiveMs = [];
    for (let i = 0; i < RUNS; i += 1) {
      acMs.push(await time(async () => scan(fields)));
      naiveMs.push(await time(async () => naive(fields)));
    }
    results.wordScan = {
      characters: text.length,
      words: words.length,
      hits: scan(fields).length,
      ahoCorasickMedianMs: +median(acMs).toFixed(2),
      indexOfLoopMedianMs: +median(naiveMs).toFixed(2),
      ratio: +(median(acMs) / median(naiveMs)).toFixed(3),
    };

    writeResults('review', results);
  } finally {
    await stop();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
