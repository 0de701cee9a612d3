/**
 * config/server.ts as Strapi reads it: the reverse-proxy settings reach Koa under `proxy.koa`
 * and `proxy.maxIpsCount` (a boolean `proxy` is ignored by Strapi 5), and a number of proxies
 * that would trust every X-Forwarded-For entry, or none, stops the start.
 */
import { env } from '@strapi/utils';
import serverConfig from '../../config/server';

const NAMES = ['APP_KEYS', 'SERVER_PROXY', 'SERVER_PROXY_HOPS'] as const;
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
    [{}, { koa: false, maxIpsCount: 1 }],
    [{ SERVER_PROXY: 'true' }, { koa: true, maxIpsCount: 1 }],
    [
      { SERVER_PROXY: 'true', SERVER_PROXY_HOPS: '' },
      { koa: true, maxIpsCount: 1 },
    ],
    [
      { SERVER_PROXY: 'true', SERVER_PROXY_HOPS: '2' },
      { koa: true, maxIpsCount: 2 },
    ],
  ])('%j gives Koa %j', (settings, proxy) => {
    expect(load(settings).proxy).toEqual(proxy);
  });

  // 0 is Koa's "every entry", which would let a visitor pick their address.
  it.each(['0', '-1', '1.5', 'two', '100'])('refuses SERVER_PROXY_HOPS=%j', (hops) => {
    expect(() => load({ SERVER_PROXY: 'true', SERVER_PROXY_HOPS: hops })).toThrow(
      /SERVER_PROXY_HOPS/
    );
  });
});
