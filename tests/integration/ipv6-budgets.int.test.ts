/**
 * One network, one budget: a subscriber holds a whole IPv6 /64 and one machine may use any
 * address in it, so the budgets of the public routes that write (submitting, rating, reopening)
 * and of the visit beacon count per /64, and an IPv4-mapped address (`::ffff:1.2.3.4`) as its
 * IPv4 address. The address stored with a message stays the full one. Linux has one IPv6
 * loopback address, so the server runs behind one trusted proxy hop (`SERVER_PROXY=true`) and
 * the test writes the visitor's address into X-Forwarded-For, as the proxy would.
 */
import { startApp, type TestApp } from '../helpers/strapi';
import { citizenForm } from '../helpers/citizen-form';

const MESSAGE = 'api::citizen-message.citizen-message';
const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
/** Public writes per source: small, so a test spends it quickly. */
const BUDGET = 3;

let app: TestApp;
const savedEnv = {
  SERVER_PROXY: process.env.SERVER_PROXY,
  SERVER_PROXY_HOPS: process.env.SERVER_PROXY_HOPS,
};

const submit = (from: string) =>
  app.http().post('/api/citizen-messages').set('X-Forwarded-For', from).send(citizenForm());

/** Rates a message not answered yet: a 400 until the budget is spent, then a 429. */
const rate = (queryCode: string, from: string) =>
  app
    .http()
    .post(`/api/citizen-messages/lookup/${queryCode}/rating`)
    .set('X-Forwarded-For', from)
    .send({ satisfaction: 'unsatisfied', reopen: true, contact: '5678' });

const visit = (from: string) =>
  app
    .http()
    .post('/api/visits')
    .set('X-Forwarded-For', from)
    .set('User-Agent', BROWSER)
    .set('Referer', 'http://xian.mz.example/news/1.html')
    .send({ site: 'xian', path: '/' })
    .expect(204);

const ipOf = async (queryCode: string) =>
  (await app.strapi.db.query(MESSAGE).findOne({ where: { queryCode }, select: ['ipAddress'] }))
    ?.ipAddress;

beforeAll(async () => {
  process.env.SERVER_PROXY = 'true';
  process.env.SERVER_PROXY_HOPS = '1';
  app = await startApp('ipv6-budgets');
  await app.strapi.documents('api::site.site').create({
    data: {
      code: 'xian',
      name: '西安市民政局',
      level: 'city',
      active: true,
      url: 'http://xian.mz.example/',
    },
  });
  app.strapi.config.set('plugin::governance.replies.rateLimit', { points: BUDGET, duration: 3600 });
  // The test flushes the visit counts itself.
  await app.strapi.plugin('governance').service('visits').stop();
  app.strapi.config.set('plugin::governance.visits.perIpPerMinute', 1);
});

afterAll(async () => {
  await app?.stop();
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('the budget of the public routes that write', () => {
  it('is one for every address of an IPv6 /64, and each message keeps its full address', async () => {
    const addresses = ['2001:db8:1:2::a', '2001:db8:1:2::b', '2001:db8:1:2:ffff:1:2:3'];
    for (const from of addresses) {
      const { queryCode } = (await submit(from).expect(201)).body.data;
      expect(await ipOf(queryCode)).toBe(from);
    }
    const refused = await submit('2001:db8:1:2::c').expect(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    // The next /64 is another subscriber, with a budget of their own.
    await submit('2001:db8:1:3::a').expect(201);
  });

  it('is shared by ratings from every address of the /64, and not with the next /64', async () => {
    const { queryCode } = (await submit('2001:db8:7:7::1').expect(201)).body.data;
    for (let i = 0; i < BUDGET; i += 1)
      expect((await rate(queryCode, `2001:db8:2:0::${i + 1}`)).status).toBe(400);
    // A fresh address of the same network would be a fresh guess at the contact digits.
    await rate(queryCode, '2001:db8:2:0::99').expect(429);
    await submit('2001:db8:2:0::100').expect(429);
    expect((await rate(queryCode, '2001:db8:2:1::1')).status).toBe(400);
  });

  it('counts an IPv4-mapped address as its IPv4 address', async () => {
    for (let i = 0; i < BUDGET; i += 1) await submit('::ffff:198.51.100.7').expect(201);
    await submit('198.51.100.7').expect(429);
    // And the other way round.
    for (let i = 0; i < BUDGET; i += 1) await submit('198.51.100.8').expect(201);
    await submit('::ffff:198.51.100.8').expect(429);
    await submit('198.51.100.9').expect(201);
  });
});

describe('the visit budget', () => {
  it('counts one visit a minute for a whole IPv6 /64, another for the next /64', async () => {
    const visits = app.strapi.plugin('governance').service('visits');
    await visits.flush();
    for (let n = 1; n <= 5; n += 1) await visit(`2001:db8:5:6::${n}`);
    await visit('2001:db8:5:7::1');
    await visit('::ffff:198.51.100.20');
    await visit('198.51.100.20');
    expect(await visits.flush()).toBe(3);
  });
});
