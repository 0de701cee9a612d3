/**
 * The bounds of a judgement, played against: an original reprinted by many sites goes offline
 * (a few copies judged in the request, the rest by the backfill, none left wrong), a band
 * crowded by template-like texts hides no original, and a judgement outside a transaction is
 * refused rather than taken unlocked.
 */
import { randomBytes } from 'crypto';
import { paragraph } from '@test-helpers/article-body';
import { createReviewTeam, publishReviewed, type ReviewTeam } from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import { startApp, type TestApp } from '@test-helpers/strapi';
import config from '../../config';
import { ARTICLE } from '../../uids';
import { dbNames } from '../../utils/db-names';
import { getService } from '../../utils/get-service';
import { CANDIDATE_PAGE } from '../counting-candidates';
import { REJUDGE_INLINE } from '../counting';
import { bandsOf } from '../simhash';

let app: TestApp;
let team: ReviewTeam;
let sites: Record<string, string>;
let siteIds: Record<string, number>;

const DAY = 86_400_000;
const TITLE = '市民政局部署开展社区治理创新试点';
const TEXT =
  '为推进基层治理体系和治理能力现代化，市民政局近日印发方案，在全市选取二十个社区开展社区治理创新试点。方案明确，试点社区要健全党组织领导的基层群众自治机制，完善居民议事协商制度，推动社区、社会组织、社会工作者、社区志愿者和社会慈善资源联动，提升社区服务能力。试点期间，市民政局将组织专家团队跟踪指导，定期开展评估，总结推广一批可复制的经验做法。各区县民政部门要加强统筹协调，落实工作经费和人员保障，确保试点工作取得实效，让居民群众在家门口感受到治理成效。';
const CROWDED =
  '市民政局日前召开全市殡葬改革工作推进会，通报了殡葬领域突出问题专项整治进展，部署推进节地生态安葬、惠民殡葬政策落实和殡葬服务设施建设。会议要求，各区县要加快公益性公墓建设，规范经营性公墓管理，坚决整治乱埋乱葬和天价墓等问题；要落实基本殡葬服务免费政策，减轻群众丧葬负担；要加强殡葬服务机构监管，规范服务收费，公开服务项目和价格，接受群众监督，推动移风易俗，倡导文明节俭治丧新风尚。';

const hashOf = async (documentId: string) =>
  (
    await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['simhash'] })
  ).simhash as string;

/** Published rows as an import or an earlier judgement leaves them, by plain SQL. */
const insertRows = async (
  count: number,
  fields: (i: number) => Record<string, unknown>,
  text = TEXT
) => {
  const article = dbNames(app.strapi, ARTICLE);
  const knex = app.strapi.db.connection;
  const ids: string[] = [];
  const rows = Array.from({ length: count }, (_, i) => {
    const documentId = `sql${randomBytes(10).toString('hex')}`;
    ids.push(documentId);
    const data = fields(i);
    return {
      document_id: documentId,
      published_at: new Date(),
      created_at: new Date(),
      updated_at: new Date(),
      [article.column('title')]: TITLE,
      [article.column('body')]: JSON.stringify(paragraph(text)),
      [article.column('reviewStatus')]: 'approved',
      ...Object.fromEntries(
        Object.entries(data).map(([key, value]) => [article.column(key), value])
      ),
    };
  });
  for (let i = 0; i < rows.length; i += 100)
    await knex(article.table).insert(rows.slice(i, i + 100));
  const link = article.joinTable('site');
  const inserted = (await knex(article.table).select('id').whereIn('document_id', ids)) as Array<{
    id: number;
  }>;
  for (let i = 0; i < inserted.length; i += 100)
    await knex(link.table).insert(
      inserted
        .slice(i, i + 100)
        .map(({ id }) => ({ [link.ownerColumn]: id, [link.targetColumn]: siteIds.baoji }))
    );
  return ids;
};

