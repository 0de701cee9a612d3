/**
 * A knex connection to a running demo server's database, for the states a browser test cannot
 * reach through the admin in reasonable time (a password changed 87 days ago). SQLite in WAL
 * mode takes a second connection while the server runs.
 */
import knex, { type Knex } from 'knex';
import type { RunningServer } from './server';

export const openDemoDatabase = (server: RunningServer): Knex => {
  const env = server.databaseEnv;
  if (env.DATABASE_CLIENT === 'postgres') {
    return knex({
      client: 'pg',
      connection: {
        host: process.env.DATABASE_HOST ?? '127.0.0.1',
        port: Number(process.env.DATABASE_PORT ?? 5432),
        user: process.env.DATABASE_USERNAME ?? 'postgres',
        password: process.env.DATABASE_PASSWORD ?? '',
        database: env.DATABASE_NAME,
      },
    });
  }
  return knex({
    client: 'better-sqlite3',
    connection: { filename: env.DATABASE_FILENAME },
    useNullAsDefault: true,
  });
};

/** An admin user's id by e-mail. */
export const adminUserId = async (db: Knex, email: string): Promise<number> => {
  const row = await db('admin_users').where({ email }).first('id');
  if (!row) throw new Error(`no admin user ${email}`);
  return Number(row.id);
};
