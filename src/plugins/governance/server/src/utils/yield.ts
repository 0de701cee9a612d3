import type { Core } from '@strapi/strapi';

/**
 * Lets the event loop run (other requests, timers, I/O) before going on. better-sqlite3 answers
 * synchronously, so a loop of knex awaits settles as plain promises and never gives way on its
 * own: long work calls this after each batch (ARCHITECTURE.md, Scale: never hold the main thread).
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type StatementRunner = { _query(connection: unknown, statement: unknown): Promise<unknown> };

/**
 * On SQLite, every statement first lets the event loop run. better-sqlite3 answers
 * synchronously, so a request's statements and the JavaScript between them would otherwise
 * settle as one uninterrupted stretch, however many there are: a page of 30 statements held
 * the main thread for all of them, and every other request waited (docs/scale.md). With a turn
 * before each, the longest hold is one statement and what follows it. A transaction keeps the
 * one connection meanwhile (knex's pool holds one for SQLite): other requests' statements wait
 * for it, they never run inside it. PostgreSQL answers asynchronously already.
 */
export const yieldBeforeEachStatement = (strapi: Core.Strapi) => {
  if (strapi.db.dialect.client !== 'sqlite') return;
  const client = strapi.db.connection.client as unknown as StatementRunner;
  const run = client._query.bind(client);
  client._query = async (connection, statement) => {
    await yieldToEventLoop();
    return run(connection, statement);
  };
};