const rowOf = (documentId: string) =>
  app.strapi.db.query(ARTICLE).findOne({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['countExclusion', 'duplicateOf', 'countJudgedAt'],
  });

beforeAll(async () => {
  app = await startApp('counting-bounds');
  app.strapi.config.set('plugin::governance.articles.trivial', config.default.articles.trivial);
  ({ sites, siteIds } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市', level: 'city', sortOrder: 1 },
      baoji: { name: '宝鸡市', level: 'city', sortOrder: 2 },
    },
    staff: {},
  }));
  team = await createReviewTeam(app);
}, 120_000);

afterAll(() => app?.stop());

describe('an original reprinted by many sites goes offline', () => {
  it('judges a few copies in the request and leaves the rest to the backfill, which finishes them', async () => {
    const original = (
      await publishReviewed(app, team, { title: TITLE, site: sites.xian, body: paragraph(TEXT) })
    ).documentId;
    const hash = await hashOf(original);
    const now = Date.now();
    // Judged copies of it, as publications left them.
    const copies = await insertRows(REJUDGE_INLINE + 15, (i) => ({
      firstPublishedAt: new Date(now + (i + 1) * 1000),
      textOnlineSince: new Date(now + (i + 1) * 1000),
      textOnlineHash: hash,
      simhash: hash,
      ...Object.fromEntries(bandsOf(hash).map((band, b) => [`simBand${b}`, band])),
      countExclusion: 'duplicate',
      duplicateOf: original,
      duplicateDistance: 0,
      countJudgedAt: new Date(now),
    }));

    await app.strapi.documents(ARTICLE).unpublish({ documentId: original });
    const after = await Promise.all(copies.map(rowOf));
    expect(after.filter((row) => row.countJudgedAt !== null)).toHaveLength(REJUDGE_INLINE);
    // None still names the article gone offline as judged: each is judged again or pending.
    for (const row of after) if (row.duplicateOf === original) expect(row.countJudgedAt).toBeNull();

    await getService(app.strapi, 'countingBackfill').run();
    const [first, ...rest] = await Promise.all(copies.map(rowOf));
    expect(first).toMatchObject({ countExclusion: null, duplicateOf: null });
    for (const row of rest)
      expect(row).toMatchObject({ countExclusion: 'duplicate', duplicateOf: copies[0] });
  });
});

describe('a band crowded by template-like texts', () => {
  it('still finds the original past the crowd', async () => {
    const probe = (
      await publishReviewed(app, team, {
        title: '市民政局召开全市殡葬改革工作推进会',
        site: sites.xian,
        body: paragraph(CROWDED),
      })
    ).documentId;
    const hash = await hashOf(probe);
    // Earlier texts sharing its first band, every other bit flipped: 48 bits away.
    const far = (BigInt(`0x${hash}`) ^ BigInt('0x0000ffffffffffff')).toString(16).padStart(16, '0');
    const before = Date.now() - 10 * DAY;
    await insertRows(
      CANDIDATE_PAGE + 20,
      (i) => ({
        firstPublishedAt: new Date(before + i),
        textOnlineSince: new Date(before + i),
        textOnlineHash: far,
        simhash: far,
        ...Object.fromEntries(bandsOf(far).map((band, b) => [`simBand${b}`, band])),
        countJudgedAt: new Date(),
      }),
      CROWDED
    );
    const copy = (
      await publishReviewed(app, team, {
        title: '市民政局召开全市殡葬改革工作推进会',
        site: sites.baoji,
        body: paragraph(CROWDED),
      })
    ).documentId;
    expect(await rowOf(copy)).toMatchObject({ countExclusion: 'duplicate', duplicateOf: probe });
  });
});

describe('the judgement lock', () => {
  it('is refused outside a transaction, where it would hold nothing', async () => {
    const counting = getService(app.strapi, 'articleCounting');
    await expect(counting.lock()).rejects.toThrow(/transaction/);
    await expect(app.strapi.db.transaction(() => counting.lock())).resolves.toBeUndefined();
  });
});
