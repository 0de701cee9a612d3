import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * SQLite is the embedded default (demo and `npm test`); PostgreSQL is production.
 * MySQL/MariaDB goes through Strapi's own support but is not covered by a test leg yet.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  // The stock config joins the file name onto the app root, which breaks absolute paths;
  // an empty value (as a generated .env may leave it) falls back to the default file.
  const sqliteFile = env('DATABASE_FILENAME', '') || path.join('.tmp', 'data.db');
  const sqliteFilename = path.isAbsolute(sqliteFile)
    ? sqliteFile
    : path.join(__dirname, '..', '..', sqliteFile);

  const connections = {
    sqlite: {
      connection: { filename: sqliteFilename },
      useNullAsDefault: true,
    },
    postgres: {
      connection: {
        connectionString: env('DATABASE_URL'),
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 5432),
        database: env('DATABASE_NAME', 'strapi'),
        user: env('DATABASE_USERNAME', 'postgres'),
        password: env('DATABASE_PASSWORD', ''),
        ssl: env.bool('DATABASE_SSL', false) && {
          rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
        },
        schema: env('DATABASE_SCHEMA', 'public'),
      },
      pool: {
        min: env.int('DATABASE_POOL_MIN', 2),
        max: env.int('DATABASE_POOL_MAX', 10),
      },
    },
    mysql: {
      connection: {
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 3306),
        database: env('DATABASE_NAME', 'strapi'),
        user: env('DATABASE_USERNAME', 'strapi'),
        password: env('DATABASE_PASSWORD', ''),
      },
      pool: {
        min: env.int('DATABASE_POOL_MIN', 2),
        max: env.int('DATABASE_POOL_MAX', 10),
      },
    },
  };

  if (!(client in connections)) {
    throw new Error(
      `DATABASE_CLIENT must be one of ${Object.keys(connections).join(', ')}; got "${client}".`
    );
  }

  return {
    connection: {
      client,
      ...connections[client as keyof typeof connections],
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};

export default config;
