import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  const keys = env.array('APP_KEYS');
  if (!keys || keys.length === 0 || keys.some((key) => !key)) {
    throw new Error(
      'APP_KEYS is not set: run `npm run setup:env` (it writes a git-ignored .env with fresh secrets) or set it in the environment.'
    );
  }
  // The proxies in front of this server, each appending the address it saw to X-Forwarded-For.
  // Only that many addresses, counted from the end, are trusted: whatever a visitor writes in the
  // header themselves lies before them, and never becomes their address.
  const hops = env('SERVER_PROXY_HOPS', '') || '1';
  if (!/^[1-9][0-9]?$/.test(hops)) {
    throw new Error(
      `SERVER_PROXY_HOPS is the number of proxies in front of the server, 1 to 99 (got "${hops}").`
    );
  }
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    // Behind a reverse proxy: take the visitor's address from X-Forwarded-For, so rate limits,
    // visit counts and the audit trail see the visitor, not the proxy. Strapi 5 hands Koa
    // `proxy.koa` and `proxy.maxIpsCount`; a boolean `proxy` is silently ignored.
    proxy: { koa: env.bool('SERVER_PROXY', false), maxIpsCount: Number(hops) },
    app: {
      keys,
    },
    // The machines this runs on have no internet: never ask npm for a newer Strapi.
    logger: {
      updates: { enabled: false },
      startup: { enabled: env.bool('STRAPI_STARTUP_MESSAGE', true) },
    },
  };
};

export default config;
