/**
 * 链接可用性: whether a web address opens, asked over the network as a polite crawler asks it —
 * HEAD first, GET when a server will not answer HEAD, redirects followed one by one and recorded,
 * a time limit per request, at most `perHost` requests at a time to one host and `politenessMs`
 * between their starts. No database here: what a run makes of the answers (broken after two
 * failures a day apart) is link-state.ts's.
 */

export type LinkFailure = 'http' | 'timeout' | 'dns' | 'refused' | 'tls' | 'redirects' | 'network';

export interface Hop {
  url: string;
  status: number;
}

export interface LinkVerdict {
  url: string;
  ok: boolean;
  /** The last answer's HTTP status; null when none came. */
  status: number | null;
  failure: LinkFailure | null;
  /** Every redirect followed, in order: the address and the status that sent it on. */
  redirects: Hop[];
  /** Where the link ends up (itself without redirects). */
  finalUrl: string;
  checkedAt: Date;
}

export interface LinkCheckerOptions {
  /** Time allowed for one request's answer (its headers), in ms. */
  timeoutMs?: number;
  /** Requests in flight to one host at most. */
  perHost?: number;
  /** Time between the starts of two requests to one host, in ms. */
  politenessMs?: number;
  /** Hosts asked at once. */
  hosts?: number;
  maxRedirects?: number;
  userAgent?: string;
}

const DEFAULTS: Required<LinkCheckerOptions> = {
  timeoutMs: 15_000,
  perHost: 2,
  politenessMs: 1_000,
  hosts: 8,
  maxRedirects: 5,
  // ASCII only: a header cannot carry Chinese.
  userAgent:
    'Mozilla/5.0 (compatible; GovSiteLinkCheck/1.0; link check of a government website group)',
};

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/** What kind of failure a thrown fetch error is, from its cause's code. */
const failureOf = (error: unknown): LinkFailure => {
  const { name, cause } = error as { name?: string; cause?: { code?: string; name?: string } };
  if (name === 'TimeoutError' || name === 'AbortError' || cause?.name === 'TimeoutError')
    return 'timeout';
  const code = cause?.code ?? '';
  if (['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL'].includes(code)) return 'dns';
  if (['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code))
    return 'refused';
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'EPROTO') return 'tls';
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return 'timeout';
  return 'network';
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How one host is asked: at most `perHost` at once, `politenessMs` between starts. */
const hostGate = ({ perHost, politenessMs }: Required<LinkCheckerOptions>) => {
  let inFlight = 0;
  let nextStart = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (inFlight >= perHost) await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight += 1;
    try {
      const start = Math.max(Date.now(), nextStart);
      nextStart = start + politenessMs;
      await sleep(start - Date.now());
      return await task();
    } finally {
      inFlight -= 1;
      waiting.shift()?.();
    }
  };
};

export const createLinkChecker = (options: LinkCheckerOptions = {}) => {
  const settings = { ...DEFAULTS, ...options };
  const gates = new Map<string, ReturnType<typeof hostGate>>();
  const gateOf = (url: URL) => {
    let gate = gates.get(url.host);
    if (!gate) gates.set(url.host, (gate = hostGate(settings)));
    return gate;
  };

  /** One request; its body is not read (a GET is cancelled once the headers are in). */
  const ask = (url: URL, method: 'HEAD' | 'GET') =>
    gateOf(url)(async () => {
      const response = await fetch(url, {
        method,
        redirect: 'manual',
        headers: { 'user-agent': settings.userAgent, accept: '*/*' },
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      return response;
    });

  /** HEAD, then GET when the server refuses or fails HEAD (many do). */
  const askOnce = async (url: URL) => {
    try {
      const head = await ask(url, 'HEAD');
      if (head.status < 400) return head;
    } catch (error) {
      const failure = failureOf(error);
      // No host, no connection, no answer in time: asking again by GET would only wait again.
      if (failure === 'dns' || failure === 'refused' || failure === 'timeout') throw error;
    }
    return ask(url, 'GET');
  };

  const checkOne = async (address: string): Promise<LinkVerdict> => {
    const redirects: Hop[] = [];
    const verdict = (fields: Partial<LinkVerdict>): LinkVerdict => ({
      url: address,
      ok: false,
      status: null,
      failure: null,
      redirects,
      finalUrl: address,
      checkedAt: new Date(),
      ...fields,
    });
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      return verdict({ failure: 'network' });
    }
    for (;;) {
      let response: Response;
      try {
        response = await askOnce(url);
      } catch (error) {
        return verdict({ failure: failureOf(error), finalUrl: url.href });
      }
      const location = response.headers.get('location');
      if (REDIRECT.has(response.status) && location) {
        if (redirects.length >= settings.maxRedirects)
          return verdict({ status: response.status, failure: 'redirects', finalUrl: url.href });
        redirects.push({ url: url.href, status: response.status });
        try {
          url = new URL(location, url);
        } catch {
          return verdict({ status: response.status, failure: 'network', finalUrl: url.href });
        }
        continue;
      }
      const ok = response.status < 400;
      return verdict({
        ok,
        status: response.status,
        failure: ok ? null : 'http',
        finalUrl: url.href,
      });
    }
  };

  return {
    /**
     * Every address asked, `hosts` hosts at a time, each host as its gate allows; answers each
     * address's verdict as it comes (`onVerdict`) and all of them at the end. Once `signal`
     * aborts, no further address is asked (those in flight end within their time limit): the
     * verdicts answered are those of the addresses asked.
     */
    async check(
      addresses: string[],
      onVerdict?: (verdict: LinkVerdict) => void,
      signal?: AbortSignal
    ) {
      const byHost = new Map<string, string[]>();
      for (const address of new Set(addresses)) {
        let host = '';
        try {
          host = new URL(address).host;
        } catch {
          // Not an address: answered at once, as a failure.
        }
        byHost.set(host, [...(byHost.get(host) ?? []), address]);
      }
      const verdicts = new Map<string, LinkVerdict>();
      const hosts = [...byHost.values()];
      let nextHost = 0;
      // Within one host, `perHost` addresses at a time (its gate spaces their starts).
      const hostWorker = async () => {
        while (nextHost < hosts.length && !signal?.aborted) {
          const list = hosts[nextHost++];
          let next = 0;
          const addressWorker = async () => {
            while (next < list.length && !signal?.aborted) {
              const address = list[next++];
              const verdict = await checkOne(address);
              verdicts.set(address, verdict);
              onVerdict?.(verdict);
            }
          };
          await Promise.all(
            Array.from({ length: Math.min(settings.perHost, list.length) }, addressWorker)
          );
        }
      };
      await Promise.all(Array.from({ length: Math.min(settings.hosts, hosts.length) }, hostWorker));
      return verdicts;
    },
  };
};
