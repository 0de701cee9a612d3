import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import type { GovernanceConfig } from '../config';
import { runWithLease } from '../jobs/lease';
import { dbNames } from '../utils/db-names';
import { SITE_VISIT } from '../uids';

export const VISIT_ANOMALY_JOB = 'governance-visit-anomalies';

/** Closed days judged per run at most (the rest wait for the next run). */
const BATCH = 5000;
/**
 * Days of a site's own history a day needs before it can be flagged: a new site, or the first
 * days after the counter was deployed, have no pattern to be far above.
 */
export const MIN_BASELINE_DAYS = 7;
/** Verdicts written per transaction: short transactions, few commits. */
const UPDATES_PER_TRANSACTION = 500;

/** A site's day whose visits were far above its own pattern. */
export interface FlaggedVisitDay {
  siteDocumentId: string;
  /** The local date, YYYY-MM-DD. */
  day: string;
  /** Visits recorded that day (raw). */
  visits: number;
  /** What the ranking counts for it: the day's threshold. */
  counted: number;
  /** The median of the site's previous days the threshold was made from. */
  median: number;
}

type Stored = string | number | Date | null;

/** A `date` column as the database answers it (SQLite a string, PostgreSQL a string or a Date). */
export const dayOf = (value: Stored): string =>
  value instanceof Date ? DateTime.fromJSDate(value).toISODate()! : String(value).slice(0, 10);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * The SQL of the visits a row counts for: the raw count, or the day's threshold when the day
 * was flagged (a later flush that added visits is judged again; until then the threshold holds).
 */
export const countedVisitsSql = (
  db: Core.Strapi['db']['connection'],
  visits: string,
  flaggedAbove: string
) =>
  db.raw('case when ?? is not null and ?? > ?? then ?? else ?? end', [
    flaggedAbove,
    visits,
    flaggedAbove,
    flaggedAbove,
    visits,
  ]);

/**
 * The anomaly check of the visit counts: once a local day is over, each site's count for it is
 * compared with the site's own previous `baselineDays` days since its first recorded day (a
 * day without a row had no visit; a flagged day counts with its threshold, so a long flood
 * does not become the pattern; with fewer than MIN_BASELINE_DAYS of them, nothing is flagged).
 * A day above max(factor × their median, floor) is flagged: the row keeps the raw count and
 * stores the threshold, which is all the ranking counts for that day. Judged once, stored; a
 * flush that adds to a judged day clears its judgement, and the next run judges it again.
 */
