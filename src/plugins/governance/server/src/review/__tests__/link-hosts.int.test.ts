/**
 * 外链名单 and 外链审查 (docs/review.md): the hosts outside the group the province allows and
 * forbids. A link to a forbidden host blocks 送审, and the publish gate refuses an article
 * approved before its host was listed; a link to a host on neither list is shown to the
 * reviewers; the content inspection finds both in what is online.
 */
import { paragraphWithLink } from '@test-helpers/article-body';
import { approveArticle, createReviewTeam, type ReviewTeam } from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import type { LinkHostRuleEntry, WordHit } from '../../../../shared/contracts/review';
import { ARTICLE, INSPECTION_FINDING } from '../../uids';
import { ERRORS } from '../messages';

const HOSTS = '/governance/review/link-hosts';

let app: TestApp;
let team: ReviewTeam;
let province: TestAdmin;
let editor: TestAdmin;
let xian: string;

const as = (admin: TestAdmin) => asAdmin(app, admin);
const submit = (documentId: string) =>
  as(editor).post(`/governance/review/articles/${documentId}/submit`);
const draftLinking = async (title: string, url: string, text = '相关链接') =>
  (
    await app.strapi.documents(ARTICLE).create({
      data: { title, site: xian, body: paragraphWithLink('详见：', url, text) } as never,
    })
  ).documentId;

beforeAll(async () => {
  app = await startApp('link-hosts');
  team = await createReviewTeam(app);
  ({
    sites: { xian },
    staff: { province, editor },
  } = await createSitesAndStaff(app, {
    sites: { xian: { name: '西安市', level: 'city', sortOrder: 1, url: 'http://www.xa.gov.cn/' } },
    staff: {
      province: ['governance-provincial-admin', '外链管理'],
      editor: ['governance-site-editor', '西安编辑', { xian: 'editor' }],
    },
  }));
});

afterAll(() => app?.stop());

describe('the 外链名单', () => {
  it('is kept by the province: a host as written in an address, once, with its list', async () => {
    const added = await as(province)
      .post(HOSTS, { host: 'https://WWW.Gov.CN/zhengce/', list: 'allow', note: '中国政府网' })
      .expect(201);
    expect(added.body.data).toMatchObject({
      host: 'www.gov.cn',
      list: 'allow',
      note: '中国政府网',
    });
    await as(province).post(HOSTS, { host: '*.bad.example', list: 'deny' }).expect(201);
    const taken = await as(province).post(HOSTS, { host: 'www.gov.cn', list: 'deny' }).expect(400);
    expect(taken.body.error.message).toBe(ERRORS.hostTaken('www.gov.cn', 'allow'));
    for (const host of ['', '政府网', 'http://', 'localhost', 'a b.cn'])
      expect(
        (await as(province).post(HOSTS, { host, list: 'deny' }).expect(400)).body.error.message
      ).toBe(ERRORS.linkHost);
    await as(province).post(HOSTS, { host: 'x.cn', list: 'maybe' }).expect(400);
    const list = (await as(province).get(HOSTS).expect(200)).body.data as LinkHostRuleEntry[];
    expect(list.map((rule) => [rule.host, rule.list])).toEqual([
      ['bad.example', 'deny'],
      ['www.gov.cn', 'allow'],
    ]);
  });

  it('is not a site editor’s to read or change', async () => {
    await as(editor).get(HOSTS).expect(403);
    await as(editor).post(HOSTS, { host: 'evil.example', list: 'allow' }).expect(403);
    const [rule] = (await as(province).get(HOSTS).expect(200)).body.data as LinkHostRuleEntry[];
    await as(editor).delete(`${HOSTS}/${rule.id}`).expect(403);
    await as(editor).put(`${HOSTS}/${rule.id}`, { host: rule.host, list: 'allow' }).expect(403);
  });
});

describe('外链审查', () => {
  it('refuses 送审 of a link to a forbidden host, a subdomain too', async () => {
    const id = await draftLinking('关于转发通知的说明', 'http://casino.bad.example/x', '点击领取');
    const res = await submit(id).expect(400);
    expect(res.body.error.message).toBe(ERRORS.blockingHits([], [], [], ['casino.bad.example']));
    const hits = res.body.error.details.wordHits as WordHit[];
    expect(hits.map((hit) => [hit.kind, hit.level, hit.word, hit.context])).toEqual([
      ['deniedLink', 'forbidden', 'casino.bad.example', '点击领取（http://casino.bad.example/x）'],
    ]);
  });

  it('shows the reviewers a link to a host on neither list, and none to the group’s own or allowed hosts', async () => {
    const own = await draftLinking('本站链接', 'http://www.xa.gov.cn/xwzx/1.html');
    await submit(own).expect(200);
    const ownReview = await as(editor).get(`/governance/review/articles/${own}`).expect(200);
    expect(ownReview.body.data.wordHits).toEqual([]);
    const other = await draftLinking('转载报道', 'https://news.other.org/a/1.html', '原文');
    await submit(other).expect(200);
    const review = await as(editor).get(`/governance/review/articles/${other}`).expect(200);
    expect(
      (review.body.data.wordHits as WordHit[]).map((hit) => [hit.kind, hit.level, hit.word])
    ).toEqual([['externalLink', 'check', 'news.other.org']]);
  });

  it('keeps offline an approved article whose host was forbidden since, and the inspection finds what is online', async () => {
    const approved = await draftLinking('政策解读', 'https://www.late.example/p', '解读原文');
    await approveArticle(app, team, approved);
    const online = await draftLinking('已发布的文章', 'https://www.late.example/q', '参考');
    await approveArticle(app, team, online);
    await app.strapi.documents(ARTICLE).publish({ documentId: online });

    const rule = (
      await as(province).post(HOSTS, { host: 'late.example', list: 'deny' }).expect(201)
    ).body.data as LinkHostRuleEntry;
    await expect(app.strapi.documents(ARTICLE).publish({ documentId: approved })).rejects.toThrow(
      ERRORS.deniedLinks('政策解读', ['www.late.example'])
    );
    expect(
      await app.strapi.db
        .query(ARTICLE)
        .count({ where: { documentId: approved, publishedAt: { $notNull: true } } })
    ).toBe(0);

    await app.strapi.plugin('governance').service('contentInspection').run();
    const found = await app.strapi.db.query(INSPECTION_FINDING).findMany({
      where: { articleDocumentId: online, state: 'open' },
    });
    expect(
      found.map((f: { kind: string; level: string; word: string }) => [f.kind, f.level, f.word])
    ).toEqual([['deniedLink', 'forbidden', 'www.late.example']]);

    // Allowed instead, the link is no finding at the next run, and the other may go online.
    await as(province)
      .put(`${HOSTS}/${rule.id}`, { host: 'late.example', list: 'allow' })
      .expect(200);
    await app.strapi.plugin('governance').service('contentInspection').run();
    expect(
      await app.strapi.db
        .query(INSPECTION_FINDING)
        .count({ where: { articleDocumentId: online, state: 'open' } })
    ).toBe(0);
    await app.strapi.documents(ARTICLE).publish({ documentId: approved });
  });
});
