/**
 * Kept figures (ARCHITECTURE.md, Scale): every write path keeps them equal to a recount from the
 * archive, an import by plain SQL is caught by the check and mended by the rebuild, and nobody
 * can write them from outside.
 */
import { submitMessage } from '@test-helpers/citizen-form';
import { paragraph } from '@test-helpers/article-body';
import {
  approveArticle,
  createReviewTeam,
  publishReviewed,
  type ReviewTeam,
} from '@test-helpers/review';
import { createSitesAndStaff, setColumns } from '@test-helpers/sites';
import { asAdmin, createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import type { RankingResponse } from '../../../../shared/contracts/rankings';
import { dbNames } from '../../utils/db-names';
import {
  ARTICLE,
  ARTICLE_BLOCK,
  CITIZEN_MESSAGE,
  PUBLICATION_COLUMN,
  PUBLICATION_DAY,
  SITE,
} from '../../uids';

let app: TestApp;
let province: TestAdmin;
let team: ReviewTeam;
let sites: Record<string, string>;

const kept = () => app.strapi.plugin('governance').service('keptFigures');

/** The check against the archive: nothing may differ. */
const expectInStep = async () => {
  const report = await kept().check();
  expect(report.samples).toEqual([]);
  expect({ articles: report.articles, messages: report.messages, cells: report.cells }).toEqual({
    articles: 0,
    messages: 0,
    cells: 0,
  });
};

const ranking = async (year: number) => {
  const { body } = await asAdmin(app, province)
    .get(`/governance/rankings?year=${year}`)
    .expect(200);
  return (body.data as RankingResponse).live.groups.flatMap((group) =>
    group.rows.map((row) => ({
      site: row.site.code,
      articles: row.articles,
      rawArticles: row.rawArticles,
      specialTopics: row.specialTopics,
      messages: row.messages,
      replies: row.replies,
      rank: row.rank,
    }))
  );
};

const longBody = (text: string) => paragraph(text.repeat(12));

beforeAll(async () => {
  app = await startApp('kept-figures');
  ({
    sites,
    staff: { province },
  } = await createSitesAndStaff(app, {
    sites: {
      xian: { name: '西安市', level: 'city', sortOrder: 1 },
      baoji: { name: '宝鸡市', level: 'city', sortOrder: 2 },
      yanan: { name: '延安市', level: 'city', sortOrder: 3 },
    },
    staff: { province: ['governance-provincial-admin', '建国'] },
  }));
  team = await createReviewTeam(app);
  await setColumns(app, sites.xian, ['工作动态', '通知公告']);
  await setColumns(app, sites.baoji, ['工作动态', '通知公告']);
});

afterAll(() => app?.stop());

describe('every write path keeps the figures equal to a recount', () => {
  it('publishing, republishing, moving, withdrawing and deleting', async () => {
    const first = await publishReviewed(app, team, {
      title: '西安市召开民政工作会议',
      site: sites.xian,
      column: '工作动态',
      body: longBody('西安市民政局召开全市民政工作会议，部署全年重点任务。'),
    });
    await publishReviewed(app, team, {
      title: '宝鸡市发布养老服务指南',
      site: sites.baoji,
      column: '通知公告',
      isSpecialTopic: true,
      body: longBody('宝鸡市民政局发布养老服务指南，方便群众办事。'),
    });
    await expectInStep();

    // Republished: the same article, no second count.
    await app.strapi.documents(ARTICLE).unpublish({ documentId: first.documentId });
    await expectInStep();
    await app.strapi.documents(ARTICLE).update({
      documentId: first.documentId,
      data: { title: '西安市召开全市民政工作会议', column: '通知公告' },
    });
    await approveArticle(app, team, first.documentId);
    await app.strapi.documents(ARTICLE).publish({ documentId: first.documentId });
    await expectInStep();

    // Moved to another site and published there: counted there, no longer here.
    await app.strapi.documents(ARTICLE).update({
      documentId: first.documentId,
      data: { site: sites.baoji, column: '工作动态' },
    });
    await approveArticle(app, team, first.documentId);
    await app.strapi.documents(ARTICLE).publish({ documentId: first.documentId });
    await expectInStep();
    const year = new Date().getFullYear();
    const rows = await ranking(year);
    expect(rows.find((row) => row.site === 'baoji')).toMatchObject({
      articles: 2,
      specialTopics: 1,
    });
    expect(rows.find((row) => row.site === 'xian')).toMatchObject({ articles: 0, rawArticles: 0 });

    // A copy of an article online is published but not counted.
    await publishReviewed(app, team, {
      title: '转载：宝鸡市发布养老服务指南',
      site: sites.xian,
      column: '通知公告',
      body: longBody('宝鸡市民政局发布养老服务指南，方便群众办事。'),
    });
    await expectInStep();
    expect((await ranking(year)).find((row) => row.site === 'xian')).toMatchObject({
      articles: 0,
      rawArticles: 1,
    });

    // Deleted: gone from every figure.
    await app.strapi.documents(ARTICLE).delete({ documentId: first.documentId });
    await expectInStep();
    expect((await ranking(year)).find((row) => row.site === 'baoji')).toMatchObject({
      articles: 1,
    });
  });

  it('messages coming in, answered, transferred and removed', async () => {
    const { stored: message } = await submitMessage(app, { site: 'xian' });
    await submitMessage(app, { site: 'baoji', subject: '咨询养老补贴发放时间' });
    await expectInStep();
    // Answered through the query engine, as the desk does, then moved to another site.
    await app.strapi.db.query(CITIZEN_MESSAGE).update({
      where: { id: message.id },
      data: { status: 'replied', reply: '您好，所需材料如下……', repliedAt: new Date() },
    });
    await expectInStep();
    const yanan = await app.strapi.db
      .query(SITE)
      .findOne({ where: { documentId: sites.yanan }, select: ['id'] });
    // As a transfer moves it (replies/acts.ts).
    await app.strapi.db
      .query(CITIZEN_MESSAGE)
      .update({ where: { id: message.id }, data: { site: yanan.id } });
    await expectInStep();
    const rows = await ranking(new Date().getFullYear());
    expect(rows.find((row) => row.site === 'yanan')).toMatchObject({ messages: 1, replies: 1 });
    expect(rows.find((row) => row.site === 'xian')).toMatchObject({ messages: 0 });
    await app.strapi.db.query(CITIZEN_MESSAGE).deleteMany({ where: { id: message.id } });
    await expectInStep();
  });
});

describe('a deleted site', () => {
  it('takes its articles and messages out of every figure', async () => {
    const { sites: more } = await createSitesAndStaff(app, {
      sites: { hanzhong: { name: '汉中市', level: 'city', sortOrder: 4 } },
      staff: {},
    });
    await publishReviewed(app, team, {
      title: '汉中市民政局发布救助政策',
      site: more.hanzhong,
      body: longBody('汉中市民政局发布临时救助政策，困难群众可按规定申请。'),
    });
    await submitMessage(app, { site: 'hanzhong', subject: '咨询临时救助申请条件' });
    const year = new Date().getFullYear();
    expect((await ranking(year)).find((row) => row.site === 'hanzhong')).toMatchObject({
      articles: 1,
      messages: 1,
    });
    await app.strapi.documents(SITE).delete({ documentId: more.hanzhong });
    await expectInStep();
    expect((await ranking(year)).find((row) => row.site === 'hanzhong')).toBeUndefined();
  });
});

describe('an import by plain SQL', () => {
  it('is found by the check, and the rebuild gives the ranking the write path gives', async () => {
    const year = new Date().getFullYear();
    const before = await ranking(year);
    const knex = app.strapi.db.connection;
    const article = dbNames(app.strapi, ARTICLE);
    const link = article.joinTable('site');
    const [{ id: yananId }] = await knex(dbNames(app.strapi, SITE).table)
      .select('id')
      .where('document_id', sites.yanan);
    // Three articles of 延安 as an older system's export would bring them: published rows only.
    const at = new Date();
    for (const n of [1, 2, 3]) {
      const [row] = await knex(article.table)
        .insert({
          document_id: `import${n}`,
          [article.column('title')]: `延安导入文章${n}`,
          [article.column('column')]: '工作动态',
          [article.column('firstPublishedAt')]: at,
          published_at: at,
          created_at: at,
          updated_at: at,
        })
        .returning('id');
      await knex(link.table).insert({
        [link.ownerColumn]: typeof row === 'object' ? row.id : row,
        [link.targetColumn]: yananId,
      });
    }
    const found = await kept().check();
    expect(found.articles).toBe(3);
    // The pages still show what was kept until the rebuild.
    expect(await ranking(year)).toEqual(before);

    const rebuilt = await kept().rebuild();
    expect(rebuilt.articles).toBe(3);
    await expectInStep();
    const after = await ranking(year);
    expect(after.find((row) => row.site === 'yanan')).toMatchObject({
      articles: 3,
      rawArticles: 3,
    });
    expect(after.filter((row) => row.site !== 'yanan')).toEqual(
      before
        .filter((row) => row.site !== 'yanan')
        .map((row) => ({ ...row, rank: after.find((r) => r.site === row.site)!.rank }))
    );
  });

  // Entries are walked against their sources a range of keys at a time (kept.ts orphanedEntries).
  it('finds articles and messages deleted by plain SQL, and the rebuild takes them out', async () => {
    const year = new Date().getFullYear();
    const knex = app.strapi.db.connection;
    const article = dbNames(app.strapi, ARTICLE);
    const { stored: message } = await submitMessage(app, {
      site: 'yanan',
      subject: '咨询供暖时间',
    });
    const before = await ranking(year);
    const yanan = before.find((row) => row.site === 'yanan')!;
    // A restore that lost two of the imported articles and the message (rows and links).
    const gone = (await knex(article.table)
      .select('id')
      .whereIn('document_id', ['import1', 'import3'])) as Array<{ id: number }>;
    await knex(article.joinTable('site').table)
      .whereIn(
        article.joinTable('site').ownerColumn,
        gone.map((row) => row.id)
      )
      .delete();
    await knex(article.table).whereIn('document_id', ['import1', 'import3']).delete();
    await knex(dbNames(app.strapi, CITIZEN_MESSAGE).table).where('id', message.id).delete();

    const found = await kept().check();
    expect({ articles: found.articles, messages: found.messages }).toEqual({
      articles: 2,
      messages: 1,
    });
    expect(found.samples).toEqual(
      expect.arrayContaining([
        '文章 import1 的计数登记与实际不符',
        `留言 ${message.id} 的计数登记与实际不符`,
      ])
    );
    await kept().rebuild();
    await expectInStep();
    expect((await ranking(year)).find((row) => row.site === 'yanan')).toMatchObject({
      articles: yanan.articles - 2,
      rawArticles: yanan.rawArticles - 2,
      messages: yanan.messages - 1,
    });
  });

  it('mends cells changed behind its back (a restore of half a backup)', async () => {
    const day = dbNames(app.strapi, PUBLICATION_DAY);
    await app.strapi.db.connection(day.table).update({ [day.column('articles')]: 99 });
    const found = await kept().check();
    expect(found.cells).toBeGreaterThan(0);
    expect(found.samples[0]).toMatch(/重新统计为/);
    await kept().rebuild();
    await expectInStep();

    // The column cells' count of every published article (the group's public total) too.
    const column = dbNames(app.strapi, PUBLICATION_COLUMN);
    await app.strapi.db.connection(column.table).update({ [column.column('rawArticles')]: 99 });
    expect((await kept().check()).cells).toBeGreaterThan(0);
    await kept().rebuild();
    await expectInStep();
  });

  // An import leaves PostgreSQL's statistics those of the tables before it.
  (process.env.DATABASE_CLIENT === 'postgres' ? it : it.skip)(
    'takes fresh planner statistics of the archive first (PostgreSQL)',
    async () => {
      const { tableName } = app.strapi.db.metadata.get(ARTICLE);
      const analyzed = async () => {
        const { rows } = (await app.strapi.db.connection.raw(
          'select last_analyze as at from pg_stat_user_tables where relname = ?',
          [tableName]
        )) as { rows: Array<{ at: Date | null }> };
        return rows[0]?.at?.getTime() ?? 0;
      };
      const before = await analyzed();
      await kept().rebuild();
      expect(await analyzed()).toBeGreaterThan(before);
    }
  );
});

describe("the Content Manager's whole article list", () => {
  const list = '/content-manager/collection-types/api::article.article';
  const drafts = async () => {
    const [{ n }] = await app.strapi.db
      .connection(dbNames(app.strapi, ARTICLE).table)
      .count({ n: '*' })
      .whereNull('published_at');
    return Number(n);
  };
  const total = async (admin: TestAdmin, query = '') => {
    const { body } = await asAdmin(app, admin)
      .get(`${list}?page=1&pageSize=10${query}`)
      .expect(200);
    return body.pagination.total as number;
  };

  it('takes its total from the kept figures, kept on every way a document comes and goes', async () => {
    const root = await createAdmin(app, 'strapi-super-admin', '运维');
    expect(await total(root)).toBe(await drafts());

    // Created and cloned in the Content Manager, created by the Document Service.
    const { body: created } = await asAdmin(app, root)
      .post(list, { title: '西安市发布防汛通知', site: sites.xian, body: paragraph('防汛。') })
      .expect(201);
    await asAdmin(app, root)
      .post(
        `/content-manager/collection-types/api::article.article/clone/${created.data.documentId}`,
        {
          title: '西安市发布防汛通知（副本）',
        }
      )
      .expect(200);
    const third = await app.strapi.documents(ARTICLE).create({
      data: { title: '宝鸡市发布防汛通知', site: sites.baoji, body: paragraph('防汛。') },
    });
    expect(await total(root)).toBe(await drafts());

    // Published (a published row comes, no document), then deleted one by one and in bulk.
    await publishReviewed(app, team, {
      title: '延安市发布防汛通知',
      site: sites.yanan,
      body: longBody('延安市防汛抗旱指挥部发布防汛通知，请做好准备。'),
    });
    expect(await total(root)).toBe(await drafts());
    await asAdmin(app, root).delete(`${list}/${created.data.documentId}`).expect(200);
    const { body: clones } = await asAdmin(app, root)
      .get(`${list}?page=1&pageSize=10&_q=${encodeURIComponent('副本')}`)
      .expect(200);
    await asAdmin(app, root)
      .post(`${list}/actions/bulkDelete`, {
        documentIds: [
          third.documentId,
          ...clones.results.map((row: { documentId: string }) => row.documentId),
        ],
      })
      .expect(200);
    expect(await total(root)).toBe(await drafts());
    await expectInStep();

    // A narrowed list is counted as before.
    expect(await total(root, `&_q=${encodeURIComponent('防汛')}`)).toBe(1);
  });

  it('is found by the check when changed behind its back, and mended by the rebuild', async () => {
    const root = await createAdmin(app, 'strapi-super-admin', '运维');
    const block = dbNames(app.strapi, ARTICLE_BLOCK);
    await app.strapi.db.connection(block.table).update({ [block.column('drafts')]: 1000 });
    // The list answers what is kept: the count is not taken again.
    expect(await total(root)).not.toBe(await drafts());
    const found = await kept().check();
    expect(found.cells).toBeGreaterThan(0);
    expect(found.samples.join()).toMatch(/文章总数 编号段 \d+：保存的 1000，重新统计为/);
    await kept().rebuild();
    await expectInStep();
    expect(await total(root)).toBe(await drafts());
  });
});

describe('nobody writes the figures from outside', () => {
  it('the Content Manager and the REST API neither serve nor take them', async () => {
    const day = dbNames(app.strapi, PUBLICATION_DAY);
    const cells = () => app.strapi.db.connection(day.table).select('*').orderBy('id');
    const before = await cells();
    const cm = '/content-manager/collection-types/plugin::governance.';
    for (const type of [
      'publication-day',
      'publication-entry',
      'message-day',
      'message-month',
      'article-block',
    ]) {
      const read = await asAdmin(app, province).get(`${cm}${type}`);
      expect([403, 404]).toContain(read.status);
      const write = await asAdmin(app, province).post(`${cm}${type}`, {
        siteId: 1,
        columnName: '工作动态',
        day: '2014-01-01',
        articles: 5000,
      });
      expect([403, 404]).toContain(write.status);
    }
    await app.http().get('/api/publication-days').expect(404);
    const post = await app
      .http()
      .post('/api/publication-days')
      .send({ data: { articles: 5000 } });
    expect([404, 405]).toContain(post.status);
    expect(await cells()).toEqual(before);
  });
});
