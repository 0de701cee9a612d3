/**
 * `node bench/isolation.js` against a running demo (`npm run demo`): what site isolation costs.
 * Times the Content Manager's article list (first page, with its total count) for the county
 * editor, whose every read goes through the own-site condition and the isolation middleware,
 * against the same list for the provincial super admin, who is not restricted. Ratios of
 * medians over 30 requests each, interleaved. BENCH_URL (default http://localhost:1337) and
 * DEMO_ADMIN_PASSWORD (read from .env when unset) name the server and the accounts' password.
 */
const fs = require('fs');
const path = require('path');
const { median } = require('./helpers');

const url = process.env.BENCH_URL ?? 'http://localhost:1337';
const password =
  process.env.DEMO_ADMIN_PASSWORD ??
  fs
    .readFileSync(path.join(__dirname, '..', '.env'), 'utf8')
    .match(/^DEMO_ADMIN_PASSWORD=(.*)$/m)?.[1];

const login = async (email) => {
  const res = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return (await res.json()).data.token;
};

const timeList = async (token) => {
  const started = process.hrtime.bigint();
  const res = await fetch(
    `${url}/content-manager/collection-types/api::article.article?page=1&pageSize=10&sort=title:ASC`,
    {
      headers: { authorization: `Bearer ${token}` },
    }
  );
  const body = await res.json();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, total: body.pagination?.total };
};

const main = async () => {
  const editor = await login('ankang-hanbin.editor@demo.example');
  const admin = await login('province.admin@demo.example');
  await timeList(editor);
  await timeList(admin);
  const runs = { editor: [], admin: [] };
  let totals = {};
  for (let i = 0; i < 30; i += 1) {
    const e = await timeList(editor);
    const a = await timeList(admin);
    runs.editor.push(e.ms);
    runs.admin.push(a.ms);
    totals = { editor: e.total, admin: a.total };
  }
  const result = {
    listedArticles: totals,
    countyEditorMedianMs: +median(runs.editor).toFixed(1),
    superAdminMedianMs: +median(runs.admin).toFixed(1),
    ratio: +(median(runs.editor) / median(runs.admin)).toFixed(2),
  };
  console.log(JSON.stringify(result, null, 2));
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
