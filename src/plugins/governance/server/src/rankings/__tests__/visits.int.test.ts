/**
 * The visit beacon: counted in memory per site and local day, written in batches, robots and
 * floods left out, and two instances adding their own counts without losing or doubling any.
 */
import { DateTime } from 'luxon';
import { bootSecondInstance } from '@test-helpers/second-instance';
import { createSites } from '@test-helpers/sites';
import { startApp, type TestApp } from '@test-helpers/strapi';
import { ERRORS } from '../validation';
import { SITE_VISIT } from '../../uids';

const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

let app: TestApp;
let xian: string;

const today = () => DateTime.now().setZone('Asia/Shanghai').toISODate()!;
const visits = () => app.strapi.plugin('governance').service('visits');
const stored = async (siteDocumentId = xian) => {
  const rows = await app.strapi.db.query(SITE_VISIT).findMany({ where: { siteDocumentId } });
  return rows.reduce(
    (sum: number, row: { visits: string | number }) => sum + Number(row.visits),
    0
  );
};
const beacon = (body: unknown, userAgent = BROWSER) =>
  app
    .http()
    .post('/api/visits')
    .set('User-Agent', userAgent)
    .send(body as object);

beforeAll(async () => {
  app = await startApp('visits');
  ({
    sites: { xian },
  } = await createSites(app, {
    xian: { name: '西安市', level: 'city', active: true },
    closed: { name: '已关闭', level: 'city', active: false },
  }));
  // The test flushes, not the timer; a high per-IP budget unless a test lowers it.
  await visits().stop();
  app.strapi.config.set('plugin::governance.visits.perIpPerMinute', 1000);
});

afterAll(async () => {
  await app?.stop();
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
      expect(await visits().record('xian', { userAgent: BROWSER, ip: '198.51.100.8' })).toBe(
        'counted'
      );
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
      args: ['xian', { userAgent: BROWSER, ip: '192.0.2.50' }],
      times: 30,
    });
    for (let i = 0; i < 20; i++)
      await visits().record('xian', { userAgent: BROWSER, ip: '192.0.2.51' });
    await Promise.all([second.run(), visits().flush()]);
    expect(await stored()).toBe(before + 50);
  });
});
