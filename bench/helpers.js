/**
 * What every in-process benchmark shares: Strapi booted on a scratch database with throwaway
 * secrets, timing, medians, and the results file.
 */
const { createStrapi } = require('@strapi/strapi');
const { randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');

const appDir = path.join(__dirname, '..');
const distDir = path.join(appDir, 'dist');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const time = async (fn) => {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
};

/**
 * Boots Strapi on a scratch SQLite file, or on the database DATABASE_CLIENT/DATABASE_NAME name
 * (which must then be a scratch database). `stop()` destroys Strapi and removes the file.
 */
const startScratchStrapi = async () => {
  const scratch = path.join(appDir, '.tmp', `bench-${randomBytes(4).toString('hex')}.db`);
  fs.mkdirSync(path.dirname(scratch), { recursive: true });
  const secret = () => randomBytes(16).toString('base64');
  Object.assign(process.env, {
    ENV_PATH: path.join(appDir, '.tmp', 'no-dotenv-in-bench'),
    DATABASE_CLIENT: process.env.DATABASE_CLIENT ?? 'sqlite',
    DATABASE_FILENAME: scratch,
    APP_KEYS: `${secret()},${secret()}`,
    ADMIN_JWT_SECRET: secret(), API_TOKEN_SALT: secret(), TRANSFER_TOKEN_SALT: secret(), ENCRYPTION_KEY: secret(), JWT_SECRET: secret(),
  });
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  strapi.log.level = 'warn';
  return {
    strapi,
    async stop() {
      await strapi.destroy();
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${scratch}${suffix}`, { force: true });
    },
  };
};

const writeResults = (name, results) => {
  console.log(JSON.stringify(results, null, 2));
  const out = path.join(__dirname, 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, `${name}-${results.client}-${Date.now()}.json`), JSON.stringify(results, null, 2));
};

/** Runs a benchmark's `main` and exits: 0 when it finished, 1 with the error printed when not. */
const runBench = (main) =>
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    }
  );

module.exports = { appDir, distDir, median, time, startScratchStrapi, writeResults, runBench };