const visitAnomalies = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;

  const service = {
    /** Judges the closed days not judged yet; answers how many were judged and flagged. */
    async judgeClosedDays(
      now = new Date(),
      signal?: AbortSignal
    ): Promise<{ judged: number; flagged: number }> {
      const { timezone, visits: settings } = config();
      const { factor, floor, baselineDays } = settings.anomaly;
      const visit = dbNames(strapi, SITE_VISIT);
      const col = {
        site: visit.column('siteDocumentId'),
        day: visit.column('day'),
        visits: visit.column('visits'),
        median: visit.column('median'),
        flaggedAbove: visit.column('flaggedAbove'),
        judgedAt: visit.column('judgedAt'),
      };
      const db = strapi.db.connection;
      const today = DateTime.fromJSDate(now, { zone: timezone }).toISODate()!;
      type Row = { id: number; site: string; day: Stored; visits: Stored; flaggedAbove: Stored };
      const select = {
        id: 'id',
        site: col.site,
        day: col.day,
        visits: col.visits,
        flaggedAbove: col.flaggedAbove,
      };
      const open = (await db(visit.table)
        .select(select)
        .whereNull(col.judgedAt)
        .where(col.day, '<', today)
        .orderBy(col.day)
        .orderBy('id')
        .limit(BATCH)) as Row[];
      if (open.length === 0) return { judged: 0, flagged: 0 };

      // The sites' days before the first day to judge, in one query.
      const days = open.map((row) => dayOf(row.day));
      const from = DateTime.fromISO(days[0]).minus({ days: baselineDays }).toISODate()!;
      const history = (await db(visit.table)
        .select(select)
        .whereIn(col.site, [...new Set(open.map((row) => row.site))])
        .where(col.day, '>=', from)
        .where(col.day, '<', today)) as Row[];
      // Each site's first recorded day: days before it are no history of the site.
      const firsts = new Map(
        (
          (await db(visit.table)
            .select({ site: col.site })
            .min({ first: col.day })
            .whereIn(col.site, [...new Set(open.map((row) => row.site))])
            .groupBy(col.site)) as Array<{ site: string; first: Stored }>
        ).map((row) => [row.site, dayOf(row.first)])
      );
      /** Per site, day → visits as counted (a flagged day's threshold). */
      const counted = new Map<string, Map<string, number>>();
      const countOf = (row: Row) => {
        const raw = Number(row.visits);
        return row.flaggedAbove === null ? raw : Math.min(raw, Number(row.flaggedAbove));
      };
      for (const row of history) {
        if (!counted.has(row.site)) counted.set(row.site, new Map());
        counted.get(row.site)!.set(dayOf(row.day), countOf(row));
      }

      const verdicts: Array<{ row: Row; median: number | null; flaggedAbove: number | null }> = [];
      for (const row of open) {
        const day = DateTime.fromISO(dayOf(row.day));
        const own = counted.get(row.site) ?? new Map<string, number>();
        const first = firsts.get(row.site) ?? dayOf(row.day);
        const previous = Array.from({ length: baselineDays }, (_, i) =>
          day.minus({ days: i + 1 }).toISODate()!
        )
          .filter((d) => d >= first)
          .map((d) => own.get(d) ?? 0);
        const judgeable = previous.length >= Math.min(MIN_BASELINE_DAYS, baselineDays);
        const middle = judgeable ? median(previous) : 0;
        const threshold = Math.max(Math.ceil(factor * middle), floor);
        const raw = Number(row.visits);
        const over = judgeable && raw > threshold;
        verdicts.push({
          row,
          median: judgeable ? Math.round(middle) : null,
          flaggedAbove: over ? threshold : null,
        });
        // The next days of the site are judged against this one as counted.
        own.set(dayOf(row.day), over ? threshold : raw);
        counted.set(row.site, own);
      }

      let judged = 0;
      let flagged = 0;
      const stamp = new Date();
      for (let i = 0; i < verdicts.length && !signal?.aborted; i += UPDATES_PER_TRANSACTION) {
        await db.transaction(async (trx) => {
          for (const { row, median: middle, flaggedAbove } of verdicts.slice(
            i,
            i + UPDATES_PER_TRANSACTION
          )) {
            // Guarded by the count read: a flush in between leaves the row for the next run.
            const changed = await trx(visit.table)
              .where('id', row.id)
              .where(col.visits, row.visits as string | number)
              .update({
                [col.median]: middle,
                [col.flaggedAbove]: flaggedAbove,
                [col.judgedAt]: stamp,
              });
            if (changed === 0) continue;
            judged += 1;
            if (flaggedAbove !== null) flagged += 1;
          }
        });
      }
      return { judged, flagged };
    },

    /** The job: every instance schedules it, one runs it (jobs/lease.ts). */
    runJob(now = new Date()) {
      return runWithLease(strapi, VISIT_ANOMALY_JOB, 10 * 60 * 1000, async (signal) => {
        const { judged, flagged } = await service.judgeClosedDays(now, signal);
        return `judged ${judged} site-days, flagged ${flagged}`;
      });
    },

    /** The flagged days between two local dates (inclusive), oldest first: a short list. */
    async flaggedDays(from: string, to: string): Promise<FlaggedVisitDay[]> {
      const visit = dbNames(strapi, SITE_VISIT);
      const flaggedAbove = visit.column('flaggedAbove');
      const visits = visit.column('visits');
      const rows = (await strapi.db
        .connection(visit.table)
        .select({
          siteDocumentId: visit.column('siteDocumentId'),
          day: visit.column('day'),
          visits,
          flaggedAbove,
          median: visit.column('median'),
        })
        .whereNotNull(flaggedAbove)
        .whereRaw('?? > ??', [visits, flaggedAbove])
        .where(visit.column('day'), '>=', from)
        .where(visit.column('day'), '<=', to)
        .orderBy(visit.column('day'))
        .orderBy(visit.column('siteDocumentId'))) as Array<{
        siteDocumentId: string;
        day: Stored;
        visits: Stored;
        flaggedAbove: Stored;
        median: Stored;
      }>;
      return rows.map((row) => ({
        siteDocumentId: row.siteDocumentId,
        day: dayOf(row.day),
        visits: Number(row.visits),
        counted: Number(row.flaggedAbove),
        median: Number(row.median ?? 0),
      }));
    },
  };
  return service;
};

export default visitAnomalies;
