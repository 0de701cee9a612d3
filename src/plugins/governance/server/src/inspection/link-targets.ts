/**
 * 链接可用性, what an article links to: the addresses of its body's links and images, each made
 * absolute and hashed so that one address is one state however many articles link it, and
 * whether the group itself can tell if it opens (a media library file, one of its articles) with
 * no request. No database here: links.ts asks it.
 */
import { createHash } from 'crypto';
import { imageNodesOf, linksOf } from '../articles/body';
import { isOwn } from '../review/link-hosts';
import { hostOf, type SiteDomains } from '../rankings/visit-domains';

export type LinkKind = 'link' | 'image';

export interface LinkTarget {
  /** Absolute (a site-relative one on the site's 网址), without its #fragment; as written when the site has no 网址. */
  url: string;
  urlHash: string;
  kind: LinkKind;
  /** The link's words; for an image, its alternative text or file name. */
  text: string;
}

/** Web addresses and site-relative paths; `mailto:`, `#…` and the rest are no page to open. */
const CHECKED = /^(https?:\/\/|\/(?![/\\]))/i;

export const urlHashOf = (url: string) => createHash('sha256').update(url).digest('hex');

/** The origin a site's relative links are read against: its 网址 (`www.xa.gov.cn` as http://). */
export const siteBase = (siteUrl: string | null | undefined): string | null => {
  if (!siteUrl?.trim()) return null;
  const written = siteUrl.trim();
  try {
    return new URL(/^https?:\/\//i.test(written) ? written : `http://${written}`).origin;
  } catch {
    return null;
  }
};

/** One address as the check keys it, or null for what is not checked. */
export const normaliseUrl = (raw: string, base: string | null): string | null => {
  const written = raw.trim();
  if (!CHECKED.test(written)) return null;
  if (written.startsWith('/') && !base) return written.split('#')[0];
  try {
    const url = new URL(written, base ?? undefined);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
};

/**
 * The body's links (http(s) and site-relative) and images (the file's own address, not its
 * thumbnails'), each address once, in reading order.
 */
export const linkTargetsOf = (body: unknown, base: string | null): LinkTarget[] => {
  const targets = new Map<string, LinkTarget>();
  const add = (raw: string, kind: LinkKind, text: string) => {
    const url = normaliseUrl(raw, base);
    if (!url) return;
    const urlHash = urlHashOf(url);
    if (!targets.has(urlHash)) targets.set(urlHash, { url, urlHash, kind, text: text.trim() });
  };
  for (const { url, text } of linksOf(body)) add(url, 'link', text);
  for (const { image } of imageNodesOf(body)) {
    const { url, alternativeText, name } = image as {
      url?: unknown;
      alternativeText?: unknown;
      name?: unknown;
    };
    if (typeof url !== 'string') continue;
    add(
      url,
      'image',
      typeof alternativeText === 'string' && alternativeText ? alternativeText : String(name ?? '')
    );
  }
  return [...targets.values()];
};

/** How the group answers for a path of its own without a request, if it can. */
export type OwnPath =
  | { kind: 'home' }
  | { kind: 'upload'; path: string }
  /** The last segment, without `.html`, `.htm`, `.shtml`: an article's slug if one has it. */
  | { kind: 'page'; slug: string | null };

/** Strapi's `uid` characters: what an article's slug may be. */
const SLUG = /^[A-Za-z0-9\-_.~]+$/;

/**
 * The path of an address on the group's own hosts (or site-relative), as the CMS may resolve
 * it; null for another host's.
 */
export const ownPathOf = (url: string, own: SiteDomains[]): OwnPath | null => {
  let path: string;
  if (url.startsWith('/')) path = url.split(/[?#]/)[0];
  else {
    const host = hostOf(url);
    if (!host || !isOwn(host, own)) return null;
    path = new URL(url).pathname;
  }
  if (path === '/' || path === '') return { kind: 'home' };
  if (/^\/uploads\/[^/]+$/.test(path)) return { kind: 'upload', path };
  let last = path.split('/').filter(Boolean).pop() ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // A malformed escape is no slug.
  }
  const slug = last.replace(/\.(html?|shtml)$/i, '');
  return { kind: 'page', slug: SLUG.test(slug) ? slug : null };
};
