import type { Core } from '@strapi/strapi';
import { createId } from '@paralleldrive/cuid2';
import { isbot } from 'isbot';
import { DateTime } from 'luxon';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { GovernanceConfig } from '../config';
import { createLimiter } from '../replies/rate-limit';
import { clientSource } from '../utils/client-source';
import { fromOwnPages, siteDomains, type SiteDomains } from './visit-domains';
import { dbNames } from '../utils/db-names';
import { getService } from '../utils/get-service';
import { SITE, SITE_VISIT } from '../uids';
import { createVisitorCounter } from './unique-visitors';

/** How often the known site codes and domains are read again (a new site or domain counts from then on). */
const SITE_CODES_TTL_MS = 60_000;
/** Rows per upsert statement when flushing. */
const FLUSH_BATCH = 500;

export type VisitOutcome = 'counted' | 'bot' | 'over-limit' | 'unknown-site' | 'not-own-page';

/** What a hit says about itself: the browser, the source address, and the page it came from. */
export interface VisitHit {
  userAgent: string | undefined;
  ip: string;
  origin?: string;
  referer?: string;
}

interface KnownSite {
  documentId: string;
  domains: SiteDomains;
}

/**
 * The visit counter of one instance. A hit only adds 1 to a number in memory, per site and local
 * day; every `visits.flushSeconds` the counts are added to the day's row in one upsert per
 * batch (`visits = visits + n`), so several instances add their own counts and none is written
 * twice. A failed flush keeps its counts for the next one; stopping Strapi flushes what is left.
 * The visitors behind the counted visits are kept alike, as sketches (unique-visitors.ts).
 */
