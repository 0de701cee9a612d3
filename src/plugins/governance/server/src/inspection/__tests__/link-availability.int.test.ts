/**
 * 链接可用性 (docs/inspection.md): the content inspection reads what each published article links
 * to, decides the group's own links at once from the database (a media library file, an
 * article's slug) and asks the others over the network (here a server of the test's own, a
 * closed port and a host that does not exist); a link that fails twice a day apart is a
 * `brokenLink` finding until it opens again or the article stops linking it, and 站群监测 counts
 * them per site.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import { libraryFile, imageBlock, paragraph } from '@test-helpers/article-body';
import { approveArticle, createReviewTeam, type ReviewTeam } from '@test-helpers/review';
import { createSitesAndStaff } from '@test-helpers/sites';
import { sheetRows } from '@test-helpers/spreadsheets';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import { ARTICLE, ARTICLE_LINK, INSPECTION_FINDING, INSPECTION_RUN, LINK_STATE } from '../../uids';
import { urlHashOf } from '../link-targets';
import { closedPort } from '@test-helpers/ports';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let app: TestApp;
let team: ReviewTeam;
let province: TestAdmin;
let editor: TestAdmin;
let sites: Record<'xian' | 'baoji', string>;
let siteIds: Record<'xian' | 'baoji', number>;
let server: http.Server;
let base: string;
/** Whether /recovers answers 200 yet (500 until then). */
let recovered = false;
/** Where the test's clock stands: each run a day or more after the one before. */
let clock = Date.now();

const inspection = () => app.strapi.plugin('governance').service('contentInspection');
const run = (after = 0, options: object = {}) => {
  clock += after;
  return inspection().run({ now: new Date(clock), ...options });
};

interface Finding {
  id: number;
  articleDocumentId: string;
  siteId: number;
  kind: string;
  level: string;
  word: string;
  found: string;
  field: string;
  context: string;
  state: string;
}
const brokenFindings = async (where: object = {}) =>
  (await app.strapi.db.query(INSPECTION_FINDING).findMany({
    where: { kind: 'brokenLink', ...where },
    orderBy: { id: 'asc' },
  })) as Finding[];

interface State {
  url: string;
  host: string | null;
  internal: boolean;
  health: string | null;
  status: number | null;
  failure: string | null;
  finalUrl: string | null;
  redirects: Array<{ url: string; status: number }> | null;
  firstFailedAt: string | null;
  checkedAt: string | null;
}
const stateOf = async (url: string) =>
  (await app.strapi.db
    .query(LINK_STATE)
    .findOne({ where: { urlHash: urlHashOf(url) } })) as State | null;

/** A paragraph of links, each on its words. */
const linksParagraph = (links: Array<[string, string]>) => ({
  type: 'paragraph',
  children: [
    { type: 'text', text: '相关链接：' },
    ...links.map(([url, text]) => ({ type: 'link', url, children: [{ type: 'text', text }] })),
    { type: 'text', text: '' },
  ],
});

/** Written, approved through the site's review chain, published. */
const publishWith = async (
  site: 'xian' | 'baoji',
  title: string,
  body: unknown[],
  slug?: string
) => {
  const draft = await app.strapi.documents(ARTICLE).create({
    data: { title, site: sites[site], body, ...(slug ? { slug } : {}) } as never,
  });
  await approveArticle(app, team, draft.documentId);
  await app.strapi.documents(ARTICLE).publish({ documentId: draft.documentId });
  return draft.documentId;
};

/** The published article's body replaced, reviewed and published again. */
const republish = async (documentId: string, body: unknown[]) => {
  await app.strapi.documents(ARTICLE).update({ documentId, data: { body } as never });
  await approveArticle(app, team, documentId);
  await app.strapi.documents(ARTICLE).publish({ documentId });
};

