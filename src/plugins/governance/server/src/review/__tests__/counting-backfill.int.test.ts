/**
 * The archive judged: articles imported by plain SQL carry no hash and no verdict. The backfill
 * judges them by the publication rules: a near-copy imported after its original is not counted,
 * a published article that copies an older imported one becomes its copy, and articles first
 * published before `judgeFrom` (a year already ranked) are hashed but keep counting. Stopped, it
 * continues where it was.
 */
import { randomBytes } from 'crypto';
import { DateTime } from 'luxon';
import { paragraph } from '@test-helpers/article-body';
import { createReviewTeam, publishReviewed, type ReviewTeam } from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import { startApp, type TestApp } from '@test-helpers/strapi';
import config from '../../config';
import { ARTICLE } from '../../uids';
import { dbNames } from '../../utils/db-names';
import { getService } from '../../utils/get-service';
import type { BackfillProgress } from '../counting-backfill';
import { textOf } from '../counting-candidates';
import { adoptEarlierVerdictsOnce } from '../counting-upgrade';
import { simhash } from '../simhash';

let app: TestApp;
let team: ReviewTeam;
let sites: Record<string, string>;
let siteIds: Record<string, number>;
let firstStartJudgeFrom: string;

const DAY = 86_400_000;
const TEXT =
  '为进一步规范最低生活保障工作，市民政局近日组织开展低保专项治理，对全市低保对象进行全面复核。复核工作采取入户调查、邻里访问和信息比对相结合的方式，重点核查家庭收入、财产状况和家庭成员变化情况，对不再符合条件的及时办理退出，对符合条件但尚未纳入的及时纳入保障范围。市民政局要求，各区县要严格执行审核审批程序，落实公示制度，主动接受社会监督，坚决纠正人情保、关系保和错保漏保问题，确保低保政策公平公正实施，让有限的救助资金真正用在最需要帮助的困难群众身上。';
// One word dropped: 2 bits of 64 apart.
const NEAR = TEXT.replace('主动接受社会监督', '接受社会监督');
const ARCHIVE =
  '二〇一四年，全省民政系统认真贯彻落实社会救助暂行办法，扎实推进城乡低保、特困人员供养、医疗救助和临时救助等各项工作，困难群众基本生活得到有效保障。全省共发放城乡低保资金数十亿元，保障城乡低保对象百余万人；实施医疗救助数十万人次，临时救助数万户次。各地不断健全社会救助体系，完善主动发现机制，推进一门受理、协同办理，社会救助工作规范化水平进一步提升，为全省经济社会发展和社会和谐稳定作出了积极贡献。';

/** An article as an import writes it: a draft row and a published row, linked to the site. */
const insertBySql = async (site: string, title: string, text: string, at: Date) => {
  const article = dbNames(app.strapi, ARTICLE);
  const link = article.joinTable('site');
  const documentId = `sql${randomBytes(10).toString('hex')}`;
  const row = {
    document_id: documentId,
    [article.column('title')]: title,
    [article.column('body')]: JSON.stringify(paragraph(text)),
    [article.column('firstPublishedAt')]: at,
    [article.column('reviewStatus')]: 'approved',
    created_at: at,
    updated_at: at,
    published_at: null as Date | null,
  };
  const knex = app.strapi.db.connection;
  await knex(article.table).insert([row, { ...row, published_at: at }]);
  const ids = (await knex(article.table).select('id').where('document_id', documentId)) as Array<{
    id: number;
  }>;
  await knex(link.table).insert(
    ids.map(({ id }) => ({ [link.ownerColumn]: id, [link.targetColumn]: siteIds[site] }))
  );
  return documentId;
};

const stateOf = async (documentId: string) => {
  const row = await app.strapi.db
    .query(ARTICLE)
    .findOne({ where: { documentId, publishedAt: { $notNull: true } } });
  return {
    hashed: Boolean(row.simhash),
    judged: Boolean(row.countJudgedAt),
    verdict: [row.countExclusion ?? null, row.duplicateOf ?? null],
  };
};

beforeAll(async () => {
  app = await startApp('counting-backfill');
  app.strapi.config.set('plugin::governance.articles.trivial', config.default.articles.trivial);
  ({ sites, siteIds } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市', level: 'city', sortOrder: 1 },
      baoji: { name: '宝鸡市', level: 'city', sortOrder: 2 },
    },
    staff: {},
  }));
  team = await createReviewTeam(app);
  // Unset, the first start recorded its own day; this archive is judged from 2015 on.
  firstStartJudgeFrom = app.strapi.config.get('plugin::governance.articles.judgeFrom');
  app.strapi.config.set('plugin::governance.articles.judgeFrom', '2015-01-01');
}, 120_000);

afterAll(() => app?.stop());

