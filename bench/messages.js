/**
 * `node bench/messages.js` (after `npm run build`): sustained throughput of the public message
 * submission, against Strapi's stock core `create` of the same content type and against a
 * no-op route (the ceiling of Strapi's request pipeline), in the same Strapi on the same
 * database. The load comes from a separate process (bench/load.js), 16 requests in flight,
 * 10 s per route after a warm-up. SQLite by default;
 * DATABASE_CLIENT=postgres DATABASE_NAME=<scratch db> for PostgreSQL.
 */
const { execFile } = require('child_process');
const path = require('path');
const { factories } = require('@strapi/strapi');
const { startScratchStrapi, writeResults, runBench } = require('./helpers');

const MESSAGE = 'api::citizen-message.citizen-message';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const load = (url, kind, siteDocumentId, seconds = SECONDS) =>
  new Promise((resolve, reject) => {
    // Asynchronously: the server in this process must keep answering.
    execFile(
      process.execPath,
      [path.join(__dirname, 'load.js'), url, kind, '16', String(seconds), siteDocumentId],
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout)))
    );
  });

const main = async () => {
  const { strapi, stop } = await startScratchStrapi();
  const results = {
    client: strapi.db.dialect.client,
    date: new Date().toISOString(),
    secondsPerRoute: SECONDS,
    inFlight: 16,
  };
  try {
    const site = await strapi
      .documents('api::site.site')
      .create({ data: { code: 'xian', name: '西安市', level: 'city', active: true } });
    strapi.config.set('plugin::governance.replies.rateLimit', {
      points: 1_000_000_000,
      duration: 3600,
    });

    // Strapi's core create for the same content type: the core controller's path (Document
    // Service create, output sanitised and shaped) without its input sanitiser, which would
    // strip the private fields a message must store. And a route that does nothing.
    const stock = factories.createCoreController(MESSAGE)({ strapi });
    const stockCreate = async (ctx) => {
      const entity = await strapi.documents(MESSAGE).create({ data: ctx.request.body.data });
      ctx.status = 201;
      ctx.body = stock.transformResponse(await stock.sanitizeOutput(entity, ctx));
    };
    strapi.server.routes([
      {
        method: 'POST',
        path: '/api/bench/stock-create',
        handler: stockCreate,
        config: { auth: false },
      },
      {
        method: 'POST',
        path: '/api/bench/noop',
        handler: (ctx) => {
          ctx.status = 201;
          ctx.body = { data: null };
        },
        config: { auth: false },
      },
    ]);
    await strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
    const routes = {
      public: `${base}/api/citizen-messages`,
      stock: `${base}/api/bench/stock-create`,
      noop: `${base}/api/bench/noop`,
    };

    for (const [kind, url] of Object.entries(routes)) await load(url, kind, site.documentId, 2); // warm-up
    for (const [kind, url] of Object.entries(routes)) {
      results[kind] = await load(url, kind, site.documentId);
      console.log(kind, JSON.stringify(results[kind]));
      if (results[kind].errors > 0)
        throw new Error(`${kind}: ${results[kind].errors} requests failed`);
    }
    results.publicVsStockCreate = +(results.public.rps / results.stock.rps).toFixed(2);
    results.publicVsNoop = +(results.public.rps / results.noop.rps).toFixed(2);
    writeResults('messages', results);
  } finally {
    await stop();
  }
};

runBench(main);
