/**
 * A load generator in its own process (so it does not share the server's event loop):
 * `node bench/load.js <url> <kind> <concurrency> <seconds>` posts as fast as the server answers
 * and prints { requests, errors, rps, p50Ms, p99Ms } as JSON. `kind` chooses the body:
 * `public` (the citizen's form), `stock` (Strapi's core create of the same content type),
 * `noop` (an empty body).
 */
const [url, kind, concurrency = '16', seconds = '10', siteDocumentId = ''] = process.argv.slice(2);

let serial = 0;
const body = () => {
  serial += 1;
  const text = { category: 'consultation', subject: `第${serial}条咨询`, body: `关于临时救助的咨询，编号 ${serial}。`, name: '测试', phone: '13900000000' };
  if (kind === 'public') return { site: 'xian', ...text, startedAt: Date.now() - 10_000 };
  if (kind === 'stock') {
    return { data: { site: siteDocumentId, ...text, queryCode: `B${process.pid}${serial}`.slice(0, 32), receivedAt: new Date().toISOString() } };
  }
  return {};
};

const main = async () => {
  const latencies = [];
  let errors = 0;
  const deadline = Date.now() + Number(seconds) * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const started = process.hrtime.bigint();
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body()) });
        await res.arrayBuffer();
        if (res.status >= 300) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: Number(concurrency) }, worker));
  latencies.sort((a, b) => a - b);
  const at = (q) => +latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2);
  console.log(JSON.stringify({ requests: latencies.length, errors, rps: +(latencies.length / Number(seconds)).toFixed(1), p50Ms: at(0.5), p99Ms: at(0.99) }));
};

main();
