/**
 * Lets the event loop run (other requests, timers, I/O) before going on. better-sqlite3 answers
 * synchronously, so a loop of knex awaits settles as plain promises and never gives way on its
 * own: long work calls this after each batch (ARCHITECTURE.md, Scale: never hold the main thread).
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
