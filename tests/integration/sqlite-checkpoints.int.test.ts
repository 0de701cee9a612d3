/**
 * SQLite's write-ahead log is copied back into the database file by a thread of its own
 * (src/sqlite/write-ahead-log.ts), not in whichever commit finds it long, on the main thread.
 * The SQLite leg only: PostgreSQL has no such log of the application's.
 */
import fs from 'fs';
import { startApp, type TestApp } from '@test-helpers/strapi';

const onSqlite = process.env.DATABASE_CLIENT !== 'postgres';

let app: TestApp;

beforeAll(async () => {
  app = await startApp('sqlite-checkpoints');
});

afterAll(async () => {
  await app?.stop();
});

(onSqlite ? it : it.skip)(
  'copies committed writes into the database file without the committing connection',
  async () => {
    const knex = app.strapi.db.connection;
    const [{ journal_mode: mode }] = await knex.raw('pragma journal_mode');
    expect(mode).toBe('wal');
    // The main connection leaves checkpoints to the thread.
    const [{ wal_autocheckpoint: pages }] = await knex.raw('pragma wal_autocheckpoint');
    expect(pages).toBe(0);

    const filename = app.strapi.config.get<string>('database.connection.connection.filename');
    const before = fs.statSync(filename).size;
    // About 8 MB, well past SQLite's own 1,000-page checkpoint, in one commit.
    await knex.schema.createTable('checkpoint_probe', (table) => {
      table.increments('id');
      table.text('filler');
    });
    await knex.transaction(async (trx) => {
      for (let i = 0; i < 20; i += 1)
        await trx('checkpoint_probe').insert(
          Array.from({ length: 100 }, () => ({ filler: 'x'.repeat(4000) }))
        );
    });
    const wal = fs.statSync(`${filename}-wal`).size;
    expect(wal).toBeGreaterThan(8_000_000);

    // Within a few of the thread's rounds the pages are in the database file itself.
    const deadline = Date.now() + 10_000;
    while (fs.statSync(filename).size < before + 8_000_000 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fs.statSync(filename).size).toBeGreaterThan(before + 8_000_000);
    await knex.schema.dropTable('checkpoint_probe');
  }
);
