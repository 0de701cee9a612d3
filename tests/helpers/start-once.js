// Starts Strapi once on the database the environment names and stops it: its tables made and its
// bootstrap run (strapi.ts's template). A process of its own, so the test process only ever runs
// the Strapi its tests talk to.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.join(__dirname, '..', '..');

(async () => {
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, '.tmp', 'test-dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  await strapi.destroy();
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
