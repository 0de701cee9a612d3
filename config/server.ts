import type { Core } from '@strapi/strapi';
import { BlockList, isIP } from 'net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Whether a server listening on `host` is reachable from this machine only. */
export const isLoopback = (host: string) => {
  if (host === 'localhost') return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 6 ? 'ipv6' : 'ipv4');
};

/**
 * What to tell the operator at start-up when the server believes X-Forwarded-For and listens
 * beyond this machine: whoever reaches the port without going through the proxy writes the
 * header themselves and so chooses their own address (budgets, visit counts, audit trail).
 */
export const proxyExposureWarning = ({
  host,
  proxy,
}: Pick<Core.Config.Server, 'host' | 'proxy'>): string | null =>
  // Strapi 5 trusts the header on `proxy.koa` only (a boolean `proxy` is ignored).
  typeof proxy === 'object' && proxy.koa && !isLoopback(host)
    ? `SERVER_PROXY is true and the server listens on ${host}, not only on this machine: anyone who reaches the port directly can set X-Forwarded-For and choose their address. Firewall the port so that only the reverse proxy reaches it, or set HOST=127.0.0.1 when the proxy runs on this machine.`
    : null;

const config = ({
  env,
}: Core.Config.Shared.ConfigParams): Core.Config.Server & { shutdownGraceSeconds: number } => {
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
  const behindProxy = env.bool('SERVER_PROXY', false);
  const grace = env('SHUTDOWN_GRACE_SECONDS', '') || '10';
  if (!/^[0-9]{1,3}$/.test(grace)) {
    throw new Error(
      `SHUTDOWN_GRACE_SECONDS is how long requests in flight may finish at shutdown, 0 to 999 seconds (got "${grace}").`
    );
  }
  return {
    // Behind a proxy, only the proxy should reach the server: it usually runs on this machine.
    host: env('HOST', '') || (behindProxy ? '127.0.0.1' : '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    // Behind a reverse proxy: take the visitor's address from X-Forwarded-For, so rate limits,
    // visit counts and the audit trail see the visitor, not the proxy. Strapi 5 hands Koa
    // `proxy.koa` and `proxy.maxIpsCount`; a boolean `proxy` is silently ignored.
    proxy: { koa: behindProxy, maxIpsCount: Number(hops) },
    app: {
      keys,
    },
    // On SIGTERM the server stops taking connections and waits this long for the requests in
    // flight before it cuts them off (the governance plugin's destroy).
    shutdownGraceSeconds: Number(grace),
    // The scheduled jobs (the nightly inspection, the alerts…): on by default; off on the
    // citizens' instances, so their work never shares a process with citizens' requests
    // (docs/operations.md). Each run still takes its lease on whichever instance runs it.
    cron: { enabled: env.bool('CRON_ENABLED', true) },
    // The machines this runs on have no internet: never ask npm for a newer Strapi.
    logger: {
      updates: { enabled: false },
      startup: { enabled: env.bool('STRAPI_STARTUP_MESSAGE', true) },
    },
  };
};

export default config;
