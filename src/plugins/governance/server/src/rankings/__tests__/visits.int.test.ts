/**
 * The visit beacon: counted in memory per site and local day, written in batches, robots and
 * floods left out, and two instances adding their own counts without losing or doubling any.
 * Issue 25 (visits are cheap to inflate): only hits from the site's own pages count, one source
 * has one budget across instances whatever browser it claims to be, and a day far above the
 * site's own pattern is flagged, counted at its threshold in the ranking, with the raw kept.
 */
import { createHmac } from 'crypto';
import { DateTime } from 'luxon';
import { bootSecondInstance } from '@test-helpers/second-instance';
import { startPrivateRedis, type PrivateRedis } from '@test-helpers/redis';
import { createSitesAndStaff } from '@test-helpers/sites';
import { asAdmin, startApp, type TestAdmin, type TestApp } from '@test-helpers/strapi';
import type { AnnualNotice, RankingResponse } from '../../../../shared/contracts/rankings';
import type { OversightListResponse } from '../../../../shared/contracts/oversight';
import { DOMAINS_ERROR } from '../visit-domains';
import { ERRORS } from '../validation';
import { SITE, SITE_VISIT, VISITOR_SALT, VISITOR_SKETCH } from '../../uids';
import { createVisitorCounter } from '../unique-visitors';
import { addToSketch, emptySketch, estimateSketch, sketchFromText } from '../visitor-sketch';

const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

/** A page of 西安's own site, as the browser names it in Referer. */
const PAGE = 'https://www.xa.gov.cn/news/1.html';
/** Browsers one script may claim to be, one after the other. */
const BROWSERS = [
  BROWSER,
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0',
];

let app: TestApp;
let xian: string;
let province: TestAdmin;
/** A Redis server of the test's own, for the budgets two instances share. */
let redis: PrivateRedis | undefined;

const today = () => DateTime.now().setZone('Asia/Shanghai').toISODate()!;
const visits = () => app.strapi.plugin('governance').service('visits');
const stored = async (siteDocumentId = xian) => {
  const rows = await app.strapi.db.query(SITE_VISIT).findMany({ where: { siteDocumentId } });
  return rows.reduce(
    (sum: number, row: { visits: string | number }) => sum + Number(row.visits),
    0
  );
};
const beacon = (body: unknown, userAgent = BROWSER, referer: string | null = PAGE) => {
  const request = app.http().post('/api/visits').set('User-Agent', userAgent);
  if (referer) request.set('Referer', referer);
  return request.send(body as object);
};

beforeAll(async () => {
  app = await startApp('visits');
  ({
    sites: { xian },
    staff: { province },
  } = await createSitesAndStaff(app, {
    sites: {
      xian: {
        name: '西安市',
        level: 'city',
        active: true,
        url: 'https://www.xa.gov.cn/',
        visitDomains: 'xa.gov.cn\n*.xian.gov.cn',
      },
      closed: { name: '已关闭', level: 'city', active: false },
      baoji: { name: '宝鸡市', level: 'city', url: 'http://www.baoji.gov.cn' },
      yanan: { name: '延安市', level: 'city', url: 'http://www.yanan.gov.cn' },
      hanzhong: { name: '汉中市', level: 'city', url: 'http://www.hanzhong.gov.cn' },
      ankang: { name: '安康市', level: 'city', url: 'http://www.ankang.gov.cn' },
      shangluo: { name: '商洛市', level: 'city', url: 'http://www.shangluo.gov.cn' },
      tongchuan: { name: '铜川市', level: 'city', url: 'http://www.tongchuan.gov.cn' },
      weinan: { name: '渭南市', level: 'city', url: 'http://www.weinan.gov.cn' },
    },
    staff: { province: ['governance-provincial-admin', '建国'] },
  }));
  // The test flushes, not the timer; a high per-IP budget unless a test lowers it.
  await visits().stop();
  app.strapi.config.set('plugin::governance.visits.perIpPerMinute', 1000);
});

afterAll(async () => {
  await app?.stop();
  // After Strapi, whose limiter is connected to it.
  await redis?.stop();
});

