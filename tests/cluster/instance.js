/**
 * One instance of the cluster test: the compiled application (dist/, `npm run build:server`)
 * started as `strapi start` does — createStrapi, load, listen — with Strapi's own SIGTERM/SIGINT
 * handler (registered by createStrapi), so a SIGTERM behaves as in production. Configured by
 * the environment only (database, REDIS_URL, SERVER_PROXY, PORT, …), plus two test settings:
 *
 *  CLUSTER_OVERDUE_CHECK  a cron rule (seconds allowed) replacing `replies.overdueCheck`, which
 *                         has no environment variable: the overdue job runs every few seconds.
 *  CLUSTER_SEED_SITES     JSON [{ code, name, level }]: sites created through the document
 *                         service before listening, unless a site with the code exists.
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.join(__dirname, '..', '..');

const main = async () => {
  const app = createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  // load() is register() then bootstrap(); the jobs are scheduled in bootstrap, from the config.
  await app.register();
  if (process.env.CLUSTER_OVERDUE_CHECK)
    app.config.set('plugin::governance.replies.overdueCheck', process.env.CLUSTER_OVERDUE_CHECK);
  await app.bootstrap();
  app.isLoaded = true;

  const sites = JSON.parse(process.env.CLUSTER_SEED_SITES || '[]');
  for (const site of sites) {
    const existing = await app.db
      .query('api::site.site')
      .findOne({ where: { code: site.code }, select: ['id'] });
    if (!existing)
      // 网址 as the demo's: the visit counter counts only hits from the site's own pages.
      await app
        .documents('api::site.site')
        .create({ data: { url: `http://${site.code}.mz.example/`, ...site, active: true } });
  }
  // start(): listen, and on failure Strapi's own stopWithError.
  await app.start();
  app.log.info(`cluster instance ${process.pid} listening on ${app.config.get('server.port')}`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
