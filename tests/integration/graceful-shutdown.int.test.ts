/**
 * SIGTERM keeps the server's promises (issue 23): it stops taking connections, lets the requests
 * in flight finish (a citizen's message still being sent is stored and answered 201), writes the
 * visits it answered 204 for, and exits 0; a request that does not finish within the grace
 * period is cut off rather than holding the shutdown. Runs the built application with
 * `strapi start` as a separate process (`npm run build`, which `npm test` does first).
 */
import http from 'http';
import net from 'net';
import { queryDatabase } from '../helpers/database';
import { startDemoServer, type RunningServer } from '../helpers/server';

jest.setTimeout(180_000);

const GRACE_SECONDS = 3;
const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

let server: RunningServer;

beforeAll(async () => {
  // Visits are written only when the server stops: what SIGTERM must not lose.
  server = await startDemoServer('graceful-shutdown', {
    VISITS_FLUSH_SECONDS: '3600',
    SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
  });
  // Loading the demo (about 113,000 articles) takes minutes on a shared machine.
}, 480_000);

afterAll(async () => {
  await server?.stop();
});

/** A POST whose body is sent in two parts, the second when the test says so. */
const slowPost = (path: string, body: string) => {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  const { hostname, port } = new URL(server.url);
  const req = http.request({
    hostname,
    port,
    path,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': bytes.length },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  req.write(bytes.subarray(0, half));
  return { response, finish: () => req.end(bytes.subarray(half)) };
};

/** What a new connection to the server meets: `connected`, or the error's code. */
const connecting = () =>
  new Promise<string>((resolve) => {
    const { hostname, port } = new URL(server.url);
    const socket = net.connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });

const form = (subject: string) =>
  JSON.stringify({
    site: 'xian',
    category: 'consultation',
    subject,
    body: '请问临时救助需要哪些材料？',
    name: '测试',
    phone: '13900000000',
    startedAt: Date.now() - 10_000,
  });

const visitsOfXian = async () => {
  const rows = await queryDatabase<{ total: number | string | null }>(
    server.databaseEnv,
    `select sum(v.visits) as total from governance_site_visits v join sites s on s.document_id = v.site_document_id where s.code = ?`,
    ['xian']
  );
  return Number(rows[0]?.total ?? 0);
};

it('finishes the requests in flight, keeps the visits it answered, and exits 0', async () => {
  const visitsBefore = await visitsOfXian();
  for (let i = 0; i < 5; i += 1) {
    const res = await fetch(`${server.url}/api/visits`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': BROWSER,
        // The demo's 西安 has the 网址 http://xian.mz.example/.
        referer: `http://xian.mz.example/news/${i}.html`,
      },
      body: JSON.stringify({ site: 'xian', path: `/news/${i}.html` }),
    });
    expect(res.status).toBe(204);
  }

  // One citizen's message half sent when the server is asked to stop, and one that never ends.
  const inFlight = slowPost('/api/citizen-messages', form('关停时仍在提交的留言'));
  const stalled = slowPost('/api/citizen-messages', form('始终未发完的留言'));
  stalled.response.catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 300));

  const askedAt = Date.now();
  const exited = server.terminate();
  // The listener waits for a quiet moment, a second at most (here two requests stay open).
  await new Promise((resolve) => setTimeout(resolve, 1500));

  // No new connection is taken: the proxy sends the request to another instance.
  expect(await connecting()).toBe('ECONNREFUSED');

  inFlight.finish();
  const answer = await inFlight.response;
  expect(answer.status).toBe(201);
  const { queryCode } = JSON.parse(answer.body).data as { queryCode: string };

  // The stalled request holds the shutdown for the grace period, then is cut off.
  await expect(stalled.response).rejects.toThrow();
  const { code, signal } = await exited;
  const tookMs = Date.now() - askedAt;
  expect({ code, signal }).toEqual({ code: 0, signal: null });
  expect(tookMs).toBeGreaterThanOrEqual(GRACE_SECONDS * 1000);
  expect(tookMs).toBeLessThan((GRACE_SECONDS + 15) * 1000);

  const stored = await queryDatabase<{ n: number | string }>(
    server.databaseEnv,
    'select count(*) as n from citizen_messages where query_code = ?',
    [queryCode]
  );
  expect(Number(stored[0].n)).toBe(1);
  expect(await visitsOfXian()).toBe(visitsBefore + 5);
});