describe('POST /api/visits', () => {
  it("counts in memory and writes the day's count in one row when flushed", async () => {
    for (let i = 0; i < 5; i++) await beacon({ site: 'xian', path: `/news/${i}.html` }).expect(204);
    expect(await stored()).toBe(0);
    expect(await visits().flush()).toBe(5);
    for (let i = 0; i < 3; i++) await beacon({ site: 'xian', path: '/' }).expect(204);
    expect(await visits().flush()).toBe(3);
    const rows = await app.strapi.db
      .query(SITE_VISIT)
      .findMany({ where: { siteDocumentId: xian } });
    expect(
      rows.map((r: { day: string; visits: string | number }) => [
        String(r.day).slice(0, 10),
        Number(r.visits),
      ])
    ).toEqual([[today(), 8]]);
  });

  it('takes the text/plain body navigator.sendBeacon sends', async () => {
    const before = await stored();
    await app
      .http()
      .post('/api/visits')
      .set('User-Agent', BROWSER)
      .set('Content-Type', 'text/plain')
      .set('Origin', 'https://www.xa.gov.cn')
      .send(JSON.stringify({ site: 'xian', path: '/' }))
      .expect(204);
    await visits().flush();
    expect(await stored()).toBe(before + 1);
  });

  it('answers robots, unknown and closed sites alike and counts none of them', async () => {
    const before = await stored();
    await beacon(
      { site: 'xian', path: '/' },
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'
    ).expect(204);
    await beacon(
      { site: 'xian', path: '/' },
      'Baiduspider+(+http://www.baidu.com/search/spider.htm)'
    ).expect(204);
    await app
      .http()
      .post('/api/visits')
      .unset('User-Agent')
      .set('Referer', PAGE)
      .send({ site: 'xian', path: '/' })
      .expect(204);
    await beacon({ site: 'nowhere', path: '/' }).expect(204);
    await beacon({ site: 'closed', path: '/' }).expect(204);
    expect(await visits().flush()).toBe(0);
    expect(await stored()).toBe(before);
  });

  it.each([
    ['a site code with spaces', { site: 'Xi An', path: '/' }, ERRORS.site],
    ['no path', { site: 'xian' }, ERRORS.path],
    ['a relative path', { site: 'xian', path: 'news' }, ERRORS.path],
    ['a path of 2001 characters', { site: 'xian', path: `/${'a'.repeat(2000)}` }, ERRORS.path],
  ])('refuses %s with a message', async (_case, body, message) => {
    const res = await beacon(body).expect(400);
    expect(res.body.error.message).toBe(message);
  });

  it('refuses a body that is not JSON and ignores fields it does not know', async () => {
    const text = await app
      .http()
      .post('/api/visits')
      .set('User-Agent', BROWSER)
      .set('Content-Type', 'text/plain')
      .send('site=xian');
    expect([text.status, text.body.error?.message]).toEqual([400, '请求体须为 JSON']);
    const before = await stored();
    await beacon({ site: 'xian', path: '/', visits: 1000 }).expect(204);
    await visits().flush();
    expect(await stored()).toBe(before + 1);
  });

  it('counts at most perIpPerMinute hits of one IP address a minute', async () => {
    app.strapi.config.set('plugin::governance.visits.perIpPerMinute', 3);
    try {
      const before = await stored();
      // Behind no trusted proxy every request of the test comes from 127.0.0.1: other addresses through the service.
      for (let i = 0; i < 10; i++) await beacon({ site: 'xian', path: '/' }).expect(204);
      expect(
        await visits().record('xian', { userAgent: BROWSER, ip: '198.51.100.8', referer: PAGE })
      ).toBe('counted');
      await visits().flush();
      expect(await stored()).toBe(before + 4);
    } finally {
      app.strapi.config.set('plugin::governance.visits.perIpPerMinute', 1000);
    }
  });

  it('keeps the counts of a failed flush for the next one', async () => {
    const before = await stored();
    for (let i = 0; i < 4; i++) await beacon({ site: 'xian', path: '/' }).expect(204);
    const knex = app.strapi.db.connection;
    const table = app.strapi.db.metadata.get(SITE_VISIT).tableName;
    const logged = jest.spyOn(app.strapi.log, 'error');
    await knex.schema.renameTable(table, `${table}_away`);
    try {
      await visits()
        .flush()
        .catch(() => undefined);
    } finally {
      await knex.schema.renameTable(`${table}_away`, table);
    }
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('kept for the next flush'));
    logged.mockRestore();
    await visits().flush();
    expect(await stored()).toBe(before + 4);
  });

  it('adds the counts of two instances flushing at the same moment, none lost or doubled', async () => {
    await visits().flush();
    const before = await stored();
    const second = await bootSecondInstance('visits', 'flush', {
      method: 'record',
      args: ['xian', { userAgent: BROWSER, ip: '192.0.2.50', referer: PAGE }],
      times: 30,
    });
    for (let i = 0; i < 20; i++)
      await visits().record('xian', { userAgent: BROWSER, ip: '192.0.2.51', referer: PAGE });
    await Promise.all([second.run(), visits().flush()]);
    expect(await stored()).toBe(before + 50);
  });
});

