/**
 * The public content API and the content model's own rules, over real HTTP on a real database.
 */
import {
  approveArticle,
  createReviewTeam,
  publishReviewed,
  type ReviewTeam,
} from '../helpers/review';
import { setColumns } from '../helpers/sites';
import {
  createAdmin,
  plansDuring,
  queriesDuring,
  startApp,
  type TestAdmin,
  type TestApp,
} from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const SITE = 'api::site.site';

let app: TestApp;
let admin: TestAdmin;
let team: ReviewTeam;

/** A site with the column its articles here are filed under. */
const createSite = async (
  code: string,
  name: string,
  level: 'portal' | 'department' | 'city' | 'county' = 'city'
) => {
  const site = await app.strapi
    .documents(SITE)
    .create({ data: { code, name, level, sortOrder: 1, active: true } });
  await setColumns(app, site.documentId, ['工作动态']);
  return site;
};

/** A draft, or an article published after passing review. */
const createArticle = async (title: string, siteDocumentId: string, status?: 'published') => {
  const data = { title, site: siteDocumentId, column: '工作动态' };
  if (status) return publishReviewed(app, team, data);
  return app.strapi.documents(ARTICLE).create({ data });
};

const firstPublishedAtOf = async (documentId: string) => {
  const rows = await app.strapi.db
    .query(ARTICLE)
    .findMany({ where: { documentId }, select: ['firstPublishedAt', 'publishedAt'] });
  return rows.map((r) => (r.firstPublishedAt ? new Date(r.firstPublishedAt).toISOString() : null));
};

beforeAll(async () => {
  app = await startApp('content-api');
  admin = await createAdmin(app);
  team = await createReviewTeam(app);
});

afterAll(async () => {
  await app?.stop();
});

describe('GET /api/articles (public)', () => {
  let xian: { documentId: string };
  let baoji: { documentId: string };
  let draft: { documentId: string };

  beforeAll(async () => {
    xian = await createSite('xian', '西安市');
    baoji = await createSite('baoji', '宝鸡市');
    await createArticle('西安市召开低保工作会议', xian.documentId, 'published');
    await createArticle('宝鸡市开展养老服务检查', baoji.documentId, 'published');
    draft = await createArticle('尚未审核的草稿', xian.documentId);
  });

  it('lists published articles only, with no token', async () => {
    const res = await app.http().get('/api/articles').expect(200);
    const titles = res.body.data.map((a: { title: string }) => a.title).sort();
    expect(titles).toEqual(['宝鸡市开展养老服务检查', '西安市召开低保工作会议']);
  });

  it('does not reveal drafts when asked for them', async () => {
    const list = await app.http().get('/api/articles?status=draft').expect(200);
    expect(list.body.data.map((a: { title: string }) => a.title)).not.toContain('尚未审核的草稿');
    await app.http().get(`/api/articles/${draft.documentId}?status=draft`).expect(404);
  });

  it('filters by site code', async () => {
    const res = await app
      .http()
      .get('/api/articles?filters[site][code][$eq]=baoji&populate=site')
      .expect(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0].site.code).toBe('baoji');
  });

  it('filters by firstPublishedAt', async () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    const past = new Date(Date.now() - 60 * 60_000).toISOString();
    const none = await app
      .http()
      .get(`/api/articles?filters[firstPublishedAt][$gte]=${future}`)
      .expect(200);
    expect(none.body.data).toHaveLength(0);
    const all = await app
      .http()
      .get(`/api/articles?filters[firstPublishedAt][$gte]=${past}`)
      .expect(200);
    expect(all.body.data).toHaveLength(2);
  });

  it('offers no write routes to the public', async () => {
    await app
      .http()
      .post('/api/articles')
      .send({ data: { title: 'x' } })
      .expect(405);
    // The only public message list is of replies a site made public: none here.
    const messages = await app.http().get('/api/citizen-messages').expect(200);
    expect(messages.body.data).toEqual([]);
  });

  it('keeps everything else closed to anonymous callers', async () => {
    await app.http().get('/api/upload/files').expect(403);
  });

  it('refuses a caller with an invalid token instead of treating it as public', async () => {
    await app.http().get('/api/articles').set('Authorization', 'Bearer not-a-token').expect(401);
  });
});

