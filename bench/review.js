/**
 * `node bench/review.js` (after `npm run build`): what review before publishing costs, as ratios
 * against baselines run in the same process on the loaded demo.
 *
 *  1. The publish gate: the gate's check (`assertPublishable`: state, published row, content
 *     hash, decision record) against the whole `documents().publish()` of an approved article.
 *  2. Voiding on edit: the review service's draft check after an update against the update.
 *  3. The sensitive-word check as the review service runs it (Aho–Corasick, the automaton
 *     rebuilt only when the list changes) over a long article with 1,000 and 10,000 words,
 *     against the obvious loop of `indexOf` per word finding the same hits.
 *
 * Uses a scratch SQLite file unless DATABASE_CLIENT names PostgreSQL (then DATABASE_NAME must be
 * a scratch database). Results print and go to bench/results/ (git-ignored).
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
  demoReviewUsers,
} = require('./helpers');

const { loadDemo } = require(path.join(distDir, 'database/seeds/load-demo.js'));
const { ensureDemoAccounts } = require(path.join(distDir, 'database/seeds/demo-accounts.js'));

const ARTICLE = 'api::article.article';
const WORD = 'plugin::governance.sensitive-word';
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
    const { users, site } = await demoReviewUsers(strapi);
    const review = strapi.plugin('governance').service('review');

    // 1. The gate's check against the publish it guards (republishing unchanged content is allowed).
    const { documentId } = await strapi
      .documents(ARTICLE)
      .create({ data: { title: '性能测试文章', site: site.documentId } });
    await approve(strapi, documentId, users);
    await strapi.documents(ARTICLE).publish({ documentId });
    const publishMs = [];
    const gateMs = [];
    for (let i = 0; i < RUNS; i += 1) {
      publishMs.push(await time(() => strapi.documents(ARTICLE).publish({ documentId })));
      gateMs.push(
        await time(() => strapi.db.transaction(() => review.assertPublishable(documentId, null)))
      );
    }
    // The publish timed includes the gate's two checks (before and after the rows move).
    const earlyMs = [];
    for (let i = 0; i < RUNS; i += 1)
      earlyMs.push(await time(() => review.assertDraftApproved(documentId)));
    results.gate = {
      publishWithGateMedianMs: +median(publishMs).toFixed(2),
      checkAfterMedianMs: +median(gateMs).toFixed(2),
      checkBeforeMedianMs: +median(earlyMs).toFixed(2),
      gateShareOfPublish: +((median(gateMs) + median(earlyMs)) / median(publishMs)).toFixed(3),
    };

    // 2. The draft check after an update (no change to reviewed content: the common save).
    const updateMs = [];
    const checkMs = [];
    for (let i = 0; i < RUNS; i += 1) {
      updateMs.push(
        await time(() =>
          strapi.documents(ARTICLE).update({ documentId, data: { slug: `bench-${i}` } })
        )
      );
      checkMs.push(await time(() => review.afterDraftChange(documentId, null)));
    }
    results.voidCheck = {
      updateMedianMs: +median(updateMs).toFixed(2),
      draftCheckMedianMs: +median(checkMs).toFixed(2),
      ratio: +(median(checkMs) / median(updateMs)).toFixed(3),
    };

    // 3. Word lists of 1,000 and 10,000 words over a 9,000-character article: the service's check
    //    (its scanner is rebuilt only when the list changes), against indexOf per word.
    const text = Array.from({ length: 1000 }, (_, i) =>
      i % 97 === 0 ? `正文敏感词${i}号。` : '民政工作稳步推进，'
    ).join('');
    const article = {
      title: '标题',
      summary: '',
      body: [{ type: 'paragraph', children: [{ type: 'text', text }] }],
    };
    const fields = { title: article.title, summary: '', body: text };
    results.wordScan = [];
    for (const size of [1000, 10000]) {
      const words = Array.from({ length: size }, (_, i) => ({
        word: `敏感词${i}号`,
        level: i % 10 === 0 ? 'forbidden' : 'check',
      }));
      await strapi.db.query(WORD).deleteMany({});
      await strapi.db.connection.batchInsert(
        strapi.db.metadata.get(WORD).tableName,
        words.map((w) => ({ ...w, created_at: new Date(), updated_at: new Date() })),
        500
      );
      const naive = () =>
        Object.entries(fields).flatMap(([field, value]) =>
          words.flatMap((w) => {
            const hits = [];
            for (let at = value.indexOf(w.word); at !== -1; at = value.indexOf(w.word, at + 1))
              hits.push({ field, start: at, word: w.word });
            return hits;
          })
        );
      let hits = 0;
      const firstMs = await time(async () => (hits = (await review.scan(article)).length));
      if (hits !== naive().length) throw new Error('the two scans disagree');
      const serviceMs = [];
      const naiveMs = [];
      for (let i = 0; i < RUNS; i += 1) {
        serviceMs.push(await time(() => review.scan(article)));
        naiveMs.push(await time(async () => naive()));
      }
      results.wordScan.push({
        characters: text.length,
        words: size,
        hits,
        firstCheckAfterListChangeMs: +firstMs.toFixed(2),
        checkMedianMs: +median(serviceMs).toFixed(2),
        indexOfLoopMedianMs: +median(naiveMs).toFixed(2),
        ratio: +(median(serviceMs) / median(naiveMs)).toFixed(3),
      });
    }

    writeResults('review', results);
  } finally {
    await stop();
  }
};

runBench(main);
