/**
 * A second Strapi instance on the test's database, in its own process (two Strapi instances
 * cannot share one process): boots the compiled test app, records the e-mails it would send (e-mails on),
 * says it is ready, and on "go" (a line on stdin) calls one plugin service method and prints
 * `{ result, emails }` as JSON after a marker. A third argument, JSON `{ method, args, times }`, names
 * a method of the same service to call `times` times with `args` before saying it is ready.
 * Usage: node second-instance-runner.js <service> <method> [prepare]   (environment: the test's database and secrets)
 *    or: node second-instance-runner.js --script <module> <args JSON>: on "go", calls the module's
 *        export `(strapi, args)` instead (work that is not one service call, e.g. publishing).
 */
const path = require('path');
const readline = require('readline');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.join(__dirname, '..', '..');
const READY = '@@ready@@';
const MARKER = '@@second-instance@@';

const main = async () => {
  const [service, method, prepareJson] = process.argv.slice(2);
  const app = createStrapi({
    appDir,
    distDir: path.join(appDir, '.tmp', 'test-dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  app.log.level = 'error';
  const strapi = await app.load();
  const emails = [];
  strapi.plugin('email').service('email').send = async (message) => void emails.push(message);
  strapi.config.set('plugin::governance.notifications.email', true);
  try {
    const script = service === '--script' ? require(method) : null;
    const prepare = prepareJson && !script ? JSON.parse(prepareJson) : null;
    const governance = script ? null : strapi.plugin('governance').service(service);
    for (let i = 0; i < (prepare?.times ?? 0); i++)
      await governance[prepare.method](...prepare.args);
    const go = new Promise((resolve) =>
      readline.createInterface({ input: process.stdin }).once('line', resolve)
    );
    process.stdout.write(`\n${READY}\n`);
    await go;
    const result = script
      ? await script(strapi, JSON.parse(prepareJson ?? 'null'))
      : await governance[method]();
    // After a marker: Strapi may have written to stdout before.
    process.stdout.write(`\n${MARKER}${JSON.stringify({ result, emails })}`);
  } finally {
    await strapi.destroy();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
