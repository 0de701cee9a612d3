import { createReviewTeam, publishReviewed, type ReviewTeam } from '@test-helpers/review';
import { createSites } from '@test-helpers/sites';
import { createAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { YEAR_ERROR } from '../../utils/query-fields';
import { ARTICLE } from '../../uids';

let app: TestApp;
let admin: TestAdmin;
let editor: TestAdmin;
let team: ReviewTeam;

/** Publishes an article and moves its first publication to `instant`, as if published then. */
const publishedAt = (site: string, title: string, instant: string, isSpecialTopic = false) =>
  publishReviewed(app, team, { title, site, isSpecialTopic }, new Date(instant));

const overview = (token: string, query = '') =>
  app.http().get(`/governance/overview${query}`).set('Authorization', `Bearer ${token}`);

beforeAll(async () => {
  app = await startApp('overview');
  admin = await createAdmin(app);
  editor = await createAdmin(app, 'strapi-editor');
  team = await createReviewTeam(app);

  const {
    sites: { xian: city, 'xian-beilin': county },
  } = await createSites(app, {
    xian: { name: '西安市', level: 'city', sortOrder: 1 },
    'xian-beilin': { name: '碑林区', level: 'county', sortOrder: 2 },
    portal: { name: '陕西民政网', level: 'portal', sortOrder: 0 },
  });

  // Last second of 2014 and first second of 2015, in Shanghai time.
  await publishedAt(city, '2014年最后一条', '2014-12-31T15:59:59Z');
  await publishedAt(city, '2015年第一条', '2014-12-31T16:00:00Z');
  await publishedAt(county, '2014年专题', '2014-06-01T02:00:00Z', true);

  const withdrawn = await publishedAt(county, '已撤下', '2014-06-02T02:00:00Z');
  await app.strapi.documents(ARTICLE).unpublish({ documentId: withdrawn.documentId });
  const deleted = await publishedAt(county, '已删除', '2014-06-03T02:00:00Z');
  await app.strapi.documents(ARTICLE).delete({ documentId: deleted.documentId });
  await app.strapi.documents(ARTICLE).create({ data: { title: '草稿', site: county } });

  await app.strapi.documents('api::citizen-message.citizen-message').create({
    data: {
      site: county,
      category: 'consultation',
      subject: '咨询低保',
      body: '请问如何申请?',
      name: '张三',
      queryCode: 'TEST0001',
      status: 'replied',
      receivedAt: new Date('2014-03-01T02:00:00Z'),
      repliedAt: new Date('2014-03-03T02:00:00Z'),
    },
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('GET /governance/overview', () => {
  it('counts each level by first publication in the local year', async () => {
    const res = await overview(admin.token, '?year=2014').expect(200);
    const { data } = res.body;
    expect(data).toMatchObject({ year: 2014, timezone: 'Asia/Shanghai' });
    const byLevel = Object.fromEntries(data.levels.map((l: { level: string }) => [l.level, l]));
    expect(byLevel.city).toMatchObject({ sites: 1, articles: 1, specialTopics: 0, messages: 0 });
    expect(byLevel.county).toMatchObject({
      sites: 1,
      articles: 1,
      specialTopics: 1,
      messages: 1,
      replies: 1,
    });
    expect(byLevel.portal).toMatchObject({ sites: 1, articles: 0 });
    expect(byLevel.department).toMatchObject({ sites: 0, articles: 0 });
    expect(data.totals).toEqual({
      sites: 3,
      articles: 2,
      specialTopics: 1,
      messages: 1,
      replies: 1,
    });
  });

  it('puts the first second of 2015 (Shanghai) into 2015', async () => {
    const res = await overview(admin.token, '?year=2015').expect(200);
    expect(res.body.data.totals.articles).toBe(1);
  });

  it('defaults to the latest year anything was published in and lists the years', async () => {
    const res = await overview(admin.token).expect(200);
    expect(res.body.data.year).toBe(2015);
    expect(res.body.data.years).toContain(2014);
    expect(res.body.data.years).toContain(new Date().getFullYear());
  });

  it.each(['abc', '1800', '2014.5'])(
    'refuses year=%s with a message a person can act on',
    async (year) => {
      const res = await overview(admin.token, `?year=${year}`).expect(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toBe(YEAR_ERROR);
    }
  );

  it('is refused to a user without the overview permission', async () => {
    await overview(editor.token, '?year=2014').expect(403);
  });

  it('is refused without a token', async () => {
    await app.http().get('/governance/overview').expect(401);
  });
});
