/**
 * Behind a real nginx (Debian's package), as production runs: with `SERVER_PROXY=true` each
 * citizen is known by their own address — their submission budget, their visit count, the
 * address on their message and in the audit trail — and an X-Forwarded-For header a citizen
 * writes themselves buys them no new address. The citizens come from different loopback
 * addresses (127.0.0.2, 127.0.0.3…), so nginx sees each one's own address, as it would on the
 * internet.
 */
import fs from 'fs';
import http from 'http';
import net from 'net';
import path from 'path';
import { startNginx, type Nginx } from '../cluster/services';
import { appDir, startApp, type TestApp } from '../helpers/strapi';

const MESSAGE = 'api::citizen-message.citizen-message';
const AUDIT_ENTRY = 'plugin::governance.audit-entry';
const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
/** Submissions per address and hour: the shipped default. */
const BUDGET = 20;

/** The address of citizen n (1, 2, …): 127.0.0.2, 127.0.0.3, … */
const citizen = (n: number) => `127.0.0.${n + 1}`;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: { data?: { queryCode?: string }; error?: { message: string } } | null;
}

let app: TestApp;
let nginx: Nginx | undefined;
let nginxDir: string | undefined;
let proxyPort: number;
const savedEnv = {
  SERVER_PROXY: process.env.SERVER_PROXY,
  SERVER_PROXY_HOPS: process.env.SERVER_PROXY_HOPS,
};

/** Debian's nginx in front of `upstreamPort`; CI installs it (.ci/run), and missing it fails the test. */
const startProxy = async (upstreamPort: number) => {
  nginxDir = fs.mkdtempSync(path.join(appDir, '.tmp', 'nginx-'));
  nginx = await startNginx(nginxDir, [upstreamPort]);
  proxyPort = nginx.port;
};

const stopProxy = async () => {
  await nginx?.stop();
  if (nginxDir) fs.rmSync(nginxDir, { recursive: true, force: true });
};

/** A request through nginx from the citizen at `from`, with whatever headers they choose to send. */
const through = (
  from: string,
  method: 'GET' | 'POST',
  url: string,
  body?: object,
  headers: Record<string, string> = {}
) =>
  new Promise<Answer>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: proxyPort,
        method,
        path: url,
        localAddress: from,
        agent: false,
        headers: {
          'user-agent': BROWSER,
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            // nginx answers its own errors (502…) in HTML.
            body: res.headers['content-type']?.includes('json') ? JSON.parse(text) : null,
          })
        );
      }
    );
    req.once('error', reject);
    req.end(payload);
  });

/** A form a person filled in for ten seconds. */
const form = (n: number) => ({
  site: 'xian',
  category: 'consultation',
  subject: `第 ${n} 位网民的咨询`,
  body: '请问在西安市申请城乡低保需要准备哪些材料？',
  name: '张三',
  phone: '13912345678',
  startedAt: Date.now() - 10_000,
});

const submit = (from: string, n: number, headers?: Record<string, string>) =>
  through(from, 'POST', '/api/citizen-messages', form(n), headers);

const ipOf = async (answer: Answer) => {
  const row = await app.strapi.db
    .query(MESSAGE)
    .findOne({ where: { queryCode: answer.body?.data?.queryCode }, select: ['ipAddress'] });
  return row?.ipAddress;
};

/** The site's own page the beacon is sent from. */
const PAGE = { Referer: 'http://xian.mz.example/index.html' };

/** What a citizen may write in the header to pass for someone else. */
const FORGED = ['1.2.3.4', '10.0.0.1, 10.0.0.2', citizen(1), '203.0.113.9, 127.0.0.1', 'unknown'];

beforeAll(async () => {
  process.env.SERVER_PROXY = 'true';
  delete process.env.SERVER_PROXY_HOPS; // the default: one proxy
  app = await startApp('reverse-proxy');
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

  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await startProxy((server.address() as net.AddressInfo).port);
});

afterAll(async () => {
  await stopProxy();
  await app?.stop();
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('citizens behind the reverse proxy', () => {
  it("gives each of 21 citizens a budget of their own, and stores each one's address on their message", async () => {
    for (let n = 1; n <= BUDGET + 1; n += 1) {
      const answer = await submit(citizen(n), n);
      expect({ n, status: answer.status }).toEqual({ n, status: 201 });
      expect(await ipOf(answer)).toBe(citizen(n));
    }
  });

  it('refuses a citizen after their budget, whatever X-Forwarded-For they send', async () => {
    const forger = citizen(30);
    for (let i = 0; i < BUDGET; i += 1) {
      const answer = await submit(forger, i, { 'X-Forwarded-For': FORGED[i % FORGED.length] });
      expect({ i, status: answer.status }).toEqual({ i, status: 201 });
      expect(await ipOf(answer)).toBe(forger);
    }
    for (const forged of FORGED) {
      const refused = await submit(forger, 99, { 'X-Forwarded-For': forged });
      expect({ forged, status: refused.status }).toEqual({ forged, status: 429 });
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    }
    // The rating shares the budget, and the header buys no new one there either.
    const rating = await through(
      forger,
      'POST',
      '/api/citizen-messages/lookup/ABCDEFGHJKLM/rating',
      { satisfaction: 'satisfied', contact: '5678' },
      { 'X-Forwarded-For': '198.51.100.1' }
    );
    expect(rating.status).toBe(429);
    // Citizen 1, whose address the forger wrote, still has their own budget left.
    expect((await submit(citizen(1), 1)).status).toBe(201);
  });

  it("counts each citizen's visit, and a forged header buys no extra one", async () => {
    const visits = app.strapi.plugin('governance').service('visits');
    await visits.flush();
    // One counted visit per address and minute here: a second one from the same citizen is not.
    for (let n = 1; n <= 21; n += 1) {
      for (let i = 0; i < 2; i += 1)
        expect(
          (await through(citizen(n), 'POST', '/api/visits', { site: 'xian', path: '/' }, PAGE))
            .status
        ).toBe(204);
    }
    for (const forged of FORGED) {
      await through(
        citizen(40),
        'POST',
        '/api/visits',
        { site: 'xian', path: '/' },
        { 'X-Forwarded-For': forged, ...PAGE }
      );
    }
    expect(await visits.flush()).toBe(22);
  });

  it("writes the citizen's address in the audit trail, not the proxy's or a forged one", async () => {
    const from = citizen(50);
    const login = await through(
      from,
      'POST',
      '/admin/login',
      { email: 'nobody@test.example', password: 'Wrong-Passw0rd!' },
      { 'X-Forwarded-For': '203.0.113.9' }
    );
    expect(login.status).toBe(400);
    const entry = await app.strapi.db
      .query(AUDIT_ENTRY)
      .findOne({ where: { action: 'login.failure', subject: 'nobody@test.example' } });
    expect(entry?.ip).toBe(from);
  });
});
