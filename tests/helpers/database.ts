/**
 * A fresh database per test file: a temporary SQLite file, or, when DATABASE_CLIENT=postgres,
 * a PostgreSQL database of its own (one shared database leaks data between files and breaks
 * with two workers). Connection settings come from the usual DATABASE_* variables.
 */
import { randomBytes } from 'crypto';
import fs from 'fs';
import path from 'path';
import { Client } from 'pg';

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

const appDir = path.join(__dirname, '..', '..');

const adminClient = () =>
  new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database: process.env.DATABASE_ADMIN_DB ?? 'postgres',
  });

export const createTestDatabase = async (label: string): Promise<TestDatabase> => {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  const name = `wg_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;

  if (client === 'postgres') {
    const pg = adminClient();
    await pg.connect();
    await pg.query(`CREATE DATABASE "${name}"`);
    await pg.end();
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_NAME: name },
      async drop() {
        const conn = adminClient();
        await conn.connect();
        await conn.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await conn.end();
      },
    };
  }

  if (client !== 'sqlite') throw new Error(`tests run on sqlite or postgres, not "${client}"`);
  const dir = path.join(appDir, '.tmp', 'tests');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.db`);
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
    async drop() {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
    },
  };
};

/** Secrets for one test run only: nothing is read from or written to the developer's .env. */
export const testSecrets = (): Record<string, string> => {
  const secret = () => randomBytes(16).toString('base64');
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(),
    JWT_SECRET: secret(),
    ENV_PATH: path.join(appDir, '.tmp', 'tests', 'no-dotenv-in-tests'),
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
};
