import type { Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SITE } from '../uids';

/** At most this many extra domains per site. */
const MAX_DOMAINS = 20;
/** A host name (`www.xa.gov.cn`, `localhost`, `10.0.0.8`), or `*.` and one for its subdomains. */
export const HOST =
  /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export const DOMAINS_ERROR =
  '访问统计的其他域名须每行一个，如 www.xa.gov.cn 或 *.xa.gov.cn（不含 http:// 和路径），最多 20 个';

/** The entries of the `visitDomains` field: one a line (commas and spaces also separate). */
const entriesOf = (text: unknown): string[] =>
  typeof text === 'string'
    ? text
        .split(/[\s,，、;；]+/)
        .map((entry) => entry.trim().toLowerCase().replace(/\.$/, ''))
        .filter(Boolean)
    : [];

/** The host of a URL, lower case and without its port, or null for anything that is no URL. */
export const hostOf = (value: string | null | undefined): string | null => {
  if (!value) return null;
  try {
    const host = new URL(value).hostname.toLowerCase();
    return host || null;
  } catch {
    return null;
  }
};

/** The domains whose pages may count a visit to a site: its 网址's host and its extra domains. */
export interface SiteDomains {
  hosts: Set<string>;
  /** `*.xa.gov.cn` as `.xa.gov.cn`: any host ending with it. */
  suffixes: string[];
}

export const siteDomains = (url: string | null | undefined, extra: unknown): SiteDomains => {
  const hosts = new Set<string>();
  const suffixes: string[] = [];
  const own = hostOf(url) ?? hostOf(url ? `http://${url}` : null);
  if (own) hosts.add(own);
  for (const entry of entriesOf(extra)) {
    if (!HOST.test(entry)) continue;
    if (entry.startsWith('*.')) suffixes.push(entry.slice(1));
    else hosts.add(entry);
  }
  return { hosts, suffixes };
};

/**
 * Whether a hit comes from one of the site's own pages: the host of its Origin header, or of
 * its Referer when the browser sent no Origin, is one of the site's domains. No header, an
 * opaque origin (`null`) or another host: not from the site.
 */
export const fromOwnPages = (
  domains: SiteDomains,
  { origin, referer }: { origin?: string; referer?: string }
): boolean => {
  const host = origin ? hostOf(origin) : hostOf(referer);
  if (!host) return false;
  return domains.hosts.has(host) || domains.suffixes.some((suffix) => host.endsWith(suffix));
};

/** Refuses a site whose extra domains are not host names, on every write path, with what to write. */
export const siteVisitDomainsRule =
  (): Modules.Documents.Middleware.Middleware => async (context, next) => {
    if (context.uid !== SITE || !['create', 'update'].includes(context.action)) return next();
    const data = (context.params as { data?: Record<string, unknown> }).data;
    const value = data?.visitDomains;
    if (value !== undefined && value !== null) {
      const entries = entriesOf(value);
      if (
        typeof value !== 'string' ||
        entries.length > MAX_DOMAINS ||
        !entries.every((entry) => entry.length <= 253 && HOST.test(entry))
      ) {
        throw new errors.ValidationError(DOMAINS_ERROR, {
          errors: [{ path: ['visitDomains'], message: DOMAINS_ERROR, name: 'ValidationError' }],
        });
      }
    }
    return next();
  };