describe('GET /api/articles of one site, read through the site key', () => {
  let yanan: { documentId: string };
  /** Newest first. */
  const published: string[] = [];

  beforeAll(async () => {
    yanan = await createSite('yanan', '延安市');
    for (const day of [4, 3, 2, 1]) {
      const { documentId } = await publishReviewed(
        app,
        team,
        {
          title: `延安第${day}篇`,
          slug: `yanan-${day}`,
          site: yanan.documentId,
          column: '工作动态',
        },
        new Date(`2026-03-0${day}T02:00:00Z`)
      );
      published.push(documentId);
    }
    await createArticle('延安的草稿', yanan.documentId);
  });

  const page = 'sort=firstPublishedAt:desc&pagination[pageSize]=3&pagination[page]=1';

  it('answers the ids, order and total the site relation answers, without the link table', async () => {
    let byCode: { body: { data: Array<{ documentId: string }>; meta: unknown } } | undefined;
    const statements = await queriesDuring(app, async () => {
      byCode = await app.http().get(`/api/articles?filters[site][code][$eq]=yanan&${page}`);
    });
    // The same rows as the relation gives (the Document Service, beneath the REST service).
    const byRelation = (await app.strapi.documents(ARTICLE).findMany({
      filters: { site: { documentId: yanan.documentId } },
      status: 'published',
      sort: 'firstPublishedAt:desc',
      limit: 3,
    })) as Array<{ documentId: string }>;
    expect(byCode!.body.data.map((a) => a.documentId)).toEqual(byRelation.map((a) => a.documentId));
    expect(byCode!.body.data.map((a) => a.documentId)).toEqual(published.slice(0, 3));
    // And by the site's document id, read through the key as well.
    const byDocumentId = await app
      .http()
      .get(`/api/articles?filters[site][documentId][$eq]=${yanan.documentId}&${page}`)
      .expect(200);
    expect(byDocumentId.body).toEqual(byCode!.body);
    expect(byCode!.body.meta).toMatchObject({ pagination: { total: 4, pageCount: 2 } });
    const { joinTable } = app.strapi.db.metadata.get(ARTICLE).attributes.site as unknown as {
      joinTable: { name: string };
    };
    // No read of the articles through the link table (a review notice still being sent after
    // the last publication may read a site through it: not this request's).
    const articles = new RegExp(`["\`]${app.strapi.db.metadata.get(ARTICLE).tableName}["\`]`);
    expect(statements.filter((sql) => sql.includes(joinTable.name) && articles.test(sql))).toEqual(
      []
    );

    // The same with Strapi's short form of $eq, and with the site populated.
    const short = await app
      .http()
      .get(`/api/articles?filters[site][code]=yanan&populate=site&${page}`)
      .expect(200);
    expect(short.body.data.map((a: { documentId: string }) => a.documentId)).toEqual(
      published.slice(0, 3)
    );
    expect(short.body.data[0].site).toMatchObject({ code: 'yanan', name: '延安市' });
  });

  it("answers the group's and a site's whole list with totals from the kept figures, as a count gives them", async () => {
    const count = (site?: { documentId: string }) =>
      app.strapi.documents(ARTICLE).count({
        status: 'published',
        ...(site ? { filters: { site: { documentId: site.documentId } } } : {}),
      });
    const expectSiteTotal = async (code: string, expected: number) => {
      const paged = await app
        .http()
        .get(`/api/articles?filters[site][code][$eq]=${code}&${page}`)
        .expect(200);
      expect(paged.body.meta.pagination).toMatchObject({ total: expected });
    };
    const expectTotal = async (expected: number) => {
      const paged = await app.http().get(`/api/articles?${page}`).expect(200);
      expect(paged.body.meta.pagination).toEqual({
        page: 1,
        pageSize: 3,
        pageCount: Math.ceil(expected / 3),
        total: expected,
      });
      const offset = await app
        .http()
        .get('/api/articles?pagination[start]=2&pagination[limit]=2')
        .expect(200);
      expect(offset.body.meta.pagination).toEqual({ start: 2, limit: 2, total: expected });
    };
    expect(await count()).toBeGreaterThanOrEqual(4);
    await expectTotal(await count());
    const uncounted = await app
      .http()
      .get('/api/articles?pagination[pageSize]=2&pagination[withCount]=false')
      .expect(200);
    expect(uncounted.body.meta.pagination).toEqual({ page: 1, pageSize: 2 });

    // Published rows the figures leave out, as an import by SQL leaves them: no first
    // publication date, no site. After the rebuild an import needs, the total still holds.
    const imported = await createSite('imported', '导入站');
    const noDate = await createArticle('无日期', imported.documentId, 'published');
    const noSite = await createArticle('无站点', imported.documentId, 'published');
    const { tableName, attributes } = app.strapi.db.metadata.get(ARTICLE);
    const { joinTable } = attributes.site as unknown as { joinTable: { name: string } };
    const knex = app.strapi.db.connection;
    await knex(tableName)
      .where('document_id', noDate.documentId)
      .update({ first_published_at: null });
    const noSiteIds = knex(tableName).select('id').where('document_id', noSite.documentId);
    await knex(joinTable.name).whereIn('article_id', noSiteIds).delete();
    await knex(tableName).where('document_id', noSite.documentId).update({ site_key: null });
    await app.strapi.plugin('governance').service('keptFigures').rebuild();
    await expectTotal(await count());
    // One site's: its articles in the figures, and the one without a date by its own range.
    expect(await count(imported)).toBe(1);
    await expectSiteTotal('imported', 1);
    await expectSiteTotal('yanan', await count(yanan));
    // A filter narrower than the site is counted as asked.
    const columnList = await app
      .http()
      .get(`/api/articles?filters[site][code][$eq]=yanan&filters[column][$eq]=其他&${page}`)
      .expect(200);
    expect(columnList.body.meta.pagination).toMatchObject({ total: 0 });

    // The total is not a count of the archive: the articles counted are the few the figures
    // leave out, by index (SQLite: what the plan reads does not depend on the table's size).
    if (process.env.DATABASE_CLIENT !== 'postgres') {
      const counts = (
        await plansDuring(app, [tableName], () =>
          app.http().get(`/api/articles?${page}`).expect(200)
        )
      ).filter(({ sql }) => /count\(/i.test(sql));
      expect(counts.map(({ plan }) => plan)).toEqual([
        [expect.stringMatching(/^SEARCH .* \(site_key=\?/)],
        [expect.stringMatching(/^SEARCH .* \(first_published_at=\?/)],
      ]);
      const siteCounts = (
        await plansDuring(app, [tableName], () =>
          app.http().get(`/api/articles?filters[site][code][$eq]=yanan&${page}`).expect(200)
        )
      ).filter(({ sql }) => /count\(/i.test(sql));
      expect(siteCounts.map(({ plan }) => plan)).toEqual([
        [expect.stringMatching(/^SEARCH .* \(site_key=\? AND first_published_at=\?/)],
      ]);
    }
  });

  it('shows no draft, no private field and not the key, and takes no filter on the key', async () => {
    const all = await app
      .http()
      .get('/api/articles?filters[site][code][$eq]=yanan&pagination[pageSize]=100')
      .expect(200);
    expect(all.body.data.map((a: { title: string }) => a.title)).not.toContain('延安的草稿');
    for (const article of all.body.data) {
      expect(article).not.toHaveProperty('siteKey');
      expect(article).not.toHaveProperty('sourceSubmitterName');
      expect(article).not.toHaveProperty('simhash');
    }
    await app.http().get('/api/articles?filters[siteKey][$eq]=1').expect(400);
  });

  it.each([
    ['a title', 'filters[title][$eq]=x', '公开查询不能按“title”筛选'],
    ['words in a body', 'filters[body][$containsi]=x', '公开查询不能按“body”筛选'],
    ['a pattern in a slug', 'filters[slug][$contains]=x', '“slug”不能使用条件“$contains”'],
    ['an $or', 'filters[$or][0][documentId][$eq]=x', '公开查询不能按“$or”筛选'],
    ['several sites', 'filters[site][code][$in][0]=yanan', '“site.code”不能使用条件“$in”'],
    ['a column of every site', 'filters[column][$eq]=x', '按栏目筛选时须同时指定站点'],
    [
      'special topics of every site',
      'filters[isSpecialTopic][$eq]=true',
      '按专题筛选时须同时指定站点',
    ],
    ['a sort by title', 'sort=title:asc', '不能按“title”排序'],
    ['a sort list', 'sort[0]=firstPublishedAt:desc&sort[1]=slug:asc', '不能按“slug”排序'],
    ['the author', 'populate=createdBy', '不能附带“createdBy”'],
  ])('refuses %s, which no index answers, in Chinese (400)', async (_what, query, message) => {
    const res = await app.http().get(`/api/articles?${query}`).expect(400);
    expect(res.body.error.message).toContain(message);
  });

  it('answers what an index answers: a column of a site, a period, a slug, the site', async () => {
    const column = await app
      .http()
      .get(
        `/api/articles?filters[site][code]=yanan&filters[column][$eq]=${encodeURIComponent('工作动态')}&filters[isSpecialTopic][$eq]=false&sort=firstPublishedAt:asc&populate=site`
      )
      .expect(200);
    expect(column.body.data.map((a: { documentId: string }) => a.documentId)).toEqual(
      [...published].reverse()
    );
    const [first] = column.body.data as Array<{ slug: string; documentId: string }>;
    const bySlug = await app
      .http()
      .get(`/api/articles?filters[slug][$eq]=${first.slug}`)
      .expect(200);
    expect(bySlug.body.data.map((a: { documentId: string }) => a.documentId)).toEqual([
      first.documentId,
    ]);
    const period = await app
      .http()
      .get(
        '/api/articles?filters[site][code]=yanan&filters[firstPublishedAt][$gte]=2026-03-02T00:00:00Z&filters[firstPublishedAt][$lt]=2026-03-04T00:00:00Z'
      )
      .expect(200);
    expect(period.body.meta.pagination.total).toBe(2);
  });

  it('lists nothing for a code no site has', async () => {
    const none = await app.http().get('/api/articles?filters[site][code][$eq]=nowhere').expect(200);
    expect(none.body).toMatchObject({ data: [], meta: { pagination: { total: 0 } } });
  });
});

describe('GET /api/sites (public)', () => {
  it('lists sites without private fields', async () => {
    await app.strapi.documents(SITE).create({
      data: {
        code: 'hanzhong',
        name: '汉中市',
        level: 'city',
        sortOrder: 2,
        active: true,
        responsiblePhone: '029-00000000',
      },
    });
    const res = await app.http().get('/api/sites?filters[code][$eq]=hanzhong').expect(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0].name).toBe('汉中市');
    expect(res.body.data[0]).not.toHaveProperty('responsiblePhone');
  });
});

describe('site codes', () => {
  it('refuses a duplicate code through the admin with a message naming the holder', async () => {
    await createSite('weinan', '渭南市');
    const res = await app
      .http()
      .post(`/content-manager/collection-types/${SITE}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ code: 'weinan', name: '另一个渭南', level: 'city', sortOrder: 3, active: true })
      .expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toContain('站点代码 weinan 已被“渭南市”使用');
    expect(await app.strapi.db.query(SITE).count({ where: { code: 'weinan' } })).toBe(1);
  });

  it('accepts a unique code and keeps a site its own code on update', async () => {
    const site = await createSite('yulin', '榆林市');
    await app
      .http()
      .put(`/content-manager/collection-types/${SITE}/${site.documentId}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ code: 'yulin', name: '榆林市民政局' })
      .expect(200);
  });
});

describe('article bodies', () => {
  it('lose script links on every write path', async () => {
    const site = await createSite('tongchuan', '铜川市');
    const body = [
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: '点击' }] },
        ],
      },
    ];
    const res = await app
      .http()
      .post(`/content-manager/collection-types/${ARTICLE}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ title: '带链接的文章', site: site.documentId, body })
      .expect(201);
    const stored = await app.strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId: res.body.data.documentId } });
    expect(stored.body).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '点击' }] },
    ]);
  });
});

describe('firstPublishedAt', () => {
  let site: { documentId: string };
  beforeAll(async () => {
    site = await createSite('ankang', '安康市');
  });

  it('is set on the first publish and kept by a republish', async () => {
    const article = await createArticle('安康市临时救助工作', site.documentId);
    expect(await firstPublishedAtOf(article.documentId)).toEqual([null]);

    await approveArticle(app, team, article.documentId);
    const published = await app.strapi
      .documents(ARTICLE)
      .publish({ documentId: article.documentId });
    const stamps = await firstPublishedAtOf(article.documentId);
    expect(stamps).toHaveLength(2);
    expect(stamps[0]).not.toBeNull();
    expect(new Set(stamps).size).toBe(1);
    expect(new Date(published.entries[0].firstPublishedAt as Date | string).toISOString()).toBe(
      stamps[0]
    );

    await new Promise((resolve) => setTimeout(resolve, 20));
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId: article.documentId, data: { title: '安康市临时救助工作(更新)' } });
    await approveArticle(app, team, article.documentId);
    await app.strapi.documents(ARTICLE).publish({ documentId: article.documentId });
    await app.strapi.documents(ARTICLE).unpublish({ documentId: article.documentId });
    await app.strapi.documents(ARTICLE).publish({ documentId: article.documentId });
    expect(await firstPublishedAtOf(article.documentId)).toEqual(stamps);
  });

  it('cannot be written by a client (no backdating)', async () => {
    const res = await app
      .http()
      .post(`/content-manager/collection-types/${ARTICLE}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({
        title: '试图倒签日期',
        site: site.documentId,
        firstPublishedAt: '2014-01-01T00:00:00.000Z',
      })
      .expect(201);
    const documentId = res.body.data.documentId;
    expect(await firstPublishedAtOf(documentId)).toEqual([null]);
    await approveArticle(app, team, documentId);

    await app
      .http()
      .post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ title: '试图倒签日期', firstPublishedAt: '2014-01-01T00:00:00.000Z' })
      .expect(200);
    const [stamp] = await firstPublishedAtOf(documentId);
    expect(new Date(stamp!).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('cannot be moved once set: by a Content Manager save, a clone or the Document Service', async () => {
    const { documentId } = await createArticle('已发布后改日期', site.documentId, 'published');
    const stamps = await firstPublishedAtOf(documentId);
    const cm = `/content-manager/collection-types/${ARTICLE}`;
    const auth = { Authorization: `Bearer ${admin.token}` };
    const backdated = { firstPublishedAt: '2014-01-01T00:00:00.000Z' };

    await app
      .http()
      .put(`${cm}/${documentId}`)
      .set(auth)
      .send({ title: '已发布后改日期', ...backdated })
      .expect(200);
    await app.strapi.documents(ARTICLE).update({ documentId, data: backdated as never });
    expect(await firstPublishedAtOf(documentId)).toEqual(stamps);

    const clone = await app
      .http()
      .post(`${cm}/clone/${documentId}`)
      .set(auth)
      .send({ title: '复制的文章', ...backdated })
      .expect(200);
    expect(await firstPublishedAtOf(clone.body.data.documentId)).toEqual([null]);
  });

  it('is shown read-only in the edit view', async () => {
    const res = await app
      .http()
      .get(`/content-manager/content-types/${ARTICLE}/configuration`)
      .set('Authorization', `Bearer ${admin.token}`)
      .expect(200);
    expect(res.body.data.contentType.metadatas.firstPublishedAt.edit).toMatchObject({
      label: '首次发布时间',
      editable: false,
    });
  });

  it('is set when an approved article is published by an update with status published', async () => {
    const article = await createArticle('更新即发布', site.documentId);
    await approveArticle(app, team, article.documentId);
    await app.strapi
      .documents(ARTICLE)
      .update({ documentId: article.documentId, data: {}, status: 'published' });
    const stamps = await firstPublishedAtOf(article.documentId);
    expect(stamps).toHaveLength(2);
    expect(stamps.every((s) => s !== null)).toBe(true);
  });
});

describe('GET /favicon.ico and /favicon.png', () => {
  // Every browser asks for /favicon.ico on every admin page; a missing file answered 500 with a stack trace.
  it.each(['/favicon.ico', '/favicon.png'])('%s answers the group logo', async (url) => {
    const res = await app.http().get(url).buffer(true).expect(200);
    expect(res.headers['content-type']).toMatch(/^image\//);
    // The PNG itself, whichever name it is asked by.
    expect(Buffer.from(res.body).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(res.body.length).toBeGreaterThan(100);
  });
});
