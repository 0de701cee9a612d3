/**
 * The cluster test's load, in a process of its own (forked by run.js, so it does not share an
 * event loop with the harness): citizen messages and visit beacons through nginx, each request
 * from one of many loopback source addresses (127.0.0.2, 127.0.0.3, …) on a connection of its
 * own, as many citizens would send them. Paced, not flat out: the machine also runs three
 * instances, PostgreSQL, Redis and nginx.
 *
 * Every answer is recorded: acknowledged submissions (201 with a query code) and visits (204)
 * with the time and the instance that answered (nginx's X-Upstream), every other answer by its
 * status (or the network error). Runs until the parent sends 'stop' (or `maxSeconds` pass),
 * sends `{ burst: { submits, visits } }` at once when the parent asks,
 * waits for the requests in flight, sends the records and exits. Progress every second (with
 * the answers per instance so far).
 *
 * Usage: fork('load.js', [JSON.stringify({ port, submitSites, visitSite, ... })])
 */
const http = require('http');

const options = JSON.parse(process.argv[2]);
const {
  port,
  submitSites,
  visitSite,
  submitWorkers = 3,
  submitEveryMs = 100,
  visitWorkers = 3,
  visitEveryMs = 50,
  sources = 200,
  maxSeconds = 120,
  timeoutMs = 30_000,
} = options;

/** A desktop Chrome: the visit counter ignores robots by their User-Agent. */
const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let stopping = false;
let source = 0;
let serial = 0;
/** The next citizen's address: 127.0.0.2 … 127.0.0.(sources + 1). */
const nextSource = () => `127.0.0.${2 + (source++ % sources)}`;

const records = {
  /** [time, instance, queryCode] of every 201 with a query code. */
  messages: [],
  /** [time, instance] of every 204. */
  visits: [],
  /** [time, kind, status or error code, instance or ''] of every other answer. */
  errors: [],
  requests: { submit: 0, visit: 0 },
};
let newCodes = [];
/** Answers (any status) per instance, as nginx named it. */
const answeredBy = {};

const post = (path, body) =>
  new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        localAddress: nextSource(),
        agent: false,
        timeout: timeoutMs,
        headers: {
          'user-agent': BROWSER,
          // The site's own page (the instances give it the 网址 http://<code>.mz.example/).
          referer: `http://${visitSite}.mz.example/`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          // nginx lists every instance it tried ("a, b"): the last one answered.
          const upstream = String(res.headers['x-upstream'] ?? '')
            .split(',')
            .pop()
            .trim();
          answeredBy[upstream] = (answeredBy[upstream] ?? 0) + 1;
          let json = null;
          if (String(res.headers['content-type']).includes('json')) {
            try {
              json = JSON.parse(text);
            } catch {
              // Not JSON after all: the status says enough.
            }
          }
          resolve({ status: res.statusCode, upstream, json });
        });
        res.on('error', (error) =>
          resolve({ status: error.code || 'response-error', upstream: '' })
        );
      }
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
    req.on('error', (error) => resolve({ status: error.code || 'request-error', upstream: '' }));
    req.end(payload);
  });

const submitOnce = async () => {
  serial += 1;
  const site = submitSites[serial % submitSites.length];
  records.requests.submit += 1;
  const answer = await post('/api/citizen-messages', {
    site,
    category: 'consultation',
    subject: `第 ${serial} 位网民的咨询`,
    body: `请问在本市申请城乡低保需要准备哪些材料？编号 ${process.pid}-${serial}。`,
    name: '张三',
    phone: '13912345678',
    startedAt: Date.now() - 10_000,
  });
  const code = answer.json?.data?.queryCode;
  if (answer.status === 201 && typeof code === 'string') {
    records.messages.push([Date.now(), answer.upstream, code]);
    newCodes.push(code);
  } else {
    records.errors.push([
      Date.now(),
      'submit',
      answer.status === 201 ? '201-without-code' : answer.status,
      answer.upstream,
    ]);
  }
};

const visitOnce = async () => {
  serial += 1;
  records.requests.visit += 1;
  const answer = await post('/api/visits', { site: visitSite, path: `/xwzx/${serial}.html` });
  if (answer.status === 204) records.visits.push([Date.now(), answer.upstream]);
  else records.errors.push([Date.now(), 'visit', answer.status, answer.upstream]);
};

/** One paced client: a request every `everyMs` (or as soon as the last one was answered). */
const worker = async (once, everyMs, deadline) => {
  // Spread the workers' first requests over the interval.
  await sleep(Math.random() * everyMs);
  while (!stopping && Date.now() < deadline) {
    const started = Date.now();
    await once();
    await sleep(Math.max(0, everyMs - (Date.now() - started)));
  }
};

/** Requests of bursts not answered yet: stopping waits for them too. */
const bursts = new Set();
process.on('message', (message) => {
  if (message === 'stop') stopping = true;
  // Many requests at once, e.g. at the moment an instance is told to stop: many in flight.
  if (message.burst) {
    const requests = [
      ...Array.from({ length: message.burst.submits }, submitOnce),
      ...Array.from({ length: message.burst.visits }, visitOnce),
    ];
    const all = Promise.all(requests);
    bursts.add(all);
    all.then(() => bursts.delete(all));
  }
});
// The parent gone (a crash of the harness): stop too.
process.on('disconnect', () => {
  stopping = true;
  setTimeout(() => process.exit(1), timeoutMs + 1000).unref();
});

const main = async () => {
  const deadline = Date.now() + maxSeconds * 1000;
  const progress = setInterval(() => {
    process.send?.({
      progress: {
        requests: records.requests.submit + records.requests.visit,
        errors: records.errors.length,
        messages: records.messages.length,
        visits: records.visits.length,
        newCodes,
        answeredBy,
      },
    });
    newCodes = [];
  }, 1000);
  await Promise.all([
    ...Array.from({ length: submitWorkers }, () => worker(submitOnce, submitEveryMs, deadline)),
    ...Array.from({ length: visitWorkers }, () => worker(visitOnce, visitEveryMs, deadline)),
  ]);
  await Promise.all(bursts);
  clearInterval(progress);
  if (process.send) process.send({ done: records }, () => process.exit(0));
  else process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
