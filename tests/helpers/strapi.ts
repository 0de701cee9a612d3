/**
 * Boots the real Strapi once per test file on a fresh database and exposes its HTTP server to
 * supertest. Call `startApp()` in `beforeAll` and `app.stop()` in `afterAll`.
 */
import { createStrapi, type Core } from '@strapi/strapi';
import { spawnSync } from 'child_process';
import path from 'path';
import request from 'supertest';
import { fromRunTemplate, testSecrets } from './database';

export const appDir = path.join(__dirname, '..', '..');
const distDir = path.join(appDir, '.tmp', 'test-dist');

export interface TestApp {
  strapi: Core.Strapi;
  http: () => ReturnType<typeof request>;
  stop(): Promise<void>;
}

interface Pool {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/**
 * Strapi writes content history after a document action commits, without awaiting it: tearing
 * the pool down under such a write aborts it and fails the file. Wait until the pool is idle.
 */
const waitForIdleDatabase = async (strapi: Core.Strapi) => {
  const pool = (strapi.db.connection.client as { pool?: Pool }).pool;
  const deadline = Date.now() + 5000;
  while (
    pool &&
    pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0 &&
    Date.now() < deadline
  ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** What every test's Strapi runs with, besides its database and the run's secrets. */
const TEST_SETTINGS = {
  // Fixtures are titled 宝鸡一 and have no body: trivial by the deployment's minimums, which
  // would empty every ranking. review/counting's tests set the minimums back to the defaults;
  // the demo server (browser tests) runs with the defaults.
  ARTICLE_MIN_TITLE_CHARS: '0',
  ARTICLE_MIN_BODY_CHARS: '0',
};

/**
 * A database Strapi has started on once: its tables made and its bootstrap run. Making them takes
 * about 5 s and a copy about 1, so a jest run makes them once (database.ts fromRunTemplate), in a
 * process of its own. Each file's Strapi then starts as on any later day, on a database no test
 * has touched.
 */
const startedDatabase = (label: string) =>
  fromRunTemplate('started', label, async (database) => {
    const started = spawnSync(process.execPath, [path.join(__dirname, 'start-once.js')], {
      cwd: appDir,
      env: { ...process.env, ...testSecrets(), ...database.env, ...TEST_SETTINGS },
      encoding: 'utf8',
    });
    if (started.status !== 0)
      throw new Error(
        `Strapi did not start on the template:\n${started.stdout}\n${started.stderr}`
      );
  });

export const startApp = async (label: string): Promise<TestApp> => {
  const database = await startedDatabase(label);
  Object.assign(process.env, testSecrets(), database.env, TEST_SETTINGS);
  const strapi = await createStrapi({
    appDir,
    distDir,
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  await strapi.server.mount();

  return {
    strapi,
    http: () => request(strapi.server.httpServer),
    async stop() {
      await waitForIdleDatabase(strapi);
      await strapi.destroy();
      await database.drop();
    },
  };
};

export interface TestAdmin {
  id: number;
  email: string;
  password: string;
  token: string;
}

let adminSerial = 0;

/**
 * An admin user with the given role (or roles), logged in through the real /admin/login route.
 */
export const createAdmin = async (
  app: TestApp,
  roleCode: string | string[] = 'strapi-super-admin',
  firstname = '测试'
): Promise<TestAdmin> => {
  adminSerial += 1;
  const codes = [roleCode].flat();
  const email = `admin${adminSerial}.${codes[0]}@test.example`;
  const password = 'Test-Passw0rd!';
  const roles = await Promise.all(
    codes.map((code) => app.strapi.service('admin::role').findOne({ code }))
  );
  const user = await app.strapi.service('admin::user').create({
    firstname,
    lastname: `${adminSerial}`,
    email,
    password,
    isActive: true,
    registrationToken: null,
    roles: roles.map((role) => role.id),
  });
  // As if its holder had already replaced the initial password (the first-login change is
  // tested on its own).
  await app.strapi.plugin('governance').service('passwords').acceptCurrentPassword(user.id);
  const login = await app.http().post('/admin/login').send({ email, password });
  if (login.status !== 200)
    throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { id: user.id, email, password, token: login.body.data.token };
};

/** The whole body, whatever its type (supertest parses only the types it knows). */
const readWhole = (req: request.Test, encoding?: BufferEncoding) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => {
      const bytes = Buffer.concat(chunks);
      done(null, encoding ? bytes.toString(encoding) : bytes);
    });
  });

/** A file uploaded to the media library by `admin` (expected to be stored): its row as Strapi answers it. */
export const uploadAs = async <File = Record<string, unknown>>(
  app: TestApp,
  admin: TestAdmin,
  name: string,
  bytes: Buffer,
  fileInfo: object = {}
) => {
  const res = await app
    .http()
    .post('/upload')
    .set({ Authorization: `Bearer ${admin.token}` })
    .attach('files', bytes, name)
    .field('fileInfo', JSON.stringify(fileInfo));
  expect([name, res.status]).toEqual([name, 201]);
  return res.body[0] as File;
};

/**
 * `admin`'s file pass, as the admin's browser holds it (media/file-pass.ts): the Cookie header
 * that opens their sites' files under /uploads before a published article uses them.
 */
export const filePassCookie = async (app: TestApp, admin: TestAdmin) => {
  const res = await app
    .http()
    .post('/governance/media/file-pass')
    .set({ Authorization: `Bearer ${admin.token}` })
    .expect(200);
  const cookie = ([res.headers['set-cookie']].flat() as string[]).find((c) =>
    c.startsWith('gov_file_pass=')
  )!;
  return { header: cookie, value: cookie.split(';')[0] };
};

/** A file under /uploads read whole with `admin`'s file pass: its bytes, or with `encoding` its text. */
export const openFile = async (
  app: TestApp,
  admin: TestAdmin,
  url: string,
  encoding?: BufferEncoding
) =>
  readWhole(
    app
      .http()
      .get(url)
      .set('Cookie', (await filePassCookie(app, admin)).value),
    encoding
  );

/** Requests to the admin API with `admin`'s session token. */
export const asAdmin = (app: TestApp, admin: TestAdmin) => {
  const auth = { Authorization: `Bearer ${admin.token}` };
  return {
    get: (url: string) => app.http().get(url).set(auth),
    post: (url: string, body: object = {}) => app.http().post(url).set(auth).send(body),
    put: (url: string, body: object = {}) => app.http().put(url).set(auth).send(body),
    delete: (url: string) => app.http().delete(url).set(auth),
    /** A download read whole: its bytes, or with `encoding` its text. */
    download: (url: string, encoding?: BufferEncoding) =>
      readWhole(app.http().get(url).set(auth), encoding),
  };
};

/**
 * Waits until the database has had no statement for `ms`: what earlier requests left running
 * (a review notice being sent after its answer) is done. On SQLite every statement waits for a
 * turn of the event loop, so such work goes on past the answer there too.
 */
const databaseQuiet = async (app: TestApp, ms = 30, atMost = 3000) => {
  let last = Date.now();
  const listen = () => (last = Date.now());
  app.strapi.db.connection.on('query', listen);
  try {
    const started = Date.now();
    while (Date.now() - last < ms && Date.now() - started < atMost)
      await new Promise((resolve) => setTimeout(resolve, 5));
  } finally {
    app.strapi.db.connection.off('query', listen);
  }
};

/** The statements (with their bindings) `work` sends to the database. */
const statementsDuring = async (app: TestApp, work: () => Promise<unknown>) => {
  await databaseQuiet(app);
  const statements: Array<{ sql: string; bindings: unknown[] }> = [];
  const listen = (query: { sql: string; bindings?: unknown[] }) =>
    statements.push({ sql: query.sql, bindings: query.bindings ?? [] });
  app.strapi.db.connection.on('query', listen);
  try {
    await work();
  } finally {
    app.strapi.db.connection.off('query', listen);
  }
  return statements;
};

/** The SQL statements `work` sends to the database (to show a count does not grow with the rows). */
export const queriesDuring = async (app: TestApp, work: () => Promise<unknown>) =>
  (await statementsDuring(app, work)).map((statement) => statement.sql);

/**
 * SQLite only: the reads of `work` that touch one of `tables`, with SQLite's plan for each
 * (EXPLAIN QUERY PLAN's lines, each naming the table as the statement does: its alias when it
 * has one). Without ANALYZE statistics SQLite plans the same at any table size, so a test
 * table answers for the archive.
 */
export const plansDuring = async (app: TestApp, tables: string[], work: () => Promise<unknown>) => {
  const knex = app.strapi.db.connection;
  const plans: Array<{ sql: string; names: Set<string>; plan: string[] }> = [];
  for (const { sql, bindings } of await statementsDuring(app, work)) {
    if (!/^\s*select/i.test(sql)) continue;
    const names = new Set<string>();
    for (const table of tables)
      for (const [, alias] of sql.matchAll(
        new RegExp(`[\`"]${table}[\`"](?:\\s+as\\s+[\`"](\\w+)[\`"])?`, 'g')
      ))
        names.add(alias ?? table);
    if (names.size === 0) continue;
    const plan = (await knex.raw(`explain query plan ${sql}`, bindings as never)) as Array<{
      detail: string;
    }>;
    plans.push({ sql, names, plan: plan.map((row) => row.detail) });
  }
  return plans;
};

/**
 * SQLite only: the reads of `work` that go through every row of one of `tables` (their plan
 * says SCAN, with or without an index), as "plan line: statement". On a table of the archive
 * such a read costs what the archive holds (docs/scale.md).
 */
export const scansDuring = async (app: TestApp, tables: string[], work: () => Promise<unknown>) =>
  (await plansDuring(app, tables, work)).flatMap(({ sql, names, plan }) =>
    plan
      .filter((line) => names.has(/^SCAN (\w+)/.exec(line)?.[1] ?? ''))
      .map((line) => `${line}: ${sql}`)
  );
