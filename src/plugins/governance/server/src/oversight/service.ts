import type { Core } from '@strapi/strapi';
import type { SiteOversight, SiteOversightDetail } from '../../../shared/contracts/oversight';
import type { GovernanceConfig } from '../config';
import { memberSiteIds } from '../sites/scope';
import { SITE } from '../uids';
import { withEvidence } from './evidence';
import { groupBy, publications, siteFacts } from './site-facts';
import { mixOf, standingOf } from './standing';

const STATUS_ORDER = { tripped: 0, warning: 1, ok: 2 } as const;

/**
 * 站群监测: each open site's standing against the national veto rules, from grouped queries over
 * its publications, its columns (栏目) and its messages (site-facts.ts), judged site by site
 * (standing.ts). Nothing is stored: the verdicts are as of `now`.
 */
const oversightService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;

  const service = {
    /** Per site id, what it first published in [start, end) by kind of content. */
    async periodMix(start: Date, end: Date) {
      const rows = await publications(strapi, start, undefined, end);
      const bySite = groupBy(rows, (row) => row.siteId);
      return new Map(
        [...bySite].map(([siteId, siteRows]) => [siteId, mixOf(config().oversight.mix, siteRows)])
      );
    },

    /** One site with the evidence behind its verdicts: which columns, which messages, its alerts and tasks. */
    async detail(siteDocumentId: string, now = new Date()): Promise<SiteOversightDetail | null> {
      const site = await strapi.db
        .query(SITE)
        .findOne({ where: { documentId: siteDocumentId }, select: ['id'] });
      if (!site) return null;
      const [standing] = await service.bySite(now, [site.id]);
      return standing ? withEvidence(strapi, config(), standing, now) : null;
    },

    /** The same for every open site the user is a member of (the home page's card), whatever their role. */
    async own(user: { id: number }, now = new Date()): Promise<SiteOversightDetail[]> {
      const mine = await memberSiteIds(strapi, user.id);
      if (mine.length === 0) return [];
      const standing = await service.bySite(now, mine);
      return Promise.all(standing.map((s) => withEvidence(strapi, config(), s, now)));
    },

    /**
     * Every open site (or those of `siteIds`) with its rule verdicts, the failing first, then the
     * nearest to failing. A site's verdicts depend on its own figures only.
     */
    async bySite(now = new Date(), siteIds?: number[]): Promise<SiteOversight[]> {
      const judging = config();
      const facts = await siteFacts(strapi, judging.timezone, now, siteIds);
      return facts.sites
        .map((site) => standingOf(judging, site, facts, now))
        .sort((a, b) => {
          const nearest = (s: SiteOversight) =>
            Math.min(...s.rules.map((r) => r.daysLeft ?? Infinity));
          return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || nearest(a) - nearest(b);
        });
    },
  };
  return service;
};

export default oversightService;
