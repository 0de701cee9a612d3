/**
 * A load generator in its own process (so it does not share the server's event loop):
 * `node bench/load.js <url> <kind> <concurrency> <seconds> [site]` posts as fast as the server
 * answers and prints { requests, errors, rps, p50Ms, p99Ms, statuses } as JSON (`statuses`:
 * answers per HTTP status). `kind` chooses the body:
 * `public` (the citizen's form), `stock` (Strapi's core create of the same content type, `site`
 * being the site's document id), `noop` (an empty body), `visit` (the visit beacon's
 * `{ site, path }`, `site` being the site's code, sent with a browser's User-Agent).
 * `get` sends GETs instead, without a body: to `url`, or, when BENCH_LOAD_TARGETS holds a JSON
 * list of `{ url, token, cookie }`, worker i to target i modulo their number, the token (an admin
 * JWT) as its Bearer and the cookie as its Cookie (bench/scale.js: home cards and rankings at once). BENCH_LOAD_MIN_REQUESTS: go on
 * past `seconds` until that many were answered. SIGTERM ends the run early: the requests in
 * flight finish, then the figures print (`rps` over the time it ran). BENCH_LOAD_INTERVAL_MS: each
 * worker starts a request at most that often instead of as fast as the server answers (a probe
 * that measures the server's latency without taking a large share of its time).
 */
const [url, kind, concurrency = '16', seconds = '10', site = ''] = process.argv.slice(2);

/** A desktop Chrome: the visit counter ignores robots by their User-Agent. */
const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const headers = {
  'content-type': 'application/json',
  // The counter counts only hits from the site's own pages (its 网址 is http://<code>.mz.example/).
  ...(kind === 'visit' ? { 'user-agent': BROWSER, referer: `http://${site}.mz.example/` } : {}),
};

const targets =
  kind === 'get' && process.env.BENCH_LOAD_TARGETS
    ? JSON.parse(process.env.BENCH_LOAD_TARGETS)
    : [{ url }];

let serial = 0;
const body = () => {
  serial += 1;
  const text = {
    category: 'consultation',
    subject: `第${serial}条咨询`,
    body: `关于临时救助的咨询，编号 ${serial}。`,
    name: '测试',
    phone: '13900000000',
  };
  if (kind === 'public') return { site: 'xian', ...text, startedAt: Date.now() - 10_000 };
  if (kind === 'visit') return { site, path: `/xwzx/${serial}.html` };
  if (kind === 'stock') {
    return {
      data: {
        site,
        ...text,
        queryCode: `B${process.pid}${serial}`.slice(0, 32),
        receivedAt: new Date().toISOString(),
      },
    };
  }
  return {};
};

const main = async () => {
  const latencies = [];
  let errors = 0;
  const statuses = {};
  const began = Date.now();
  let deadline = began + Number(seconds) * 1000;
  let atLeast = Number(process.env.BENCH_LOAD_MIN_REQUESTS ?? 0);
  // Stopped early (SIGTERM): the requests in flight finish, then the figures print.
  process.on('SIGTERM', () => {
    deadline = 0;
    atLeast = 0;
  });
  const worker = async (_, i) => {
    const target = targets[i % targets.length];
    const get = {
      method: 'GET',
      headers: {
        ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
        ...(target.cookie ? { cookie: target.cookie } : {}),
      },
    };
    const interval = Number(process.env.BENCH_LOAD_INTERVAL_MS ?? 0);
    let next = Date.now();
    while (Date.now() < deadline || latencies.length < atLeast) {
      if (interval > 0) {
        const wait = next - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        next = Math.max(next, Date.now()) + interval; // a late answer does not bring a burst
      }
      const started = process.hrtime.bigint();
      try {
        const res = await fetch(
          target.url,
          kind === 'get' ? get : { method: 'POST', headers, body: JSON.stringify(body()) }
        );
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status >= 300) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: Number(concurrency) }, worker));
  const duration = (Date.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) =>
    +latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2);
  console.log(
    JSON.stringify({
      requests: latencies.length,
      errors,
      rps: +(latencies.length / duration).toFixed(1),
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      statuses,
    })
  );
};

main();