export const createVisitCounter = (strapi: Core.Strapi) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;
  /** `${siteDocumentId} ${day}` → visits not yet written. */
  let pending = new Map<string, number>();
  let siteCodes: { byCode: Map<string, KnownSite>; readAt: number; loading?: Promise<void> } = {
    byCode: new Map(),
    readAt: 0,
  };
  let limiter: { perMinute: number; limiter: Promise<RateLimiterAbstract> } | null = null;
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<number> | null = null;
  let today: { day: string; until: number } | null = null;
  /** 独立用户: the visitors behind the counted visits (unique-visitors.ts). */
  const visitors = createVisitorCounter(strapi);

  /** The local date now, worked out again only when the local day ends (most hits share it). */
  const localDay = () => {
    const now = Date.now();
    if (!today || now >= today.until) {
      const local = DateTime.fromMillis(now, { zone: config().timezone });
      today = { day: local.toISODate()!, until: local.endOf('day').toMillis() + 1 };
    }
    return today.day;
  };

  const readSiteCodes = async () => {
    const site = dbNames(strapi, SITE);
    const rows = (await strapi.db
      .connection(site.table)
      .select({
        code: site.column('code'),
        documentId: 'document_id',
        url: site.column('url'),
        visitDomains: site.column('visitDomains'),
      })
      .where(site.column('active'), true)) as Array<{
      code: string;
      documentId: string;
      url: string | null;
      visitDomains: string | null;
    }>;
    siteCodes = {
      byCode: new Map(
        rows.map((r) => [
          r.code,
          { documentId: r.documentId, domains: siteDomains(r.url, r.visitDomains) },
        ])
      ),
      readAt: Date.now(),
    };
  };

  /** The open site with this code and its domains, from a list read at most once a minute (unknown codes do not reach the database). */
  const siteOf = async (code: string) => {
    if (Date.now() - siteCodes.readAt > SITE_CODES_TTL_MS) {
      siteCodes.loading ??= readSiteCodes().finally(() => (siteCodes.loading = undefined));
      await siteCodes.loading;
    }
    return siteCodes.byCode.get(code);
  };

  /**
   * Hits counted per source (an IPv4 address or an IPv6 /64, `clientSource`) and minute, in the
   * store the message limits share across instances (replies/rate-limit.ts: Redis, else
   * PostgreSQL, else memory; each instance's memory while Redis is away). A source past its
   * budget is refused in memory for the rest of its minute: a flood costs no store round trip.
   * The rest are answered but not counted.
   */
  const withinLimit = async (ip: string) => {
    const perMinute = config().visits.perIpPerMinute;
    if (limiter?.perMinute !== perMinute) {
      const entry = {
        perMinute,
        limiter: createLimiter(strapi, { points: perMinute, duration: 60 }, 'site-visit', true),
      };
      // A store that could not be opened is tried again at the next hit.
      entry.limiter.catch(() => {
        if (limiter === entry) limiter = null;
      });
      limiter = entry;
    }
    try {
      await (await limiter.limiter).consume(clientSource(ip));
      return true;
    } catch {
      // Over the budget (RateLimiterRes), or a store that did not answer (the database away
      // without Redis): a hit whose budget cannot be checked is not counted.
      return false;
    }
  };

  const writeCounts = async (counts: Map<string, number>) => {
    const visit = dbNames(strapi, SITE_VISIT);
    const db = strapi.db.connection;
    const visits = visit.column('visits');
    const now = new Date();
    const rows = [...counts].map(([key, n]) => {
      const [siteDocumentId, day] = key.split(' ');
      return {
        document_id: createId(),
        [visit.column('siteDocumentId')]: siteDocumentId,
        [visit.column('day')]: day,
        [visits]: n,
        created_at: now,
        updated_at: now,
        published_at: now,
      };
    });
    await db.transaction(async (trx) => {
      for (let i = 0; i < rows.length; i += FLUSH_BATCH) {
        await trx(visit.table)
          .insert(rows.slice(i, i + FLUSH_BATCH))
          .onConflict([visit.column('siteDocumentId'), visit.column('day')])
          .merge({
            [visits]: db.raw('??.?? + excluded.??', [visit.table, visits, visits]),
            // A judged day that receives late visits is judged again (visit-anomalies.ts).
            [visit.column('judgedAt')]: null,
            updated_at: now,
          });
      }
    });
    await getService(strapi, 'figureReadings').changed();
  };

  const flushOnce = async () => {
    await visitors
      .flush()
      .catch((error: Error) =>
        strapi.log.error(
          `governance: distinct visitors not written, kept for the next flush: ${error.message}`
        )
      );
    if (pending.size === 0) return 0;
    const counts = pending;
    pending = new Map();
    try {
      await writeCounts(counts);
      return [...counts.values()].reduce((a, b) => a + b, 0);
    } catch (error) {
      // Nothing is lost: the counts wait for the next flush.
      for (const [key, n] of counts) pending.set(key, (pending.get(key) ?? 0) + n);
      strapi.log.error(
        `governance: visit counts not written, kept for the next flush: ${(error as Error).message}`
      );
      throw error;
    }
  };

  return {
    /**
     * Counts one page view of the site `code`, unless it is a robot's, comes from no page of
     * the site's domains (Origin, else Referer), or is over its source's budget.
     */
    async record(
      code: string,
      { userAgent, ip, origin, referer }: VisitHit
    ): Promise<VisitOutcome> {
      if (!userAgent || isbot(userAgent)) return 'bot';
      const site = await siteOf(code);
      if (!site) return 'unknown-site';
      if (!fromOwnPages(site.domains, { origin, referer })) return 'not-own-page';
      if (!(await withinLimit(ip))) return 'over-limit';
      const day = localDay();
      const key = `${site.documentId} ${day}`;
      pending.set(key, (pending.get(key) ?? 0) + 1);
      try {
        await visitors.add(site.documentId, Number(day.slice(0, 4)), clientSource(ip), userAgent);
      } catch {
        // The year's key could not be read (the database away): the visit counts, its visitor not.
      }
      return 'counted';
    },

    /** The distinct visitors of a site in a local year, or null when none were ever counted. */
    uniqueVisitors: visitors.of,

    /** Writes the counts held in memory; returns how many visits it wrote. One flush at a time. */
    async flush(): Promise<number> {
      while (flushing) await flushing.catch(() => undefined);
      flushing = flushOnce();
      try {
        return await flushing;
      } finally {
        flushing = null;
      }
    },

    start() {
      if (timer) clearInterval(timer);
      timer = setInterval(
        () => void this.flush().catch(() => undefined),
        config().visits.flushSeconds * 1000
      );
      timer.unref();
    },

    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await this.flush().catch(() => undefined);
    },
  };
};

export type VisitCounter = ReturnType<typeof createVisitCounter>;