describe('the counting backfill', () => {
  const now = Date.now();
  let original: string;
  let importedCopy: string;
  let publishedCopy: string;
  let archive: string;
  let archiveCopy: string;

  it('finds the imported articles unjudged: they count, and publications do not see them', async () => {
    original = await insertBySql(
      'xian',
      '市民政局开展低保专项治理',
      TEXT,
      new Date(now - 30 * DAY)
    );
    importedCopy = await insertBySql(
      'baoji',
      '市民政局开展低保专项治理',
      NEAR,
      new Date(now - 20 * DAY)
    );
    // 2014, before judgeFrom: its year's ranking stands as it was published.
    archive = await insertBySql(
      'xian',
      '全省社会救助工作综述',
      ARCHIVE,
      new Date('2014-06-02T02:00:00Z')
    );
    archiveCopy = await insertBySql(
      'baoji',
      '全省社会救助工作综述',
      ARCHIVE,
      new Date('2014-07-02T02:00:00Z')
    );
    // Published ten days ago through the app: nothing online to copy from, as far as it knew.
    publishedCopy = (
      await publishReviewed(app, team, {
        title: '市民政局开展低保专项治理',
        site: sites.baoji,
        body: paragraph(TEXT),
      })
    ).documentId;
    expect(await stateOf(publishedCopy)).toMatchObject({ judged: true, verdict: [null, null] });
    expect(await stateOf(original)).toEqual({
      hashed: false,
      judged: false,
      verdict: [null, null],
    });
  });

  it('stops when asked and goes on from there on the next run', async () => {
    const backfill = getService(app.strapi, 'countingBackfill');
    const stop = new AbortController();
    const seen: BackfillProgress[] = [];
    const first = await backfill.run({
      batchSize: 1,
      signal: stop.signal,
      onProgress: (progress) => {
        seen.push(progress);
        if (progress.phase === 'judge' && progress.done >= 1) stop.abort();
      },
    });
    expect(first).toMatchObject({ total: 4, hashed: 4, stopped: true });
    expect(first.judged).toBeGreaterThanOrEqual(1);
    expect(first.judged).toBeLessThan(4);
    expect(seen[0]).toEqual({ phase: 'hash', done: 0, total: 4 });

    // Judging the original (the first row) judges again the later copy a publication had
    // judged already; the imported copy, unjudged, is left to the pass: one judgement each.
    expect((await stateOf(publishedCopy)).verdict).toEqual(['duplicate', original]);
    expect(await stateOf(importedCopy)).toMatchObject({ hashed: true, judged: false });
    const left = await app.strapi.db.query(ARTICLE).count({
      where: { publishedAt: { $notNull: true }, countJudgedAt: { $null: true } },
    });
    expect(left).toBe(3);
    const second = await backfill.run();
    expect(second).toEqual({ total: left, hashed: 0, judged: left, stopped: false });
    // Nothing left: a third run reads one empty batch per pass.
    expect(await backfill.run()).toEqual({ total: 0, hashed: 0, judged: 0, stopped: false });
  });

  it('judges them as a publication would: the imported near-copy and the later published copy are not counted', async () => {
    expect(await stateOf(original)).toEqual({ hashed: true, judged: true, verdict: [null, null] });
    expect((await stateOf(importedCopy)).verdict).toEqual(['duplicate', original]);
    // First published after the imported original: a copy once the original is known.
    expect((await stateOf(publishedCopy)).verdict).toEqual(['duplicate', original]);
  });

  it('hashes the articles before judgeFrom without excluding any', async () => {
    expect(await stateOf(archive)).toEqual({ hashed: true, judged: true, verdict: [null, null] });
    expect(await stateOf(archiveCopy)).toEqual({
      hashed: true,
      judged: true,
      verdict: [null, null],
    });
    // With judging from 2014 on, the same copy would not count.
    app.strapi.config.set('plugin::governance.articles.judgeFrom', '2014-01-01');
    try {
      await app.strapi.db.transaction(() =>
        getService(app.strapi, 'articleCounting').judge(archiveCopy)
      );
      expect((await stateOf(archiveCopy)).verdict).toEqual(['duplicate', archive]);
    } finally {
      app.strapi.config.set('plugin::governance.articles.judgeFrom', '2015-01-01');
    }
  });

  it('runs as a leased job: a second instance at the same moment does not run it', async () => {
    const backfill = getService(app.strapi, 'countingBackfill');
    const [a, b] = await Promise.all([backfill.runJob(), backfill.runJob()]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    expect([a, b].find((run) => run.ran)!.outcome).toBe('judged 0 of 0 unjudged articles');
  });
});

describe('a deployment upgraded from earlier judging', () => {
  it('judges from the day of its first start when ARTICLE_JUDGE_FROM is not set, and keeps it', async () => {
    const today = DateTime.now().setZone('Asia/Shanghai').toISODate();
    expect(firstStartJudgeFrom).toBe(today);
    const kept = await app.strapi
      .store({ type: 'plugin', name: 'governance', key: 'counting-judge-from' })
      .get({});
    expect(kept).toEqual({ date: today });
  });

  it('keeps the verdicts judged before countJudgedAt existed: the backfill leaves them as they are', async () => {
    // A copy judged by the earlier code in 2014: hashed and excluded, no countJudgedAt.
    const old = await insertBySql(
      'baoji',
      '全省社会救助工作综述',
      ARCHIVE,
      new Date('2014-08-02T02:00:00Z')
    );
    const hash = simhash(textOf({ title: '全省社会救助工作综述', body: paragraph(ARCHIVE) }));
    await app.strapi.db.query(ARTICLE).updateMany({
      where: { documentId: old },
      data: {
        simhash: hash,
        countExclusion: 'duplicate',
        duplicateOf: 'an-earlier-original',
        duplicateDistance: 0,
      },
    });
    await app.strapi
      .store({ type: 'plugin', name: 'governance', key: 'counting-verdicts' })
      .delete({});
    // Its draft row and its published row.
    expect(await adoptEarlierVerdictsOnce(app.strapi)).toBe(2);
    // Once: a later start finds it done and touches nothing.
    expect(await adoptEarlierVerdictsOnce(app.strapi)).toBe(0);
    const row = await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId: old, publishedAt: { $notNull: true } } });
    expect(row.countJudgedAt).not.toBeNull();
    expect(new Date(row.textOnlineSince).toISOString()).toBe('2014-08-02T02:00:00.000Z');
    expect(await getService(app.strapi, 'countingBackfill').run()).toMatchObject({ total: 0 });
    expect((await stateOf(old)).verdict).toEqual(['duplicate', 'an-earlier-original']);
  });
});
