/**
 * 外链审查: the links of an article's body to hosts outside the group, judged by the province's
 * lists (外链名单). A link to a denied host is a forbidden hit: 送审 refuses it and the publish
 * gate too (review/publishing.ts), and the content inspection finds it in what is online; a
 * link to a host on neither list is a hit to check, for the reviewers. The group's own hosts
 * (its sites' 网址 and their other domains) are not outside. No database here.
 */
import type { LinkHostList, WordHit } from '../../../shared/contracts/review';
import { linksOf } from '../articles/body';
import { hostOf, type SiteDomains } from '../rankings/visit-domains';

export interface HostRule {
  host: string;
  list: LinkHostList;
}

/** A host under `parent`, or `parent` itself. */
const within = (host: string, parent: string) => host === parent || host.endsWith(`.${parent}`);

/** The rule that decides for `host`: the most specific one; at the same host, deny. */
export const ruleFor = (host: string, rules: HostRule[]): HostRule | undefined =>
  rules
    .filter((rule) => within(host, rule.host))
    .sort((a, b) => b.host.length - a.host.length || (a.list === 'deny' ? -1 : 1))[0];

/** Whether `host` is one of the group's own. */
export const isOwn = (host: string, own: SiteDomains[]) =>
  own.some(
    (domains) => domains.hosts.has(host) || domains.suffixes.some((suffix) => host.endsWith(suffix))
  );

/** The body's links to hosts outside the group, judged by the lists; each address once. */
export const linkHits = (body: unknown, rules: HostRule[], own: SiteDomains[]): WordHit[] => {
  const seen = new Set<string>();
  return linksOf(body).flatMap(({ url, text }) => {
    const host = /^https?:\/\//i.test(url) ? hostOf(url) : null;
    if (!host || seen.has(url) || isOwn(host, own)) return [];
    seen.add(url);
    const list = ruleFor(host, rules)?.list;
    if (list === 'allow') return [];
    const context = text ? `${text}（${url}）` : url;
    return [
      {
        word: host,
        found: url,
        level: list === 'deny' ? 'forbidden' : 'check',
        kind: list === 'deny' ? 'deniedLink' : 'externalLink',
        field: 'body',
        start: 0,
        end: 0,
        context,
        ...(list === 'deny' ? { suggestion: '删除该链接' } : {}),
      } satisfies WordHit,
    ];
  });
};
