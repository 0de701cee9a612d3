/**
 * Several instances on one PostgreSQL database (ARCHITECTURE.md, Scale): three Strapi processes
 * take the same articles offline and online at once, and the kept figures still equal a recount
 * of the archive. On SQLite a single process writes, so this runs on PostgreSQL only.
 */
import path from 'path';
import { createReviewTeam, publishReviewed } from '@test-helpers/review';
import { bootScriptInstance } from '@test-helpers/second-instance';
import { createSitesAndStaff, setColumns } from '@test-helpers/sites';
import { startApp, type TestApp } from '@test-helpers/strapi';
import { dbNames } from '../../utils/db-names';
import { ARTICLE, PUBLICATION_COLUMN } from '../../uids';

const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
const cycles = path.join(__dirname, 'publish-cycles.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const publishCycles = require(cycles) as (
  strapi: TestApp['strapi'],
  args: { documentIds: string[]; rounds: number }
) => Promise<{ unpublished: number; published: number; errors: string[] }>;

let app: TestApp;

(onPostgres ? describe : describe.skip)('three instances writing at once', () => {
  beforeAll(async () => {
    app = await startApp('kept-figures-instances');
  });
  afterAll(() => app?.stop());

  it('leave the kept figures equal to a recount', async () => {
    const { sites } = await createSitesAndStaff(app, {
      sites: {
        xian: { name: '西安市', level: 'city', sortOrder: 1 },
        baoji: { name: '宝鸡市', level: 'city', sortOrder: 2 },
      },
      staff: {},
    });
    await setColumns(app, sites.xian, ['工作动态', '通知公告']);
    await setColumns(app, sites.baoji, ['工作动态']);
    const team = await createReviewTeam(app);
    const documentIds: string[] = [];
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
      const site = n % 3 === 0 ? sites.baoji : sites.xian;
      const column = n % 3 === 0 || n % 2 === 0 ? '工作动态' : '通知公告';
      const { documentId } = await publishReviewed(app, team, {
        title: `第${n}篇：民政工作动态`,
        site,
        column,
        isSpecialTopic: n % 4 === 0,
      });
      documentIds.push(documentId);
    }
    // Each instance takes two thirds of the articles, so every article has two writers.
    const share = (offset: number) => documentIds.filter((_, i) => i % 3 !== offset);
    const others = await Promise.all([
      bootScriptInstance(cycles, { documentIds: share(1), rounds: 4 }),
      bootScriptInstance(cycles, { documentIds: share(2), rounds: 4 }),
    ]);
    const results = await Promise.all([
      ...others.map((other) => other.run<Awaited<ReturnType<typeof publishCycles>>>()),
      publishCycles(app.strapi, { documentIds: share(0), rounds: 4 }).then((result) => ({
        result,
      })),
    ]);
    // Most writes went through (a publish may meet another instance's at the same moment).
    const writes = results.reduce(
      (sum, { result }) => sum + result.published + result.unpublished,
      0
    );
    expect(writes).toBeGreaterThan(100);

    const report = await app.strapi.plugin('governance').service('keptFigures').check();
    expect(report.samples).toEqual([]);
    expect(report.articles + report.cells).toBe(0);
    // And the column figures equal what is online and counted now, counted here by hand.
    const online = (await app.strapi.db.query(ARTICLE).findMany({
      where: {
        documentId: { $in: documentIds },
        publishedAt: { $notNull: true },
        countExclusion: { $null: true },
      },
      select: ['documentId', 'column'],
      populate: { site: { select: ['id'] } },
    })) as Array<{ documentId: string; column: string; site: { id: number } }>;
    // One published row per article (two would mean two publications raced past the lock).
    expect(new Set(online.map((row) => row.documentId)).size).toBe(online.length);
    const expected = new Map<string, number>();
    for (const row of online)
      expected.set(
        `${row.site.id} ${row.column}`,
        (expected.get(`${row.site.id} ${row.column}`) ?? 0) + 1
      );
    const column = dbNames(app.strapi, PUBLICATION_COLUMN);
    const kept = (await app.strapi.db
      .connection(column.table)
      .select({ siteId: column.column('siteId'), name: column.column('columnName') })
      .sum({ n: column.column('articles') })
      .groupBy(column.column('siteId'), column.column('columnName'))) as Array<{
      siteId: number;
      name: string;
      n: string | number;
    }>;
    expect(new Map(kept.map((row) => [`${row.siteId} ${row.name}`, Number(row.n)]))).toEqual(
      expected
    );
  });
});