describe("only the site's own pages count (issue 25)", () => {
  const hit = (headers: { origin?: string; referer?: string }) =>
    visits().record('xian', { userAgent: BROWSER, ip: '198.51.100.60', ...headers });

  it('answers a hit with no Origin or Referer, or from another page, alike, and counts none of them', async () => {
    await visits().flush();
    const before = await stored();
    await beacon({ site: 'xian', path: '/' }, BROWSER, null).expect(204);
    await beacon(
      { site: 'xian', path: '/' },
      BROWSER,
      'https://click-farm.example/xian.html'
    ).expect(204);
    await app
      .http()
      .post('/api/visits')
      .set('User-Agent', BROWSER)
      .set('Origin', 'null')
      .send({ site: 'xian', path: '/' })
      .expect(204);
    expect(await visits().flush()).toBe(0);
    expect(await stored()).toBe(before);

    expect(await hit({})).toBe('not-own-page');
    expect(await hit({ referer: 'https://click-farm.example/xian.html' })).toBe('not-own-page');
    // A look-alike host, and a foreign Origin whatever the Referer claims.
    expect(await hit({ referer: 'https://www.xa.gov.cn.click-farm.example/' })).toBe(
      'not-own-page'
    );
    expect(await hit({ origin: 'https://click-farm.example', referer: PAGE })).toBe('not-own-page');
    expect(await hit({ referer: 'not a url' })).toBe('not-own-page');
    expect(await visits().flush()).toBe(0);
  });

  it("counts hits from the site's 网址 and its other domains, any port, any case", async () => {
    expect(await hit({ referer: PAGE })).toBe('counted');
    expect(await hit({ origin: 'https://WWW.XA.GOV.CN' })).toBe('counted');
    expect(await hit({ referer: 'http://xa.gov.cn:8080/a.html' })).toBe('counted');
    expect(await hit({ referer: 'https://m.xian.gov.cn/list.html' })).toBe('counted');
    expect(await hit({ referer: 'https://xian.gov.cn/' })).toBe('not-own-page');
    expect(await visits().flush()).toBe(4);
  });

  it('refuses other domains that are not host names, with what to write', async () => {
    for (const visitDomains of ['http://xa.gov.cn/news', 'xa.gov.cn/news', '*.*.xa.gov.cn']) {
      await expect(
        app.strapi.documents(SITE).update({ documentId: xian, data: { visitDomains } })
      ).rejects.toMatchObject({ message: DOMAINS_ERROR });
    }
    const site = await app.strapi
      .documents(SITE)
      .update({ documentId: xian, data: { visitDomains: 'xa.gov.cn, *.xian.gov.cn' } });
    expect(site?.visitDomains).toBe('xa.gov.cn, *.xian.gov.cn');
  });
});

