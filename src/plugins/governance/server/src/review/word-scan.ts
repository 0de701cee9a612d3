import type { Core } from '@strapi/strapi';
import type { WordHit } from '../../../shared/contracts/review';
import { LINK_HOST_RULE, SITE, WORDING_RULE } from '../uids';
import { siteDomains, type SiteDomains } from '../rankings/visit-domains';
import { linkHits, type HostRule } from './link-hosts';
import { scanAttachments, type ScannedAttachment } from './attachment-scan';
import type { ComponentSchemas } from './content-hash';
import { reviewedTexts } from './sensitive-words';
import { ARTICLE, WORD } from './store';
import { createTextChecker, type CheckLists, type TextChecker } from './text-checker';

/** A list's version: how many entries it has and when the latest changed. */
const listVersion = async (
  strapi: Core.Strapi,
  uid: typeof WORD | typeof WORDING_RULE | typeof LINK_HOST_RULE | typeof SITE
) => {
  const latest = await strapi.db
    .query(uid)
    .findOne({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' } });
  return `${await strapi.db.query(uid).count()}@${latest ? new Date(latest.updatedAt).getTime() : 0}`;
};

/** What a body's links are judged by: the 外链名单, and the group's own hosts. */
export interface LinkLists {
  rules: HostRule[];
  own: SiteDomains[];
}

/**
 * The checks of a draft before review (text-checker.ts): the sensitive-word list, the 规范表述
 * list and personal data, in every text of it that reaches readers (the fields the approval
 * covers) and, at submission, in its attachments' text.
 */
export const wordScan = (strapi: Core.Strapi, components: ComponentSchemas) => {
  /**
   * Building the checker costs far more than a check (tens of milliseconds for 10,000 words), so
   * it is rebuilt only when a list changed — judged from the database on each call, so every
   * instance sees another's edits.
   */
  let built: {
    version: string;
    lists: CheckLists;
    /** Built on the first draft checked: the inspection builds its own in its thread. */
    check: TextChecker | null;
    links: LinkLists;
  } | null = null;
  const current = async () => {
    // The sites too: their 网址 and other domains are the group's own hosts.
    const version = `words ${await listVersion(strapi, WORD)}, wording ${await listVersion(strapi, WORDING_RULE)}, hosts ${await listVersion(strapi, LINK_HOST_RULE)}, sites ${await listVersion(strapi, SITE)}`;
    if (built?.version !== version) {
      const [words, wording, rules, sites] = await Promise.all([
        strapi.db.query(WORD).findMany({ select: ['word', 'level', 'suggestion'] }),
        strapi.db.query(WORDING_RULE).findMany({ select: ['wrong', 'right'] }),
        strapi.db.query(LINK_HOST_RULE).findMany({ select: ['host', 'list'] }),
        strapi.db.query(SITE).findMany({ select: ['url', 'visitDomains'] }),
      ]);
      const lists = { words, wording } as CheckLists;
      const links: LinkLists = {
        rules: rules as HostRule[],
        own: (sites as Array<{ url: string | null; visitDomains: string | null }>).map((site) =>
          siteDomains(site.url, site.visitDomains)
        ),
      };
      built = { version, lists, check: null, links };
    }
    return built;
  };

  return {
    /** The lists as they are now, with their version (the inspection records it with a finding). */
    lists: current,

    /** The draft's own texts, and its body's links to hosts outside the group (外链审查). */
    async draft(draft: unknown): Promise<WordHit[]> {
      const scan = await current();
      scan.check ??= createTextChecker(scan.lists);
      const { check, links } = scan;
      return [
        ...check(reviewedTexts(strapi.getModel(ARTICLE), draft, components)),
        ...linkHits((draft as { body?: unknown }).body, links.rules, links.own),
      ];
    },

    /** The hosts the province forbids that the body links to (the publish gate refuses them). */
    async deniedHosts(body: unknown): Promise<string[]> {
      const { links } = await current();
      return [
        ...new Set(
          linkHits(body, links.rules, links.own)
            .filter((hit) => hit.kind === 'deniedLink')
            .map((hit) => hit.word)
        ),
      ];
    },

    /** The text of its attachments (attachment-scan.ts: in a worker thread, seconds for a long PDF). */
    async attachments(attachments: ScannedAttachment[]): Promise<WordHit[]> {
      return attachments.length === 0
        ? []
        : scanAttachments(strapi, attachments, (await current()).lists);
    },
  };
};

export type Scan = ReturnType<typeof wordScan>;