const XIAN = 'http://www.xa.gov.cn';
let url: Record<string, string>;
let policy: string;
let notice: string;
let policyBody: unknown[];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const send = (status: number, headers: Record<string, string> = {}) => {
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : 'body');
    };
    const path = req.url ?? '/';
    if (path === '/ok') return send(200);
    if (path === '/missing') return send(404);
    if (path === '/failing') return send(500);
    if (path === '/recovers') return send(recovered ? 200 : 500);
    // Past the time limit; not keeping jest waiting once the test is over.
    if (path === '/slow') return void setTimeout(() => send(200), 1_500).unref();
    if (path === '/r1') return send(301, { location: '/r2' });
    if (path === '/r2') return send(302, { location: `${base}/ok` });
    send(404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  app = await startApp('link-availability');
  // A short time limit keeps the slow answer's test quick; no pause between two requests.
  app.strapi.config.set('plugin::governance.inspection.links', {
    timeoutMs: 400,
    perHost: 2,
    politenessMs: 0,
    hosts: 8,
    recheckDays: 7,
  });
  team = await createReviewTeam(app);
  ({
    sites,
    siteIds,
    staff: { province, editor },
  } = await createSitesAndStaff(app, {
    sites: {
      xian: {
        name: '西安市',
        level: 'city',
        sortOrder: 1,
        url: XIAN,
        visitDomains: '*.xa.gov.cn',
      },
      baoji: { name: '宝鸡市', level: 'city', sortOrder: 2, url: 'http://www.baoji.gov.cn' },
    },
    staff: {
      province: ['governance-provincial-admin', '链接巡检'],
      editor: ['governance-site-editor', '西安编辑', { xian: 'editor' }],
    },
  }));

  // The group's own: a file of the media library, an image, a published article, one taken down.
  const plan = await libraryFile(app, '实施方案.png', 'plan_real', { site: sites.xian });
  const photo = await libraryFile(app, '会议现场.png', 'photo_real', {
    site: sites.xian,
    alternativeText: '会议现场',
  });
  await publishWith('xian', '已发布的政策解读', paragraph('正文。'), 'published-target');
  const withdrawn = await publishWith(
    'xian',
    '已撤下的通知',
    paragraph('正文。'),
    'withdrawn-target'
  );
  await app.strapi.documents(ARTICLE).unpublish({ documentId: withdrawn });

  url = {
    ok: `${base}/ok`,
    redirected: `${base}/r1`,
    missing: `${base}/missing`,
    failing: `${base}/failing`,
    recovers: `${base}/recovers`,
    slow: `${base}/slow`,
    refused: `http://127.0.0.1:${await closedPort()}/page`,
    nowhere: 'http://no-such-host.invalid/page',
    upload: `${XIAN}${plan.url}`,
    lostUpload: `${XIAN}/uploads/no-such-file.pdf`,
    article: `${XIAN}/news/published-target.html`,
    withdrawn: 'http://mz.xa.gov.cn/tzgg/withdrawn-target.shtml',
    ownPage: `${XIAN}/about/`,
    image: `${XIAN}${photo.url}`,
  };
  policyBody = [
    linksParagraph([
      [url.ok, '正常页面'],
      [url.redirected, '跳转页面'],
      [url.missing, '失效页面'],
      [url.failing, '出错页面'],
      [url.recovers, '恢复的页面'],
      [url.slow, '很慢的页面'],
      [url.refused, '拒绝连接的页面'],
      [url.nowhere, '不存在的网站'],
      [plan.url, '实施方案'],
      ['/uploads/no-such-file.pdf', '丢失的附件'],
      ['/news/published-target.html', '政策解读'],
      [url.withdrawn, '撤下的通知'],
      ['/about/', '机构概况'],
      ['mailto:office@xa.gov.cn', '来信'],
    ]),
    imageBlock({ ...photo, caption: null }),
  ];
  policy = await publishWith('xian', '西安市政策汇编', policyBody);
  notice = await publishWith('baoji', '宝鸡市通知', [
    linksParagraph([
      [url.missing, '西安的失效页面'],
      [url.ok, '正常页面'],
    ]),
  ]);
});

