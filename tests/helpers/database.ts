/**
 * A fresh database per test file: a temporary SQLite file, or, when DATABASE_CLIENT=postgres,
 * a PostgreSQL database of its own (one shared database leaks data between files and breaks
 * with two workers). Connection settings come from the usual DATABASE_* variables. The audit
 * log's key and checkpoint file go with the database (its `env`): they belong to the chain stored
 * in it, and a copy of the database keeps them, or its log would no longer verify.
 */
import { randomBytes } from 'crypto';
import fs from 'fs';
import path from 'path';
import Database from 'better-sqlite3';
import { Client } from 'pg';

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

const appDir = path.join(__dirname, '..', '..');

const adminClient = (database = process.env.DATABASE_ADMIN_DB ?? 'postgres') =>
  new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database,
  });

/** The handle of an existing test database. */
const databaseOf = (env: Record<string, string>): TestDatabase => ({
  env,
  async drop() {
    if (env.AUDIT_CHECKPOINT_FILE) fs.rmSync(env.AUDIT_CHECKPOINT_FILE, { force: true });
    if (env.DATABASE_CLIENT === 'postgres') {
      const conn = adminClient();
      await conn.connect();
      await conn.query(`DROP DATABASE IF EXISTS "${env.DATABASE_NAME}" WITH (FORCE)`);
      await conn.end();
    } else {
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        fs.rmSync(`${env.DATABASE_FILENAME}${suffix}`, { force: true });
    }
  },
});

/** A new, empty database; on PostgreSQL `template` names a database to copy instead. */
export const createTestDatabase = async (
  label: string,
  template?: string
): Promise<TestDatabase> => {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  const name = `wg_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  fs.mkdirSync(testDir, { recursive: true });
  const audit = {
    AUDIT_KEY: randomBytes(24).toString('base64'),
    AUDIT_CHECKPOINT_FILE: path.join(testDir, `${name}.checkpoints.jsonl`),
  };

  if (client === 'postgres') {
    const pg = adminClient();
    await pg.connect();
    await pg.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    await pg.end();
    return databaseOf({ DATABASE_CLIENT: 'postgres', DATABASE_NAME: name, ...audit });
  }

  if (client !== 'sqlite') throw new Error(`tests run on sqlite or postgres, not "${client}"`);
  return databaseOf({
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(testDir, `${name}.db`),
    ...audit,
  });
};

const testDir = path.join(appDir, '.tmp', 'tests');

/** A new database holding a copy of the database `source` (settings as `env` gives them), with its audit key and checkpoints. */
export const copyDatabase = async (
  source: Record<string, string>,
  label: string
): Promise<TestDatabase> => {
  const copy = await createTestDatabase(
    label,
    source.DATABASE_CLIENT === 'postgres' ? source.DATABASE_NAME : undefined
  );
  copy.env.AUDIT_KEY = source.AUDIT_KEY;
  if (fs.existsSync(source.AUDIT_CHECKPOINT_FILE))
    fs.copyFileSync(source.AUDIT_CHECKPOINT_FILE, copy.env.AUDIT_CHECKPOINT_FILE);
  if (source.DATABASE_CLIENT !== 'postgres') {
    for (const suffix of ['', '-wal']) {
      const file = `${source.DATABASE_FILENAME}${suffix}`;
      if (fs.existsSync(file)) fs.copyFileSync(file, `${copy.env.DATABASE_FILENAME}${suffix}`);
    }
  }
  return copy;
};

/**
 * A copy of this jest run's database `kind`, which `fill` makes once (into a new database) for
 * all the run's test files: a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL.
 * Files run two at a time; a lock file keeps the other worker from making it twice. Outside a
 * named run (tests/helpers/test-run.js) each call fills a database of its own.
 */
export const fromRunTemplate = async (
  kind: string,
  label: string,
  fill: (database: TestDatabase) => Promise<void>
): Promise<TestDatabase> => {
  const run = process.env.GOVERNANCE_TEST_RUN;
  if (!run) {
    const database = await createTestDatabase(label);
    await fill(database);
    return database;
  }
  const client = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
  fs.mkdirSync(testDir, { recursive: true });
  const marker = path.join(testDir, `template-${run}-${kind}-${client}.json`);
  const lock = `${marker}.lock`;
  let maker: number | undefined;
  try {
    maker = fs.openSync(lock, 'wx');
  } catch {
    // Another worker is making it.
  }
  if (maker !== undefined) {
    try {
      if (!fs.existsSync(marker)) {
        const database = await createTestDatabase(`template_${kind}_${run}`);
        await fill(database);
        fs.writeFileSync(marker, JSON.stringify(database.env));
      }
    } finally {
      fs.closeSync(maker);
      // Without a marker the lock goes too: the waiting worker then knows the making failed.
      if (!fs.existsSync(marker)) fs.rmSync(lock, { force: true });
    }
  } else {
    const deadline = Date.now() + 300_000;
    while (!fs.existsSync(marker)) {
      if (!fs.existsSync(lock)) throw new Error(`making the test template ${marker} failed`);
      if (Date.now() > deadline)
        throw new Error(`the test template ${marker} was not ready within 5 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return copyDatabase(JSON.parse(fs.readFileSync(marker, 'utf8')), label);
};

/** Drops the templates this jest run `run` made (jest's global teardown). */
export const dropRunTemplates = async (run: string) => {
  if (!fs.existsSync(testDir)) return;
  for (const file of fs.readdirSync(testDir)) {
    if (!file.startsWith(`template-${run}-`)) continue;
    const marker = path.join(testDir, file);
    if (file.endsWith('.json')) {
      const env = JSON.parse(fs.readFileSync(marker, 'utf8')) as Record<string, string>;
      await databaseOf(env).drop();
    }
    fs.rmSync(marker, { force: true });
  }
};

/**
 * Secrets for one test run only: nothing is read from or written to the developer's .env. The
 * audit log's AUDIT_KEY is the database's (`createTestDatabase`), not the run's.
 */
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

/** Rows of one SQL query (`?` placeholders) on a test database, read from outside the application. */
export const queryDatabase = async <Row>(
  env: Record<string, string>,
  sql: string,
  params: unknown[] = []
): Promise<Row[]> => {
  if (env.DATABASE_CLIENT !== 'postgres') {
    const db = new Database(env.DATABASE_FILENAME, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as Row[];
    } finally {
      db.close();
    }
  }
  const conn = adminClient(env.DATABASE_NAME);
  await conn.connect();
  try {
    let n = 0;
    return (
      await conn.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params
      )
    ).rows as Row[];
  } finally {
    await conn.end();
  }
};
