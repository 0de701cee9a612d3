/**
 * Redis away, Redis back (issue 23): submissions go on while the shared budgets are away, each
 * instance keeping them in its own memory; they are shared again as soon as Redis answers, with
 * no restart, also when Redis was already away at the limiter's first request; the outage is
 * logged once when it begins and once when it ends, not at every reconnection attempt.
 * A Redis server of the test's own is stopped and started; the machine's is not touched.
 */
import type Redis from 'ioredis';
import { citizenForm } from '@test-helpers/citizen-form';
import { startPrivateRedis, type PrivateRedis } from '@test-helpers/redis';
import { createSites } from '@test-helpers/sites';
import { startApp, type TestApp } from '@test-helpers/strapi';
import { CITIZEN_MESSAGE } from '../../uids';

let app: TestApp;
let redis: PrivateRedis;
let reader: Redis;
const sharedRedisUrl = process.env.REDIS_URL;
const logged: Array<{ level: 'warn' | 'info'; text: string }> = [];

const submit = () => app.http().post('/api/citizen-messages').send(citizenForm());

/** Points spent per source in Redis under the budget of this limit. */
const spentInRedis = async (limit: { points: number; duration: number }) => {
  const keys = await reader.keys(`*citizen-message-submit:*:${limit.points}-${limit.duration}*`);
  const values = await Promise.all(keys.map((key) => reader.get(key)));
  return values.reduce((sum, value) => sum + Number(value ?? 0), 0);
};

const waitFor = async (condition: () => boolean | Promise<boolean>, what: string) => {
  for (let tries = 0; tries < 200; tries += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const lines = (level: 'warn' | 'info', pattern: RegExp) =>
  logged.filter((l) => l.level === level && pattern.test(l.text)).length;
const OUTAGE = /Redis unavailable/;
const RETURN = /Redis answers again/;

beforeAll(async () => {
  redis = await startPrivateRedis();
  reader = redis.client();
  reader.on('error', () => undefined);
  process.env.REDIS_URL = redis.url;
  app = await startApp('redis-outage');
  await createSites(app, { xian: { name: '西安市民政局', level: 'city' } });
  for (const level of ['warn', 'info'] as const) {
    const write = app.strapi.log[level].bind(app.strapi.log);
    app.strapi.log[level] = ((text: unknown, ...rest: unknown[]) => {
      logged.push({ level, text: String(text) });
      return write(text as string, ...(rest as []));
    }) as typeof app.strapi.log.warn;
  }
});

afterAll(async () => {
  await app?.stop();
  reader?.disconnect();
  await redis?.stop();
  if (sharedRedisUrl === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = sharedRedisUrl;
});

it("recovers by itself when Redis was away at the limiter's first request", async () => {
  // Before any submission: the limiter and its connection are made while Redis is away.
  await redis.stop();
  const limit = { points: 5, duration: 3672 };
  app.strapi.config.set('plugin::governance.replies.rateLimit', limit);
  await submit().expect(201);

  await redis.start();
  await waitFor(() => lines('info', RETURN) === 1, 'the limiter to reconnect');
  await submit().expect(201);
  expect(await spentInRedis(limit)).toBe(1);
});

it('keeps taking submissions while Redis is away, and shares budgets again when it returns', async () => {
  const limit = { points: 2, duration: 3671 };
  app.strapi.config.set('plugin::governance.replies.rateLimit', limit);
  await submit().expect(201);
  expect(await spentInRedis(limit)).toBe(1);

  await redis.stop();
  const before = await app.strapi.db.query(CITIZEN_MESSAGE).count();
  // The instance's own budget, fresh: the point spent in Redis is not known here.
  await submit().expect(201);
  await submit().expect(201);
  const refused = await submit().expect(429);
  expect(refused.headers['retry-after']).toMatch(/^\d+$/);
  expect(await app.strapi.db.query(CITIZEN_MESSAGE).count()).toBe(before + 2);
  // ioredis retries (and fails) several times meanwhile: one line for the outage.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(lines('warn', OUTAGE)).toBe(2);

  await redis.start();
  await waitFor(() => lines('info', RETURN) === 2, 'the limiter to reconnect');
  await submit().expect(201);
  // Counted in Redis again (the restarted server started empty).
  expect(await spentInRedis(limit)).toBe(1);
  expect(lines('warn', OUTAGE)).toBe(2);
  expect(lines('info', RETURN)).toBe(2);
});
