/**
 * Runs the built application as a user would: the demo loader, then `strapi start`, as child
 * processes on a fresh database and a free port. Needs `npm run build` first (dist/ and the
 * admin build).
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import fs from 'fs';
import path from 'path';
import { fromRunTemplate, testSecrets, type TestDatabase } from './database';
import { freePort } from '../cluster/services';

const appDir = path.join(__dirname, '..', '..');

export interface RunningServer {
  url: string;
  password: string;
  /** The DATABASE_* settings of its database, for a test that must change a row directly. */
  databaseEnv: Record<string, string>;
  /** Ends the server at once, as a crash or a power cut would (SIGKILL). */
  kill(): Promise<void>;
  /** Asks the server to stop (SIGTERM, as a service manager does) and answers how it exited. */
  terminate(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Starts the server again on the same database and port. */
  restart(): Promise<void>;
  /** The end of what the server printed since it was last started, for a failure's message. */
  output(): string;
  stop(): Promise<void>;
}

/** What Strapi prints once it listens. */
const STARTED = 'Strapi started successfully';

/**
 * Until the child answers on `url`. Its own line that it started is awaited too: another
 * server that took the same free port in the meantime would answer the health check, while
 * the child exits unable to listen.
 */
const waitForHealth = async (url: string, child: ChildProcess, log: () => string) => {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`strapi start exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/_health`);
      if (res.status === 204 && log().includes(STARTED)) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`strapi start did not answer within 90 s:\n${log()}`);
};

const DEMO_PASSWORD = 'E2e-Demo-Passw0rd!';

/** Loads the demo (the same program as `npm run seed:demo`) into `database`. */
const loadDemoInto = (database: TestDatabase) => {
  const env = {
    ...process.env,
    ...testSecrets(),
    ...database.env,
    DEMO_ADMIN_PASSWORD: DEMO_PASSWORD,
  };
  const seed = spawnSync(process.execPath, ['dist/database/seeds/cli.js'], {
    cwd: appDir,
    env,
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`demo load failed:\n${seed.stdout}\n${seed.stderr}`);
};

/**
 * A database holding the freshly loaded demo. Loading takes 15–40 s, so within one jest run the
 * demo is loaded once, into a template that each server gets a copy of.
 */
const demoDatabase = (label: string) =>
  fromRunTemplate('demo', label, async (database) => loadDemoInto(database));

/** `env` adds settings for this server only (e.g. a rate limit). */
export const startDemoServer = async (
  label: string,
  extraEnv: Record<string, string> = {}
): Promise<RunningServer> => {
  if (!fs.existsSync(path.join(appDir, 'dist', 'build', 'index.html'))) {
    throw new Error(
      'The admin is not built: run `npm run build` (npm test does it) before the e2e tests.'
    );
  }
  const database: TestDatabase = await demoDatabase(label);
  const port = await freePort();
  const env = {
    ...process.env,
    ...testSecrets(),
    ...database.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DEMO_ADMIN_PASSWORD: DEMO_PASSWORD,
    ...extraEnv,
  };

  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  let output = '';
  const launch = async () => {
    // The binary itself, not `npx strapi`: killing npx would leave its node child running.
    child = spawn(path.join(appDir, 'node_modules', '.bin', 'strapi'), ['start'], {
      cwd: appDir,
      env: { ...env, NODE_ENV: 'production' },
    });
    output = '';
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
    password: DEMO_PASSWORD,
    databaseEnv: database.env,
    kill: () => end('SIGKILL'),
    async terminate() {
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
        (resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))
      );
      child.kill('SIGTERM');
      return exited;
    },
    restart: launch,
    output: () => output.slice(-4000),
    async stop() {
      await end('SIGTERM');
      await database.drop();
    },
  };
};
