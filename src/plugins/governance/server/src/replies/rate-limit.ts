import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { GovernanceConfig } from '../config';
import { clientSource } from '../utils/client-source';
import { ERRORS } from './messages';

type Limit = GovernanceConfig['replies']['rateLimit'];

/** Redis connections opened for limiters, closed when Strapi stops. */
const redisClients = new Set<Redis>();

export const closeRateLimitStores = async () => {
  await Promise.all([...redisClients].map((client) => client.quit().catch(() => client.disconnect())));
  redisClients.clear();
};

/**
 * The store every instance shares: Redis when REDIS_URL names one, else PostgreSQL when that is
 * the database (a table of its own), else memory (one process: the demo and SQLite).
 */
const createLimiter = async (strapi: Core.Strapi, { points, duration }: Limit): Promise<RateLimiterAbstract> => {
  // Budgets belong to one deployment (its database: a Redis server may serve several), and a
  // changed limit starts fresh budgets rather than judging old counts by the new rule.
  const connection = strapi.config.get('database.connection.connection', {}) as { database?: string; filename?: string };
  const deployment = connection.database ?? connection.filename ?? 'default';
  const options = { keyPrefix: `citizen-message-submit:${deployment}:${points}-${duration}`, points, duration };
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl) {
    const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
    await client.connect();
    redisClients.add(client);
    strapi.log.info('governance: submission rate limit kept in Redis');
    return new RateLimiterRedis({ ...options, storeClient: client });
  }
  if (strapi.db.dialect.client === 'postgres') {
    return new Promise((resolve, reject) => {
      const limiter: RateLimiterPostgres = new RateLimiterPostgres(
        // No timer of its own: expired rows are rewritten in place by the next request of that source.
        { ...options, storeClient: strapi.db.connection, storeType: 'knex', tableName: 'governance_rate_limits', clearExpiredByTimeout: false },
        (error?: Error) => (error ? reject(error) : resolve(limiter))
      );
    });
  }
  return new RateLimiterMemory(options);
};

/** The budgets of each running Strapi: one limiter, whichever route consumes it. */
const budgets = new WeakMap<Core.Strapi, { key: string; limiter: Promise<RateLimiterAbstract> }>();

/**
 * Route middleware of the public routes that write (submission, rating and reopening): a budget
 * per source they share, answered with 429 and Retry-After once spent. A source is an IPv4
 * address or an IPv6 /64 (`clientSource`): per IPv6 address, one machine would draw a fresh
 * budget with every address of its network. Strapi makes one middleware per route, so the
 * limiter lives outside it (one per route would give each route a budget of its own in memory).
 * It follows the configuration: a change to `governance.replies.rateLimit` takes effect without
 * a restart.
 */
export const submissionRateLimit = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const limiter = () => {
    const limit = (strapi.config.get('plugin::governance') as GovernanceConfig).replies.rateLimit;
    const key = JSON.stringify(limit);
    let current = budgets.get(strapi);
    if (current?.key !== key) {
      current = { key, limiter: createLimiter(strapi, limit) };
      budgets.set(strapi, current);
    }
    return current.limiter;
  };

  return async (ctx: { request: { ip: string }; set: (name: string, value: string) => void }, next: () => Promise<unknown>) => {
    try {
      await (await limiter()).consume(clientSource(ctx.request.ip));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      ctx.set('Retry-After', String(seconds));
      throw new errors.RateLimitError(ERRORS.tooMany(Math.ceil(seconds / 60)));
    }
    return next();
  };
};
