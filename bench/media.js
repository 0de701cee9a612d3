/**
 * `node bench/media.js` (after `npm run build:server`): what the file gate (先审后发 for files,
 * media/file-gate.ts) costs a download. The same 20 KB picture is fetched, 16 requests in flight
 * for BENCH_SECONDS (10) each, from a separate process (bench/load.js):
 *  - `static`: as a plain file of `public/`, served by Strapi's static middleware: no gate;
 *  - `public`: at its /uploads address, a published article using it: the gate's two index
 *    look-ups (the file by its URL, its use by a published article), then the upload plugin's
 *    static route;
 *  - `staff`: the same file not yet online, opened with a staff member's file pass (the pass's
 *    signature checked instead of the use).
 * SQLite by default; DATABASE_CLIENT=postgres DATABASE_NAME=<scratch db> for PostgreSQL.
 */
const { execFile } = require('child_process');
const { randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');
const sharp = require('sharp');
const { appDir, startScratchStrapi, writeResults, runBench } = require('./helpers');

const { filePasses, FILE_PASS_COOKIE } = require(
  path.join(appDir, 'src/plugins/governance/dist/server/src/media/file-pass.js')
);

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const load = (targets, seconds = SECONDS) =>
  new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(__dirname, 'load.js'), targets[0].url, 'get', '16', String(seconds)],
      { env: { ...process.env, BENCH_LOAD_TARGETS: JSON.stringify(targets) } },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout)))
    );
  });

const main = async () => {
  const { strapi, stop } = await startScratchStrapi();
  const results = {
    client: strapi.db.dialect.client,
    date: new Date().toISOString(),
    inFlight: 16,
  };
  const written = [];
  try {
    const site = await strapi
      .documents('api::site.site')
      .create({ data: { code: 'xian', name: '西安市', level: 'city', active: true } });
    const root = (await strapi.plugin('governance').service('siteFolders').roots([site.id])).get(
      site.id
    );
    const bytes = await sharp({
      create: { width: 400, height: 300, channels: 3, background: '#8b0000' },
      noise: { type: 'gaussian', mean: 128, sigma: 30 },
    })
      .jpeg({ quality: 60 })
      .toBuffer();
    const name = `bench_${randomBytes(5).toString('hex')}`;
    const publicDir = path.join(appDir, 'public');
    const files = {
      uploads: path.join(publicDir, 'uploads', `${name}.jpg`),
      unpublished: path.join(publicDir, 'uploads', `${name}_draft.jpg`),
      static: path.join(publicDir, `${name}.jpg`),
    };
    for (const file of Object.values(files)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
      written.push(file);
    }
    const row = (hash) =>
      strapi.db.query('plugin::upload.file').create({
        data: {
          name: '现场照片.jpg',
          hash,
          ext: '.jpg',
          mime: 'image/jpeg',
          size: bytes.length / 1024,
          width: 400,
          height: 300,
          url: `/uploads/${hash}.jpg`,
          provider: 'local',
          folderPath: root.path,
        },
      });
    const online = await row(name);
    await row(`${name}_draft`);
    // As a publication leaves it (media/published-files.ts).
    await strapi.db
      .query('plugin::governance.published-file')
      .create({ data: { fileId: online.id, articleDocumentId: 'bench' } });
    const pass = filePasses(strapi).issue({ userId: 1, folderPaths: [root.path] });

    await strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
    const routes = {
      static: [{ url: `${base}/${name}.jpg` }],
      public: [{ url: `${base}/uploads/${name}.jpg` }],
      staff: [{ url: `${base}/uploads/${name}_draft.jpg`, cookie: `${FILE_PASS_COOKIE}=${pass}` }],
    };
    results.bytes = bytes.length;
    for (const targets of Object.values(routes)) await load(targets, 2); // warm-up
    for (const [kind, targets] of Object.entries(routes)) {
      results[kind] = await load(targets);
      console.log(kind, JSON.stringify(results[kind]));
      if (results[kind].errors > 0) throw new Error(`${kind}: ${results[kind].errors} failed`);
    }
    results.publicVsStatic = {
      rps: +(results.public.rps / results.static.rps).toFixed(2),
      p50: +(results.public.p50Ms / results.static.p50Ms).toFixed(2),
    };
    results.staffVsStatic = {
      rps: +(results.staff.rps / results.static.rps).toFixed(2),
      p50: +(results.staff.p50Ms / results.static.p50Ms).toFixed(2),
    };
    writeResults('media', results);
  } finally {
    for (const file of written) fs.rmSync(file, { force: true });
    await stop();
  }
};

runBench(main);
