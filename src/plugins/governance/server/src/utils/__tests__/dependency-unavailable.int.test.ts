/**
 * A database that does not answer is answered as such (issue 23): 503 with Retry-After and a
 * Chinese message, nothing stored, the citizen's budget not charged, the outage logged once, and the
 * next request served as soon as the database answers again.
 *
 * The fault is real on each database: on SQLite another connection holds the file's write lock
 * past the busy timeout; on PostgreSQL the backend serving the request is terminated while it
 * waits for a table another session has locked.
 */
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { citizenForm } from '@test-helpers/citizen-form';
import { createSites } from '@test-helpers/sites';
import { startApp, type TestApp } from '@test-helpers/strapi';
import { CITIZEN_MESSAGE } from '../../uids';

const onPostgres = process.env.DATABASE_CLIENT === 'postgres';

let app: TestApp;
const errorsLogged: string[] = [];

const submit = () => app.http().post('/api/citizen-messages').send(citizenForm());

/**
 * Runs `request` while the database cannot serve its write, and answers its response.
 * SQLite: a second connection takes the write lock first (the submission waits out the busy
 * timeout). PostgreSQL: a second session locks the messages table, and the backend of the
 * request waiting for it is terminated.
 */
const withDatabaseAway = async <T>(request: () => Promise<T>): Promise<T> => {
  if (!onPostgres) {
    const holder = new Database(process.env.DATABASE_FILENAME!);
    holder.exec('BEGIN IMMEDIATE');
    try {
      return await request();
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }
  const locker = new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database: process.env.DATABASE_NAME,
  });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE citizen_messages IN ACCESS EXCLUSIVE MODE');
    // Started now (a supertest request starts when it is awaited).
    const pending = Promise.resolve(request());
    let terminated = false;
    for (let tries = 0; tries < 200 && !terminated; tries += 1) {
      const { rows } = await locker.query(
        `select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`
      );
      for (const { pid } of rows)
        terminated =
          (await locker.query('select pg_terminate_backend($1) as done', [pid])).rows[0].done ||
          terminated;
      if (!terminated) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    if (!terminated) throw new Error('the request never waited for the lock');
    await locker.query('ROLLBACK');
    return await pending;
  } finally {
    await locker.query('ROLLBACK').catch(() => undefined);
    await locker.end();
  }
};

beforeAll(async () => {
  app = await startApp('dependency-unavailable');
  await createSites(app, { xian: { name: '西安市民政局', level: 'city' } });
  const write = app.strapi.log.error.bind(app.strapi.log);
  app.strapi.log.error = ((text: unknown, ...rest: unknown[]) => {
    errorsLogged.push(
      typeof text === 'object' && text !== null && 'message' in text
        ? `${(text as Error).name} ${(text as { code?: string }).code}: ${(text as Error).message}`
        : String(text)
    );
    return write(text as string, ...(rest as []));
  }) as typeof app.strapi.log.error;
});

afterAll(async () => {
  await app?.stop();
});

it('answers 503 with Retry-After in Chinese, stores nothing, charges nothing, logs the outage once, then serves again', async () => {
  // One submission's budget: the refused ones must not spend it.
  app.strapi.config.set('plugin::governance.replies.rateLimit', { points: 1, duration: 3681 });
  const before = await app.strapi.db.query(CITIZEN_MESSAGE).count();

  for (let attempt = 0; attempt < 2; attempt += 1) {
    const res = await withDatabaseAway(() => submit());
    // What the server logged tells which error was not recognised.
    if (res.status !== 503)
      throw new Error(`answered ${res.status}; logged: ${errorsLogged.join(' | ')}`);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(res.body.data).toBeNull();
  }
  expect(await app.strapi.db.query(CITIZEN_MESSAGE).count()).toBe(before);
  // Two refusals, one outage.
  expect(errorsLogged.filter((line) => /dependency is unavailable/.test(line))).toHaveLength(1);

  const stored = await submit();
  expect(stored.status).toBe(201);
  expect(await app.strapi.db.query(CITIZEN_MESSAGE).count()).toBe(before + 1);
});
