/**
 * Runs the built application as a user would: the demo loader, then `strapi start`, as child
 * processes on a fresh database and a free port. Needs `npm run build` first (dist/ and the
 * admin build).
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import fs from 'fs';
import net from 'net';
import path from 'path';
import { createTestDatabase, testSecrets, type TestDatabase } from './database';

const appDir = path.join(__dirname, '..', '..');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

export interface RunningServer {
  url: string;
  password: string;
  /** The DATABASE_* settings of its database, for a test that must change a row directly. */
  databaseEnv: Record<string, string>;
  /** Ends the server at once, as a crash or a power cut would (SIGKILL). */
  kill(): Promise<void>;
  /** Starts the server again on the same database and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const waitForHealth = async (url: string, child: ChildProcess, log: () => string) => {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`strapi start exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/_health`);
      if (res.status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`strapi start did not answer within 90 s:\n${log()}`);
};

/** `env` adds settings for this server only (e.g. a rate limit). */
export const startDemoServer = async (label: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> => {
  if (!fs.existsSync(path.join(appDir, 'dist', 'build', 'index.html'))) {
    throw new Error('The admin is not built: run `npm run build` (npm test does it) before the e2e tests.');
  }
  const database: TestDatabase = await createTestDatabase(label);
  const port = await freePort();
  const password = 'E2e-Demo-Passw0rd!';
  const env = {
    ...process.env,
    ...testSecrets(),
    ...database.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DEMO_ADMIN_PASSWORD: password,
    ...extraEnv,
  };

  const seed = spawnSync(process.execPath, ['dist/database/seeds/cli.js'], { cwd: appDir, env, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`demo load failed:\n${seed.stdout}\n${seed.stderr}`);

  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  const launch = async () => {
    // The binary itself, not `npx strapi`: killing npx would leave its node child running.
    child = spawn(path.join(appDir, 'node_modules', '.bin', 'strapi'), ['start'], { cwd: appDir, env: { ...env, NODE_ENV: 'production' } });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    await waitForHealth(url, child, () => output);
  };
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  await launch();

  return {
    url,
    password,
    databaseEnv: database.env,
    kill: () => end('SIGKILL'),
    restart: launch,
    async stop() {
      await end('SIGTERM');
      await database.drop();
    },
  };
};
