import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { errors } from '@strapi/utils';
import Redis from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { GovernanceConfig } from '../config';
import { clientSource } from '../utils/client-source';
import { ERRORS } from './messages';

type Limit = GovernanceConfig['replies']['rateLimit'];

/** Each running Strapi's connection, shared by its limiters (a changed limit makes a new limiter). */
const redisOf = new WeakMap<Core.Strapi, Redis>();

/** Closes the Strapi's Redis connection, if its limiters opened one: when Strapi stops. */
export const closeRateLimitStores = async (strapi: Core.Strapi) => {
  const client = redisOf.get(strapi);
  if (!client) return;
  redisOf.delete(strapi);
  await client.quit().catch(() => client.disconnect());
};

/**
 * A Redis connection that reconnects by itself and reports an outage once when it begins and
 * once when it ends (ioredis emits an error at every reconnection attempt).
 */
const connectRedis = (strapi: Core.Strapi, url: string) => {
  const open = redisOf.get(strapi);
  if (open) return open;
  // No offline queue: while Redis is away a command fails at once and the limiter falls back.
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    strapi.log.warn(
      `governance: Redis unavailable, each instance limits submissions and visits on its own until it returns: ${error.message}`
    );
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    strapi.log.info(
      'governance: Redis answers again; submission and visit budgets are shared again'
    );
  });
  redisOf.set(strapi, client);
  return client;
};

/** Waits a moment for a new connection, so that the first requests are counted in Redis too. */
const readyOrAway = (client: Redis, ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    client.once('ready', done);
    function done() {
      clearTimeout(timer);
      client.off('ready', done);
      resolve();
    }
  });

/**
 * The store every instance shares: Redis when REDIS_URL names one, else PostgreSQL when that is
 * the database (a table of its own), else memory (one process: the demo and SQLite).
 *
 * While Redis is away, submissions are not refused: each instance keeps the budgets in its own
 * memory (rate-limiter-flexible's insurance limiter), so a source may send up to the budget once
 * per instance until Redis returns. A citizen's channel to the government should not depend on a
 * cache; the database, which does hold the message, is what a submission needs.
 */
export const createLimiter = async (
  strapi: Core.Strapi,
  { points, duration }: Limit,
  /** Whose budgets: the public writes' by default; the visit counter names its own. */
  name = 'citizen-message-submit',
  /** Whether a source past its budget is refused in memory until its window ends (no store round trip). */
  blockInMemory = false
): Promise<RateLimiterAbstract> => {
  // Budgets belong to one deployment (its database: a Redis server may serve several), and a
  // changed limit starts fresh budgets rather than judging old counts by the new rule.
  const connection = strapi.config.get('database.connection.connection', {}) as {
    database?: string;
    filename?: string;
  };
  const deployment = connection.database ?? connection.filename ?? 'default';
  const options = {
    keyPrefix: `${name}:${deployment}:${points}-${duration}`,
    points,
    duration,
    ...(blockInMemory
      ? { inMemoryBlockOnConsumed: points + 1, inMemoryBlockDuration: duration }
      : {}),
  };
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl) {
    strapi.log.info(`governance: ${name} rate limit kept in Redis`);
    const client = connectRedis(strapi, redisUrl);
    if (client.status !== 'ready') await readyOrAway(client, 1000);
    return new RateLimiterRedis({
      ...options,
      storeClient: client,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: options.keyPrefix, points, duration }),
    });
  }
  if (strapi.db.dialect.client === 'postgres') {
    return new Promise((resolve, reject) => {
      const limiter: RateLimiterPostgres = new RateLimiterPostgres(
        // No timer of its own: expired rows are rewritten in place by the next request of that source.
        {
          ...options,
          storeClient: strapi.db.connection,
          storeType: 'knex',
          tableName: 'governance_rate_limits',
          clearExpiredByTimeout: false,
        },
        (error?: Error) => (error ? reject(error) : resolve(limiter))
      );
    });
  }
  return new RateLimiterMemory(options);
};

/** The budgets of each running Strapi: one limiter, whichever route consumes it. */
const budgets = new WeakMap<Core.Strapi, { key: string; limiter: Promise<RateLimiterAbstract> }>();

/**
 * Whether a request that failed gives its point back: one refused as malformed (nothing was
 * looked up) or failed on the server's side (nothing was stored). A wrong query code or contact
 * keeps its charge: the budget is what stops guessing.
 */
const givesPointBack = (error: unknown) =>
  error instanceof errors.ValidationError ||
  !(error instanceof errors.ApplicationError || error instanceof errors.HttpError);

/**
 * Route middleware of the public routes that write (submission, rating and reopening): a budget
 * per source they share, answered with 429 and Retry-After once spent. A source is an IPv4
 * address or an IPv6 /64 (`clientSource`): per IPv6 address, one machine would draw a fresh
 * budget with every address of its network. Strapi makes one middleware per route, so the
 * limiter lives outside it (one per route would give each route a budget of its own in memory).
 * It follows the configuration: a change to `governance.replies.rateLimit` takes effect without
 * a restart. A store that could not be opened (the database away at the first request) is tried
 * again at the next request rather than kept as a failure.
 */
export const submissionRateLimit = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const limiter = () => {
    const limit = (strapi.config.get('plugin::governance') as GovernanceConfig).replies.rateLimit;
    const key = JSON.stringify(limit);
    let current = budgets.get(strapi);
    if (current?.key !== key) {
      const entry = { key, limiter: createLimiter(strapi, limit) };
      entry.limiter.catch(() => {
        if (budgets.get(strapi) === entry) budgets.delete(strapi);
      });
      budgets.set(strapi, entry);
      current = entry;
    }
    return current.limiter;
  };

  return async (ctx: Context, next: Next) => {
    const budget = await limiter();
    const source = clientSource(ctx.request.ip);
    try {
      await budget.consume(source);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      ctx.set('Retry-After', String(seconds));
      throw new errors.RateLimitError(ERRORS.tooMany(Math.ceil(seconds / 60)));
    }
    const giveBack = () => budget.reward(source, 1).catch(() => undefined);
    try {
      await next();
    } catch (error) {
      if (givesPointBack(error)) await giveBack();
      throw error;
    }
    // Answered by the route itself without storing (the database did not confirm the message).
    if (ctx.status >= 500) await giveBack();
  };
};
