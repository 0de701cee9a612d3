/**
 * A Redis server of the test's own, on a free port, that the test may stop and start again
 * (the machine's shared Redis stays untouched). Debian's redis-server, nothing kept on disk.
 */
import { spawn, type ChildProcess } from 'child_process';
import Redis from 'ioredis';
import { freePort } from './server';

export interface PrivateRedis {
  url: string;
  /** A client of its own, for the test to read what the application stored. */
  client(): Redis;
  /** Shuts the server down, as an outage would. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

const waitUntil = async (check: () => Promise<boolean>, what: string) => {
  for (let tries = 0; tries < 100; tries += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Redis did not ${what}`);
};

export const startPrivateRedis = async (): Promise<PrivateRedis> => {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;
  const answers = async () => {
    const probe = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      return (await probe.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      probe.disconnect();
    }
  };

  const redis: PrivateRedis = {
    url,
    client: () => new Redis(url),
    async start() {
      server = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' }
      );
      await waitUntil(answers, 'start');
    },
    async stop() {
      if (!server) return;
      const stopped = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await stopped;
      server = null;
      await waitUntil(async () => !(await answers()), 'stop');
    },
  };
  await redis.start();
  return redis;
};