afterAll(async () => {
  await app?.stop();
  // The checker's connections are kept alive: closed here, or close() would wait for them.
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('链接可用性', () => {
  it('records what each published article links to and decides the group’s own links at once', async () => {
    const first = await run();
    expect(first).toMatchObject({ stopped: false, linksBroken: 2 });

    const rows = (await app.strapi.db.query(ARTICLE_LINK).findMany({
      where: { articleDocumentId: policy },
      orderBy: { id: 'asc' },
    })) as Array<{ url: string; kind: string; text: string; siteId: number; urlHash: string }>;
    // Every link and the image once, made absolute on the site's 网址; no mailto: (the editor
    // takes no `#…` link: Strapi's blocks validator refuses it; link-targets.test.ts skips it).
    expect(rows.map((row) => [row.kind, row.url, row.text])).toEqual([
      ['link', url.ok, '正常页面'],
      ['link', url.redirected, '跳转页面'],
      ['link', url.missing, '失效页面'],
      ['link', url.failing, '出错页面'],
      ['link', url.recovers, '恢复的页面'],
      ['link', url.slow, '很慢的页面'],
      ['link', url.refused, '拒绝连接的页面'],
      ['link', url.nowhere, '不存在的网站'],
      ['link', url.upload, '实施方案'],
      ['link', url.lostUpload, '丢失的附件'],
      ['link', url.article, '政策解读'],
      ['link', url.withdrawn, '撤下的通知'],
      ['link', url.ownPage, '机构概况'],
      ['image', url.image, '会议现场'],
    ]);
    expect(new Set(rows.map((row) => row.siteId))).toEqual(new Set([siteIds.xian]));
    expect(rows.every((row) => row.urlHash === urlHashOf(row.url))).toBe(true);

    // The group's own, without a request: a real file, an image, a published slug open…
    for (const own of [url.upload, url.image, url.article])
      expect(await stateOf(own)).toMatchObject({ internal: true, health: 'ok' });
    // …a missing file and an article taken down are broken at once.
    expect(await stateOf(url.lostUpload)).toMatchObject({
      internal: true,
      health: 'broken',
      failure: 'missingFile',
    });
    expect(await stateOf(url.withdrawn)).toMatchObject({
      internal: true,
      health: 'broken',
      failure: 'missingArticle',
    });
    // A page of the site the CMS cannot tell is asked over the network (no DNS here).
    expect(await stateOf(url.ownPage)).toMatchObject({
      internal: false,
      health: 'failing',
      failure: 'dns',
    });

    // The others asked: what opens is ok, the redirect chain recorded.
    expect(await stateOf(url.ok)).toMatchObject({
      health: 'ok',
      status: 200,
      finalUrl: null,
      redirects: null,
    });
    expect(await stateOf(url.redirected)).toMatchObject({
      health: 'ok',
      status: 200,
      finalUrl: url.ok,
      redirects: [
        { url: url.redirected, status: 301 },
        { url: `${base}/r2`, status: 302 },
      ],
    });
    // One failure is no finding yet: failing, with what went wrong.
    const failing: Array<[string, number | null, string]> = [
      [url.missing, 404, 'http'],
      [url.failing, 500, 'http'],
      [url.recovers, 500, 'http'],
      [url.slow, null, 'timeout'],
      [url.refused, null, 'refused'],
      [url.nowhere, null, 'dns'],
    ];
    for (const [address, status, failure] of failing)
      expect([address, await stateOf(address)]).toEqual([
        address,
        expect.objectContaining({ health: 'failing', status, failure }),
      ]);

    const found = await brokenFindings({ state: 'open' });
    expect(found.map((f) => [f.articleDocumentId, f.level, f.word, f.found, f.context])).toEqual([
      [
        policy,
        'check',
        '丢失的附件',
        url.lostUpload,
        `“丢失的附件”（${url.lostUpload}）：文件不存在`,
      ],
      [
        policy,
        'check',
        '撤下的通知',
        url.withdrawn,
        `“撤下的通知”（${url.withdrawn}）：文章不存在或已撤下`,
      ],
    ]);
    // Links are checked, not vetoed: nothing alerted.
    const alerts = (
      await asAdmin(app, province).get('/governance/oversight/alerts?pageSize=50').expect(200)
    ).body.data as unknown[];
    expect(alerts).toEqual([]);
    // The run records what the link check did.
    const [recorded] = (await app.strapi.db
      .query(INSPECTION_RUN)
      .findMany({ where: { id: first.runId } })) as Array<Record<string, unknown>>;
    expect(recorded).toMatchObject({
      linksChecked: first.linksChecked,
      linksBroken: 2,
      finishedAt: expect.anything(),
    });
    // Five of the group's own decided in the text phase, nine asked over the network.
    expect(first.linksChecked).toBe(14);
  });

  it('counts a link broken after a second failure a day later, and leaves what opens alone', async () => {
    const okBefore = await stateOf(url.ok);
    const second = await run(20 * HOUR);
    // What opened was checked a day ago: not asked again within the week.
    expect(await stateOf(url.ok)).toEqual(okBefore);
    // Failing since the first run, failing again 20 hours later: broken.
    for (const address of [
      url.missing,
      url.failing,
      url.recovers,
      url.slow,
      url.refused,
      url.nowhere,
      url.ownPage,
    ])
      expect([address, (await stateOf(address))?.health]).toEqual([address, 'broken']);
    // Those seven asked again, and the group's own five resolved again (a day on).
    expect(second).toMatchObject({ linksChecked: 12, linksBroken: 9 });

    const found = await brokenFindings({ state: 'open', articleDocumentId: policy });
    expect(found.map((f) => f.context).sort()).toEqual(
      [
        `“失效页面”（${url.missing}）：404 页面不存在`,
        `“出错页面”（${url.failing}）：500 服务器错误`,
        `“恢复的页面”（${url.recovers}）：500 服务器错误`,
        `“很慢的页面”（${url.slow}）：超时`,
        `“拒绝连接的页面”（${url.refused}）：拒绝连接`,
        `“不存在的网站”（${url.nowhere}）：域名无法解析`,
        `“机构概况”（${url.ownPage}）：域名无法解析`,
        `“丢失的附件”（${url.lostUpload}）：文件不存在`,
        `“撤下的通知”（${url.withdrawn}）：文章不存在或已撤下`,
      ].sort()
    );
    // Another site's article linking the same address has its own finding.
    expect(
      (await brokenFindings({ state: 'open', articleDocumentId: notice })).map((f) => [
        f.siteId,
        f.word,
      ])
    ).toEqual([[siteIds.baoji, '西安的失效页面']]);

    // On the 内容巡检 page, under its kind, within the caller's sites.
    const listed = (
      await asAdmin(app, editor)
        .get('/governance/inspection/findings?kind=brokenLink&pageSize=50')
        .expect(200)
    ).body;
    expect(listed.pagination.total).toBe(9);
    expect(listed.data[0]).toMatchObject({ kind: 'brokenLink', level: 'check', field: 'body' });
    const summary = (await asAdmin(app, province).get('/governance/inspection/summary').expect(200))
      .body.data;
    expect(summary.lastFinished).toMatchObject({
      linksChecked: second.linksChecked,
      linksBroken: second.linksBroken,
    });
  });

  it('shows 站群监测 each site’s count of open broken links, a figure and no veto', async () => {
    const open = async (site: 'xian' | 'baoji') =>
      (await brokenFindings({ state: 'open', siteId: siteIds[site] })).length;
    const rows = (await asAdmin(app, province).get('/governance/oversight').expect(200)).body
      .data as Array<{ site: { code: string }; brokenLinks: number; status: string }>;
    const row = (code: string) => rows.find((r) => r.site.code === code)!;
    expect(row('xian').brokenLinks).toBe(await open('xian'));
    expect(row('xian').brokenLinks).toBe(9);
    expect(row('baoji').brokenLinks).toBe(await open('baoji'));
    expect(row('baoji').brokenLinks).toBe(1);
    const detail = (
      await asAdmin(app, province).get(`/governance/oversight/sites/${sites.xian}`).expect(200)
    ).body.data as { brokenLinks: number; rules: Array<{ rule: string }> };
    expect(detail.brokenLinks).toBe(9);
    expect(detail.rules.map((r) => r.rule)).not.toContain('brokenLink');
    // And in its export, beside the other figures.
    const sheet = (
      await sheetRows(
        await asAdmin(app, province).download('/governance/reports/oversight').expect(200)
      )
    ).map((row) => row.map((cell) => String(cell ?? '')));
    const heads = sheet.find((row) => row[0] === '网站')!;
    const column = heads.indexOf('不可用链接');
    expect(column).toBeGreaterThan(0);
    expect(sheet.find((row) => row[0] === '西安市')![column]).toBe('9');
  });

  it('keeps a false positive dismissed for the same article and address', async () => {
    const [failing] = await brokenFindings({ state: 'open', found: url.failing });
    await asAdmin(app, editor)
      .post(`/governance/inspection/findings/${failing.id}/dismiss`, {
        reason: '内网系统，仅在单位内部打开',
      })
      .expect(200);
    // Asked again a week on, still failing: it stays dismissed.
    await run(8 * DAY);
    expect((await stateOf(url.failing))?.health).toBe('broken');
    expect(await brokenFindings({ found: url.failing, articleDocumentId: policy })).toEqual([
      expect.objectContaining({ id: failing.id, state: 'dismissed' }),
    ]);
    // Nor does reading the article again reopen it.
    await republish(policy, [paragraph('新增一段说明。')[0], ...policyBody]);
    await run(HOUR);
    expect(await brokenFindings({ found: url.failing, articleDocumentId: policy })).toEqual([
      expect.objectContaining({ id: failing.id, state: 'dismissed' }),
    ]);
  });

  it('marks a finding gone once its address opens again, or the article stops linking it', async () => {
    const [recovers] = await brokenFindings({ state: 'open', found: url.recovers });
    recovered = true;
    await run(8 * DAY);
    expect(await stateOf(url.recovers)).toMatchObject({
      health: 'ok',
      status: 200,
      firstFailedAt: null,
    });
    expect(await brokenFindings({ id: recovers.id })).toEqual([
      expect.objectContaining({ state: 'gone' }),
    ]);

    // The article corrected: the missing page and the lost file no longer linked.
    const [missing] = await brokenFindings({
      state: 'open',
      found: url.missing,
      articleDocumentId: policy,
    });
    const [lost] = await brokenFindings({ state: 'open', found: url.lostUpload });
    const dropped = new Set([url.missing, '/uploads/no-such-file.pdf']);
    const corrected = policyBody.map((block) => {
      const node = block as { type: string; children?: Array<{ url?: string }> };
      return node.type === 'paragraph'
        ? { ...node, children: node.children!.filter((child) => !dropped.has(child.url ?? '')) }
        : node;
    });
    await republish(policy, corrected);
    await run(HOUR);
    expect(await brokenFindings({ id: { $in: [missing.id, lost.id] } })).toEqual([
      expect.objectContaining({ state: 'gone' }),
      expect.objectContaining({ state: 'gone' }),
    ]);
    // The other site still links the missing page: its finding and the address's state stay.
    expect(await brokenFindings({ state: 'open', found: url.missing })).toEqual([
      expect.objectContaining({ articleDocumentId: notice }),
    ]);
    expect(await stateOf(url.missing)).not.toBeNull();
    // Linked by nobody now, the lost file's state is dropped.
    expect(await stateOf(url.lostUpload)).toBeNull();

    // Taken offline, an article's links are forgotten and its findings gone.
    await app.strapi.documents(ARTICLE).unpublish({ documentId: notice });
    expect(await brokenFindings({ state: 'open', articleDocumentId: notice })).toEqual([]);
    expect(
      await app.strapi.db.query(ARTICLE_LINK).count({ where: { articleDocumentId: notice } })
    ).toBe(0);
    expect(await stateOf(url.missing)).toBeNull();

    const rows = (await asAdmin(app, province).get('/governance/oversight').expect(200)).body
      .data as Array<{ site: { code: string }; brokenLinks: number }>;
    expect(rows.find((r) => r.site.code === 'xian')!.brokenLinks).toBe(
      (await brokenFindings({ state: 'open', siteId: siteIds.xian })).length
    );
    expect(rows.find((r) => r.site.code === 'baoji')!.brokenLinks).toBe(0);
  });

  it('stops between batches when told, and the next run goes on with what is due', async () => {
    recovered = false;
    const stop = new AbortController();
    const stopped = await run(8 * DAY, {
      signal: stop.signal,
      onProgress: ({ linksChecked }: { linksChecked: number }) => {
        if (linksChecked > 0) stop.abort();
      },
    });
    expect(stopped).toMatchObject({ stopped: true });
    const unfinished = await app.strapi.db
      .query(INSPECTION_RUN)
      .findOne({ where: { id: stopped.runId } });
    expect(unfinished.finishedAt).toBeNull();
    const resumed = await run(0);
    expect(resumed).toMatchObject({ runId: stopped.runId, stopped: false });
    expect(
      (await app.strapi.db.query(INSPECTION_RUN).findOne({ where: { id: stopped.runId } }))
        .finishedAt
    ).not.toBeNull();
    // Failing again after it opened: failing, not yet a finding.
    expect((await stateOf(url.recovers))?.health).toBe('failing');
  });
});