describe('one source, one budget across instances, whatever browser it claims (issue 25)', () => {
  const saved = {
    REDIS_URL: process.env.REDIS_URL,
    VISITS_PER_IP_PER_MINUTE: process.env.VISITS_PER_IP_PER_MINUTE,
  };

  beforeAll(async () => {
    redis = await startPrivateRedis();
  });

  afterAll(async () => {
    app.strapi.config.set('plugin::governance.visits.perIpPerMinute', 1000);
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  // Redis wherever REDIS_URL names it; without it, PostgreSQL's table (SQLite has no shared store).
  const stores = [
    ['Redis', 7, '203.0.113.77'],
    ...(process.env.DATABASE_CLIENT === 'postgres' ? [['PostgreSQL', 8, '203.0.113.78']] : []),
  ] as Array<[string, number, string]>;

  it.each(stores)(
    'counts perIpPerMinute hits of one address in all, six browsers on two instances (%s)',
    async (store, perMinute, ip) => {
      if (store === 'Redis') process.env.REDIS_URL = redis!.url;
      else delete process.env.REDIS_URL;
      process.env.VISITS_PER_IP_PER_MINUTE = String(perMinute);
      // A changed budget makes a fresh limiter, in the store the environment names.
      app.strapi.config.set('plugin::governance.visits.perIpPerMinute', perMinute);
      await visits().flush();
      const before = await stored();
      const outcomes = [];
      for (let i = 0; i < 4; i++)
        outcomes.push(await visits().record('xian', { userAgent: BROWSERS[i], ip, referer: PAGE }));
      expect(outcomes).toEqual(Array(4).fill('counted'));
      // The same address on the second instance, claiming the other browsers: the rest of the budget only.
      const second = await bootSecondInstance('visits', 'flush', {
        method: 'record',
        args: ['xian', { userAgent: BROWSERS[5], ip, referer: PAGE }],
        times: 10,
      });
      const { result } = await second.run<number>();
      expect(result).toBe(perMinute - 4);
      expect(await visits().record('xian', { userAgent: BROWSERS[4], ip, referer: PAGE })).toBe(
        'over-limit'
      );
      await visits().flush();
      expect(await stored()).toBe(before + perMinute);
    }
  );
});

/** The defaults, with a floor low enough for the test's sites of a few hundred a day. */
const ANOMALY = {
  factor: 5,
  floor: 50,
  baselineDays: 90,
  lagDays: 14,
  rampDays: 28,
  rampFactor: 3,
  check: '17 * * * *',
};

describe("a day far above the site's own pattern (issue 25)", () => {
  const zone = 'Asia/Shanghai';
  const anomalies = () => app.strapi.plugin('governance').service('visitAnomalies');
  const row = async (siteDocumentId: string, day: string) =>
    app.strapi.db.query(SITE_VISIT).findOne({ where: { siteDocumentId, day } });
  /** The four previous weeks, 100 visits a day, judged long ago (nothing flagged). */
  const history = async (siteDocumentId: string) => {
    const days: string[] = [];
    for (let i = 1; i <= 28; i++) {
      const day = DateTime.now().setZone(zone).minus({ days: i }).toISODate()!;
      days.push(day);
      await app.strapi.db
        .query(SITE_VISIT)
        .create({ data: { siteDocumentId, day, visits: 100, median: 100, judgedAt: new Date() } });
    }
    return days;
  };
  /** `n` page views from `n` addresses, each from the site's own page. */
  const views = async (code: string, n: number, referer: string) => {
    for (let i = 0; i < n; i++)
      await visits().record(code, {
        userAgent: BROWSERS[i % BROWSERS.length],
        ip: `10.${code === 'baoji' ? 1 : 2}.${Math.floor(i / 250)}.${i % 250}`,
        referer,
      });
    await visits().flush();
  };
  const tomorrowNoon = () =>
    DateTime.now().setZone(zone).plus({ days: 1 }).set({ hour: 12 }).toJSDate();

  let baoji: string;
  let yanan: string;
  beforeAll(async () => {
    const sites = await app.strapi.db
      .query(SITE)
      .findMany({ where: { code: { $in: ['baoji', 'yanan'] } } });
    baoji = sites.find((s: { code: string }) => s.code === 'baoji').documentId;
    yanan = sites.find((s: { code: string }) => s.code === 'yanan').documentId;
    app.strapi.config.set('plugin::governance.visits.anomaly', ANOMALY);
  });

  it('is flagged once closed and counted at its threshold; the raw stays on the ranking, 站群监测 and the notice', async () => {
    const year = DateTime.now().setZone(zone).year;
    const before = (await history(baoji)).filter((d) => d.startsWith(`${year}-`)).length * 100;
    await history(yanan);
    // The trick: 800 views in a day on a site of about 100, from many addresses and browsers.
    await views('baoji', 800, 'http://www.baoji.gov.cn/index.html');
    // An ordinary good day: three times the usual.
    await views('yanan', 300, 'http://www.yanan.gov.cn/');

    // The day is not judged while it runs.
    expect(await anomalies().judgeClosedDays()).toMatchObject({ flagged: 0 });
    expect((await row(baoji, today())).flaggedAbove).toBeNull();

    // Once it is over: max(5 × median 100, 50) = 500.
    const { flagged } = await anomalies().judgeClosedDays(tomorrowNoon());
    expect(flagged).toBeGreaterThanOrEqual(1);
    const judged = await row(baoji, today());
    expect([Number(judged.visits), Number(judged.flaggedAbove), Number(judged.median)]).toEqual([
      800, 500, 100,
    ]);
    expect((await row(yanan, today())).flaggedAbove).toBeNull();
    // 西安 counted only today: no week of its own history to be far above, so not flagged.
    const first = await row(xian, today());
    expect(Number(first.visits)).toBeGreaterThan(50);
    expect([first.flaggedAbove, first.median]).toEqual([null, null]);

    const panel = (
      await asAdmin(app, province).get(`/governance/rankings?year=${year}`).expect(200)
    ).body.data as RankingResponse;
    const cities = panel.live.groups.find((g) => g.level === 'city')!.rows;
    const baojiRow = cities.find((r) => r.site.code === 'baoji')!;
    expect([baojiRow.visits, baojiRow.rawVisits, baojiRow.flaggedVisitDays]).toEqual([
      before + 500,
      before + 800,
      1,
    ]);
    const yananRow = cities.find((r) => r.site.code === 'yanan')!;
    expect(yananRow.visits).toBe(yananRow.rawVisits);
    expect(yananRow.flaggedVisitDays).toBe(0);
    expect(panel.live.visitAnomalies).toContainEqual({
      site: expect.objectContaining({ code: 'baoji' }),
      day: today(),
      visits: 800,
      counted: 500,
      median: 100,
      kind: 'spike',
    });

    const oversight = (await asAdmin(app, province).get('/governance/oversight').expect(200)).body
      .data as OversightListResponse['data'];
    expect(oversight.find((s) => s.site.code === 'baoji')!.visitAnomalies).toEqual([
      { day: today(), visits: 800, counted: 500, median: 100, kind: 'spike' },
    ]);
    expect(oversight.find((s) => s.site.code === 'yanan')!.visitAnomalies).toEqual([]);

    const notice = (
      await asAdmin(app, province).get(`/governance/rankings/notice?year=${year}`).expect(200)
    ).body.data as AnnualNotice;
    const visitsSection = notice.sections.find((s) => s.heading.endsWith('网站访问情况'))!;
    const day = DateTime.fromISO(today());
    expect(visitsSection.paragraphs.join('')).toContain(`宝鸡市（${day.month}月${day.day}日）`);
    expect(visitsSection.paragraphs.join('')).toMatch(/原始\d+人次，计入\d+人次/);
  });

  it('judges a flagged day again when late visits reach it, counting the threshold meanwhile', async () => {
    await views('baoji', 40, 'http://www.baoji.gov.cn/late.html');
    const late = await row(baoji, today());
    expect([Number(late.visits), Number(late.flaggedAbove), late.judgedAt]).toEqual([
      840,
      500,
      null,
    ]);
    const year = DateTime.now().setZone(zone).year;
    const panel = (
      await asAdmin(app, province).get(`/governance/rankings?year=${year}`).expect(200)
    ).body.data as RankingResponse;
    const baojiRow = panel.live.groups
      .find((g) => g.level === 'city')!
      .rows.find((r) => r.site.code === 'baoji')!;
    expect(baojiRow.rawVisits! - baojiRow.visits).toBe(340);
    await anomalies().judgeClosedDays(tomorrowNoon());
    const again = await row(baoji, today());
    expect([Number(again.visits), Number(again.flaggedAbove)]).toEqual([840, 500]);
    expect(again.judgedAt).not.toBeNull();
  });
});

describe('a baseline a slow ramp cannot climb', () => {
  const anomalies = () => app.strapi.plugin('governance').service('visitAnomalies');
  /** A past year, away from the days the tests above count today. */
  const YEAR = 2025;
  const dayOf = (i: number) => DateTime.fromISO(`${YEAR}-01-01`).plus({ days: i }).toISODate()!;
  let sites: Record<'hanzhong' | 'ankang' | 'shangluo' | 'tongchuan', string>;

  /** A site's recorded days from 1 January, not judged yet. */
  const record = async (siteDocumentId: string, series: number[]) => {
    await app.strapi.db.query(SITE_VISIT).createMany({
      data: series.map((visits, i) => ({ siteDocumentId, day: dayOf(i), visits })),
    });
  };
  /** The site's days as judged: [day index, visits, baseline, threshold or null, kind or null]. */
  const judged = async (siteDocumentId: string) => {
    const rows = await app.strapi.db
      .query(SITE_VISIT)
      .findMany({ where: { siteDocumentId }, orderBy: { day: 'asc' } });
    return rows.map(
      (row: {
        day: string;
        visits: string | number;
        median: string | number | null;
        flaggedAbove: string | number | null;
        anomaly: string | null;
        judgedAt: unknown;
      }) => {
        expect(row.judgedAt).not.toBeNull();
        return {
          day: String(row.day).slice(0, 10),
          visits: Number(row.visits),
          median: row.median === null ? null : Number(row.median),
          flaggedAbove: row.flaggedAbove === null ? null : Number(row.flaggedAbove),
          kind: row.anomaly,
        };
      }
    );
  };
  const STABLE = Array<number>(120).fill(200);

  beforeAll(async () => {
    const rows = await app.strapi.db
      .query(SITE)
      .findMany({ where: { code: { $in: ['hanzhong', 'ankang', 'shangluo', 'tongchuan'] } } });
    sites = Object.fromEntries(
      rows.map((s: { code: string; documentId: string }) => [s.code, s.documentId])
    ) as typeof sites;
    app.strapi.config.set('plugin::governance.visits.anomaly', ANOMALY);
    // 汉中: ×1.3 a week for ten weeks. 安康: a fourfold step (a new portal) it keeps. 商洛: doubles
    // and keeps it. 铜川: a flood of 13 days (a week of spikes, then a sustained rise), then its
    // usual again.
    await record(sites.hanzhong, [
      ...STABLE,
      ...Array.from({ length: 70 }, (_, i) => Math.round(200 * 1.3 ** (Math.floor(i / 7) + 1))),
    ]);
    await record(sites.ankang, [...STABLE, ...Array<number>(150).fill(800)]);
    await record(sites.shangluo, [...STABLE, ...Array<number>(150).fill(400)]);
    await record(sites.tongchuan, [
      ...STABLE,
      ...Array<number>(13).fill(20_000),
      ...Array<number>(120).fill(200),
    ]);
    // Every day closed, judged oldest first as the hourly job does.
    while ((await anomalies().judgeClosedDays()).judged > 0);
  });

  it('flags a ramp of ×1.3 a week as a sustained rise from its fifth week, counted at 3 × the baseline', async () => {
    const days = await judged(sites.hanzhong);
    const flagged = days.filter((d) => d.flaggedAbove !== null);
    expect(new Set(flagged.map((d) => d.kind))).toEqual(new Set(['ramp']));
    // Weeks 5–10 of the ramp (days 148–189), every day.
    expect(days.slice(148).every((d) => d.kind === 'ramp')).toBe(true);
    expect(days.slice(148).every((d) => d.flaggedAbove! <= 3 * d.median! + 1)).toBe(true);
    expect(Math.max(...days.slice(148).map((d) => d.median!))).toBeLessThan(400);
  });

  it('never flags a site that doubles, and flags a fourfold step for at most 60 days, then accepts it', async () => {
    expect((await judged(sites.shangluo)).filter((d) => d.flaggedAbove !== null)).toEqual([]);
    const step = await judged(sites.ankang);
    const flagged = step.flatMap((d, i) => (d.flaggedAbove === null ? [] : [i]));
    expect(new Set(flagged.map((i) => step[i].kind))).toEqual(new Set(['ramp']));
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.length).toBeLessThanOrEqual(60);
    expect(flagged.at(-1)! - flagged[0]).toBe(flagged.length - 1);
    // Its last two months: the new level is its pattern.
    expect(step.slice(-60).every((d) => d.flaggedAbove === null)).toBe(true);
    expect(step.at(-1)!.median).toBe(800);
  });

  it('does not let a flood raise the baselines of the days after it', async () => {
    const days = await judged(sites.tongchuan);
    // Its four weeks' mean, each day counted at most 1000, passes 2 × 200 on the eighth day.
    expect(days.slice(120, 133).map((d) => [d.kind, d.median, d.flaggedAbove])).toEqual([
      ...Array(7).fill(['spike', 200, 1000]),
      ...Array(6).fill(['ramp', 200, 600]),
    ]);
    expect(days.slice(133).map((d) => [d.median, d.flaggedAbove])).toEqual(
      Array(120).fill([200, null])
    );
  });

  it('names the sustained rise in the ranking and the notice', async () => {
    const panel = (
      await asAdmin(app, province).get(`/governance/rankings?year=${YEAR}`).expect(200)
    ).body.data as RankingResponse;
    const listed = panel.live.visitAnomalies!.filter((a) => a.site.code === 'hanzhong');
    expect(listed.length).toBeGreaterThanOrEqual(28);
    expect(listed.every((a) => a.kind === 'ramp' && a.counted < a.visits)).toBe(true);
    expect(
      panel.live.visitAnomalies!.filter((a) => a.site.code === 'tongchuan').map((a) => a.kind)
    ).toEqual([...Array(7).fill('spike'), ...Array(6).fill('ramp')]);

    const notice = (
      await asAdmin(app, province).get(`/governance/rankings/notice?year=${YEAR}`).expect(200)
    ).body.data as AnnualNotice;
    const text = notice.sections
      .find((s) => s.heading.endsWith('网站访问情况'))!
      .paragraphs.join('');
    // 铜川's flood as a span of spikes, then a sustained rise with 汉中 and 安康.
    expect(text).toContain('铜川市（5月1日至5月7日）');
    expect(text).toMatch(/另有3个网站的访问量持续异常增长/);
    expect(text).toContain('铜川市（5月8日至5月13日）');
    expect(text).toMatch(/汉中市（\d+月\d+日至7月9日）/);
  });
});

describe('distinct visitors (独立用户访问总量, issue 20)', () => {
  const PAGE_OF_WEINAN = 'http://www.weinan.gov.cn/news/1.html';
  const year = () => Number(today().slice(0, 4));
  let weinan: string;
  /** Visitor `n` (an address of its own) viewing `pages` pages with `browser`. */
  const views = async (n: number, pages = 1, browser = BROWSER) => {
    for (let i = 0; i < pages; i++)
      await visits().record('weinan', {
        userAgent: browser,
        ip: `203.0.113.${n}`,
        referer: PAGE_OF_WEINAN,
      });
  };
  const distinct = () => visits().uniqueVisitors(weinan, year());
  /**
   * What the sketch of exactly these visitors estimates, hashed with the year's key as the
   * counter hashes them: the count the site must show, whatever instance or day they came on.
   * (An estimate: a hundred visitors' may be off by one or two, so within about five of its
   * standard deviations of their number.)
   */
  const countOf = async (visitors: Array<[number, string]>) => {
    const { salt } = await app.strapi.db
      .query(VISITOR_SALT)
      .findOne({ where: { year: year() }, select: ['salt'] });
    const sketch = emptySketch();
    for (const [n, browser] of new Map(
      visitors.map(([n, b]) => [`${n} ${b}`, [n, b] as const])
    ).values())
      addToSketch(
        sketch,
        createHmac('sha256', Buffer.from(salt, 'hex')).update(`203.0.113.${n}\n${browser}`).digest()
      );
    const count = estimateSketch(sketch);
    expect(
      Math.abs(count - new Set(visitors.map(([n, b]) => `${n} ${b}`)).size)
    ).toBeLessThanOrEqual(5);
    return count;
  };
  const seen: Array<[number, string]> = [];
  const visitorsFrom = (from: number, to: number, browser = BROWSER) =>
    Array.from({ length: to - from + 1 }, (_, i) => [from + i, browser] as [number, string]);

  beforeAll(async () => {
    weinan = (await app.strapi.db.query(SITE).findOne({ where: { code: 'weinan' } })).documentId;
  });

  it('counts each visitor once, however many pages they view', async () => {
    expect(await distinct()).toBeNull();
    for (let n = 1; n <= 40; n++) await views(n, 3);
    expect(await visits().flush()).toBe(120);
    seen.push(...visitorsFrom(1, 40));
    expect(await distinct()).toBe(await countOf(seen));
  });

  it('counts a visitor who comes back later in the year once, and a new one once', async () => {
    const before = await distinct();
    for (let n = 1; n <= 40; n++) await views(n);
    await visits().flush();
    expect(await distinct()).toBe(before);
    for (let n = 41; n <= 50; n++) await views(n);
    await visits().flush();
    seen.push(...visitorsFrom(41, 50));
    expect(await distinct()).toBe(await countOf(seen));
    // Another browser at the same address is another visitor (a household, an office).
    for (let n = 1; n <= 5; n++) await views(n, 1, BROWSERS[n]);
    await visits().flush();
    seen.push(...[1, 2, 3, 4, 5].map((n) => [n, BROWSERS[n]] as [number, string]));
    expect(await distinct()).toBe(await countOf(seen));
  });

  it('adds the visitors of two instances flushing at the same moment: the same visitor once', async () => {
    const second = await bootSecondInstance('visits', 'flush', {
      method: 'record',
      args: ['weinan', { userAgent: BROWSER, ip: '203.0.113.99', referer: PAGE_OF_WEINAN }],
      times: 3,
    });
    // The same visitor here too, and 30 new ones.
    await views(99, 2);
    for (let n = 100; n <= 129; n++) await views(n);
    await Promise.all([second.run(), visits().flush()]);
    seen.push(...visitorsFrom(99, 129));
    expect(await distinct()).toBe(await countOf(seen));
  });

  it('stores no address nor hash: a register per bucket, each a run of zero bits', async () => {
    const row = await app.strapi.db
      .query(VISITOR_SKETCH)
      .findOne({ where: { siteDocumentId: weinan, year: year() } });
    expect(JSON.stringify(row)).not.toMatch(/203\.0\.113/);
    const registers = sketchFromText(row.registers);
    expect(registers).toHaveLength(4096);
    expect(Math.max(...registers)).toBeLessThanOrEqual(53);
    expect(registers.filter((register) => register > 0).length).toBeLessThanOrEqual(seen.length);
  });

  it("deletes a past year's key when the next year's is made: nobody can hash an address again", async () => {
    const count = await distinct();
    // Last in this file: the year's key goes, as it will on the next 1 January.
    await app.strapi.db
      .query(VISITOR_SALT)
      .create({ data: { year: year() - 1, salt: 'ab'.repeat(32) } });
    const nextYear = createVisitorCounter(app.strapi);
    await nextYear.add(weinan, year() + 1, '203.0.113.1', BROWSER);
    const years = (await app.strapi.db.query(VISITOR_SALT).findMany({ select: ['year'] })).map(
      (salt: { year: number }) => salt.year
    );
    expect(years).toEqual([year() + 1]);
    // The year's count stays: the sketch keeps no key.
    expect(await distinct()).toBe(count);
  });
});
