/**
 * A server killed in the middle of a burst of citizen messages: every message that was answered
 * 201 is found, by its query code, once the server is back. Runs the built application
 * (`npm run build`, which `npm test` does first) as a separate process on a fresh database.
 */
import { startDemoServer, type RunningServer } from '../helpers/server';

// Loading the demo (about 113,000 articles) takes minutes on a shared machine, as for the browser tests.
jest.setTimeout(480_000);

let server: RunningServer;

beforeAll(async () => {
  // The burst comes from one address: lift the per-IP limit for it.
  server = await startDemoServer('message-crash', { SUBMISSIONS_PER_HOUR: '100000' });
});

afterAll(async () => {
  await server?.stop();
});

const submit = async (i: number) => {
  const res = await fetch(`${server.url}/api/citizen-messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      site: 'xian',
      category: 'consultation',
      subject: `第${i}条咨询`,
      body: `关于临时救助的咨询，编号 ${i}。`,
      name: '测试',
      phone: '13900000000',
      startedAt: Date.now() - 10_000,
    }),
  });
  if (res.status !== 201) throw new Error(`status ${res.status}`);
  return ((await res.json()) as { data: { queryCode: string } }).data.queryCode;
};

it('keeps every message it acknowledged when killed mid-burst', async () => {
  const acknowledged: string[] = [];
  const failures: string[] = [];
  let next = 0;
  let killing: Promise<void> | undefined;
  // Twenty senders at once; the server is killed once 100 messages were acknowledged. A sender
  // refused before then tries again shortly, as a citizen's browser would.
  const sender = async () => {
    while (next < 2000 && !killing) {
      const i = next++;
      try {
        acknowledged.push(await submit(i));
        if (acknowledged.length === 100) killing = server.kill();
      } catch (error) {
        failures.push(String(error));
        if (!killing) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  await Promise.all(Array.from({ length: 20 }, sender));
  await killing;
  if (acknowledged.length < 100)
    throw new Error(
      `only ${acknowledged.length} messages acknowledged before the kill; refusals: ${failures.slice(0, 5).join('; ')}\nthe server said:\n${server.output()}`
    );

  await server.restart();
  const missing = [];
  for (const code of acknowledged) {
    const res = await fetch(`${server.url}/api/citizen-messages/lookup/${code}`);
    if (res.status !== 200) missing.push(code);
  }
  expect(missing).toEqual([]);
});
