/**
 * bench/scale.js's second server, in its own process: a scratch Strapi with the demo loaded and
 * its accounts (password: the first argument), listening on a free port, so that each page is
 * timed on the demo and on the grown archive in turn, in the same minutes of a shared machine.
 * Its database is the scratch one bench/helpers.js makes (SQLite), or DATABASE_NAME
 * (PostgreSQL: bench/scale.js creates it). Prints `SCALE_SERVER_READY {"port":…}` when it
 * answers; SIGTERM stops it and removes its SQLite file.
 */
const path = require('path');
const { appDir, distDir, startScratchStrapi } = require('./helpers');

const { loadDemo } = require(path.join(distDir, 'database/seeds/load-demo.js'));
const { ensureDemoAccounts } = require(path.join(distDir, 'database/seeds/demo-accounts.js'));

const main = async () => {
  const { strapi, stop } = await startScratchStrapi();
  strapi.cron.stop();
  process.once('SIGTERM', () =>
    stop().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  );
  await loadDemo(strapi, appDir);
  await ensureDemoAccounts(strapi, process.argv[2]);
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
