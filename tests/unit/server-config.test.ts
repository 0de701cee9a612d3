/**
 * config/server.ts as Strapi reads it: the reverse-proxy settings reach Koa under `proxy.koa`
 * and `proxy.maxIpsCount` (a boolean `proxy` is ignored by Strapi 5), and a number of proxies
 * that would trust every X-Forwarded-For entry, or none, stops the start. Behind a proxy the
 * server listens on this machine only unless HOST says otherwise, and a server that trusts the
 * header while others can reach it is warned about at start-up. The shutdown grace period is a
 * whole number of seconds. The scheduled jobs run unless CRON_ENABLED=false (the citizens'
 * instances).
 */
import { env } from '@strapi/utils';
import serverConfig, { proxyExposureWarning } from '../../config/server';

const NAMES = [
  'APP_KEYS',
  'HOST',
  'SERVER_PROXY',
  'SERVER_PROXY_HOPS',
  'SHUTDOWN_GRACE_SECONDS',
  'CRON_ENABLED',
] as const;
const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));

const load = (settings: Partial<Record<(typeof NAMES)[number], string>>) => {
  for (const name of NAMES) delete process.env[name];
  Object.assign(process.env, { APP_KEYS: 'a,b' }, settings);
  return serverConfig({ env });
};

afterAll(() => {
  for (const name of NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('the reverse-proxy settings', () => {
  it.each([
    [{}, { koa: false, maxIpsCount: 1 }, '0.0.0.0'],
    [{ HOST: '10.0.0.5' }, { koa: false, maxIpsCount: 1 }, '10.0.0.5'],
    // Behind a proxy: this machine only, unless HOST is set.
    [{ SERVER_PROXY: 'true' }, { koa: true, maxIpsCount: 1 }, '127.0.0.1'],
    [{ SERVER_PROXY: 'true', HOST: '' }, { koa: true, maxIpsCount: 1 }, '127.0.0.1'],
    [{ SERVER_PROXY: 'true', HOST: '0.0.0.0' }, { koa: true, maxIpsCount: 1 }, '0.0.0.0'],
    [{ SERVER_PROXY: 'true', HOST: '::1' }, { koa: true, maxIpsCount: 1 }, '::1'],
    [{ SERVER_PROXY: 'true', SERVER_PROXY_HOPS: '' }, { koa: true, maxIpsCount: 1 }, '127.0.0.1'],
    [{ SERVER_PROXY: 'true', SERVER_PROXY_HOPS: '2' }, { koa: true, maxIpsCount: 2 }, '127.0.0.1'],
  ])('%j gives Koa %j and listens on %s', (settings, proxy, host) => {
    const config = load(settings);
    expect(config.proxy).toEqual(proxy);
    expect(config.host).toBe(host);
  });

  // 0 is Koa's "every entry", which would let a visitor pick their address.
  it.each(['0', '-1', '1.5', 'two', '100'])('refuses SERVER_PROXY_HOPS=%j', (hops) => {
    expect(() => load({ SERVER_PROXY: 'true', SERVER_PROXY_HOPS: hops })).toThrow(
      /SERVER_PROXY_HOPS/
    );
  });
});

describe('the shutdown grace period', () => {
  it.each([
    ['', 10],
    ['0', 0],
    ['30', 30],
  ])('SHUTDOWN_GRACE_SECONDS=%j waits %d s for requests in flight', (grace, seconds) => {
    expect(load({ SHUTDOWN_GRACE_SECONDS: grace }).shutdownGraceSeconds).toBe(seconds);
  });

  it.each(['-1', '1.5', 'ten', '1000'])('refuses SHUTDOWN_GRACE_SECONDS=%j', (grace) => {
    expect(() => load({ SHUTDOWN_GRACE_SECONDS: grace })).toThrow(/SHUTDOWN_GRACE_SECONDS/);
  });
});

describe('the start-up warning about a server reachable around the proxy', () => {
  it.each([
    ['0.0.0.0', true],
    ['::', true],
    ['10.0.0.5', true],
    ['2001:db8::5', true],
    ['127.0.0.1', false],
    ['127.0.1.1', false],
    ['::1', false],
    ['localhost', false],
  ])('behind a proxy, listening on %s, warns: %s', (host, warns) => {
    const warning = proxyExposureWarning({ host, proxy: { koa: true } });
    if (warns) expect(warning).toMatch(/firewall/i);
    else expect(warning).toBeNull();
  });

  it('says nothing without a proxy, wherever the server listens', () => {
    expect(proxyExposureWarning({ host: '0.0.0.0', proxy: { koa: false } })).toBeNull();
  });

  it('warns about the configuration a proxy setting with HOST=0.0.0.0 gives', () => {
    expect(proxyExposureWarning(load({ SERVER_PROXY: 'true', HOST: '0.0.0.0' }))).toContain(
      '0.0.0.0'
    );
    expect(proxyExposureWarning(load({ SERVER_PROXY: 'true' }))).toBeNull();
  });
});

describe('the scheduled jobs', () => {
  it.each([
    [{}, true],
    [{ CRON_ENABLED: 'true' }, true],
    [{ CRON_ENABLED: 'false' }, false],
  ])('%j runs them: %s', (settings, enabled) => {
    expect(load(settings).cron).toEqual({ enabled });
  });
});
