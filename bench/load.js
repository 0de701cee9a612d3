/**
 * A load generator in its own process (so it does not share the server's event loop):
 * `node bench/load.js <url> <kind> <concurrency> <seconds> [site]` posts as fast as the server
 * answers and prints { requests, errors, rps, p50Ms, p99Ms, statuses } as JSON (`statuses`:
 * answers per HTTP status). `kind` chooses the body:
 * `public` (the citizen's form), `stock` (Strapi's core create of the same content type, `site`
 * being the site's document id), `noop` (an empty body), `visit` (the visit beacon's
 * `{ site, path }`, `site` being the site's code, sent with a browser's User-Agent).
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
  const deadline = Date.now() + Number(seconds) * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const started = process.hrtime.bigint();
      try {
        const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body()) });
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
  latencies.sort((a, b) => a - b);
  const at = (q) =>
    +latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2);
  console.log(
    JSON.stringify({
      requests: latencies.length,
      errors,
      rps: +(latencies.length / Number(seconds)).toFixed(1),
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      statuses,
    })
  );
};

main();
