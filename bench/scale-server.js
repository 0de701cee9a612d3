/**
 * bench/scale.js's second server, in its own process: a scratch Strapi with the demo loaded and
 * its accounts (password: the first argument), listening on a free port, so that each page is
 * timed on the demo and on the grown archive in turn, in the same minutes of a shared machine.
 * Its database is the scratch one bench/helpers.js makes (SQLite), or DATABASE_NAME
 * (PostgreSQL: bench/scale.js creates it). Prints `SCALE_SERVER_READY {"port":…}` when it
 * answers; SIGTERM stops it and removes its SQLite file.
 *
 * With `--attach` (second argument) it is instead one more instance on the database its
 * environment names, as it is, with the same secrets (bench/scale.js's citizens' instance:
 * docs/operations.md); SIGTERM stops it and leaves the database.
 */
const path = require('path');
const { appDir, distDir, loadStrapi, startScratchStrapi } = require('./helpers');

const { loadDemo } = require(path.join(distDir, 'database/seeds/load-demo.js'));
const { ensureDemoAccounts } = require(path.join(distDir, 'database/seeds/demo-accounts.js'));

const attach = process.argv[3] === '--attach';

const attached = async () => {
  const strapi = await loadStrapi();
  return { strapi, stop: () => strapi.destroy() };
};

const main = async () => {
  const { strapi, stop } = attach ? await attached() : await startScratchStrapi();
  strapi.cron.stop();
  process.once('SIGTERM', () =>
    stop().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  );
  if (!attach) {
    await loadDemo(strapi, appDir);
    await ensureDemoAccounts(strapi, process.argv[2]);
    // PostgreSQL plans by statistics: the demo's as fresh as the grown archive's (bench/scale.js
    // analyzes those), so that neither side runs on stale ones.
    if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('vacuum analyze');
  }
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  console.log(
    `SCALE_SERVER_READY ${JSON.stringify({ port: strapi.server.httpServer.address().port })}`
  );
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
