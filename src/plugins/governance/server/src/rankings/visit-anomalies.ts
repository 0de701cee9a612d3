import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { dayOf } from '../time/local-day';
import type { GovernanceConfig } from '../config';
import { runWithLease } from '../jobs/lease';
import { dbNames } from '../utils/db-names';
import { getService } from '../utils/get-service';
import { SITE_VISIT } from '../uids';
import type { VisitAnomalyKind } from '../../../shared/contracts/rankings';
import { dayNumber, judgeDay, type KnownDay, type Verdict } from './visit-judgement';

export const VISIT_ANOMALY_JOB = 'governance-visit-anomalies';

/** Closed days judged per run at most (the rest wait for the next run). */
const BATCH = 5000;
/**
 * Sites whose history is read at once: a site's window is some 120 days, so a read stays at a
 * few thousand rows and never holds SQLite's thread for long, however many sites there are.
 */
const SITES_PER_READ = 50;
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
  /** The site's baseline the threshold was made from. */
  median: number;
  /** A one-day spike, or a day of a sustained rise. */
  kind: VisitAnomalyKind;
}

type Stored = string | number | Date | null;

export { dayOf };

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

/** A stored verdict read back: rows flagged before ramps were told apart are spikes. */
const kindOf = (anomaly: Stored, flaggedAbove: Stored): VisitAnomalyKind | null =>
  anomaly === 'ramp' || anomaly === 'spike' ? anomaly : flaggedAbove === null ? null : 'spike';

/**
 * The anomaly check of the visit counts: once a local day is over, each site's count for it is
 * judged against the site's own lagged baseline (visit-judgement.ts): a day far above it is a
 * spike, a day of a sustained rise far above it a ramp. The row keeps the raw count and stores
 * the threshold, which is all the ranking counts for that day. Judged once, stored; a flush that
 * adds to a judged day clears its judgement, and the next run judges it again. Reads only the
 * sites' daily rows, a bounded window per site.
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
      const anomaly = settings.anomaly;
      const visit = dbNames(strapi, SITE_VISIT);
      const col = {
        site: visit.column('siteDocumentId'),
        day: visit.column('day'),
        visits: visit.column('visits'),
        median: visit.column('median'),
        flaggedAbove: visit.column('flaggedAbove'),
        anomaly: visit.column('anomaly'),
        judgedAt: visit.column('judgedAt'),
      };
      const db = strapi.db.connection;
      const today = DateTime.fromJSDate(now, { zone: timezone }).toISODate()!;
      type Row = {
        id: number;
        site: string;
        day: Stored;
        visits: Stored;
        median: Stored;
        flaggedAbove: Stored;
        anomaly: Stored;
      };
      const select = {
        id: 'id',
        site: col.site,
        day: col.day,
        visits: col.visits,
        median: col.median,
        flaggedAbove: col.flaggedAbove,
        anomaly: col.anomaly,
      };
      const open = (await db(visit.table)
        .select(select)
        .whereNull(col.judgedAt)
        .where(col.day, '<', today)
        .orderBy(col.day)
        .orderBy('id')
        .limit(BATCH)) as Row[];
      const openBySite = new Map<string, Row[]>();
      for (const row of open) openBySite.set(row.site, [...(openBySite.get(row.site) ?? []), row]);
      const sites = [...openBySite.keys()];
      // The days before a judged day its verdict reads: the lagged baseline and the recent rise.
      const reach = Math.max(anomaly.lagDays + anomaly.baselineDays, anomaly.rampDays);

      let judged = 0;
      let flagged = 0;
      for (let s = 0; s < sites.length && !signal?.aborted; s += SITES_PER_READ) {
        const chunk = sites.slice(s, s + SITES_PER_READ);
        const toJudge = chunk.flatMap((site) => openBySite.get(site)!);
        const judgedDays = toJudge.map((row) => dayOf(row.day)).sort();
        const from = DateTime.fromISO(judgedDays[0]).minus({ days: reach }).toISODate()!;
        const [history, firstRows] = await Promise.all([
          db(visit.table)
            .select(select)
            .whereIn(col.site, chunk)
            .where(col.day, '>=', from)
            .where(col.day, '<=', judgedDays.at(-1)!) as Promise<Row[]>,
          // Each site's first recorded day: days before it are no history of the site.
          db(visit.table)
            .select({ site: col.site })
            .min({ first: col.day })
            .whereIn(col.site, chunk)
            .groupBy(col.site) as Promise<Array<{ site: string; first: Stored }>>,
        ]);
        const firsts = new Map(firstRows.map((row) => [row.site, dayNumber(dayOf(row.first))]));
        const known = new Map<string, Map<number, KnownDay>>(
          chunk.map((site) => [site, new Map()])
        );
        for (const row of history)
          known.get(row.site)!.set(dayNumber(dayOf(row.day)), {
            visits: Number(row.visits),
            kind: kindOf(row.anomaly, row.flaggedAbove),
            median: row.median === null ? null : Number(row.median),
            flaggedAbove: row.flaggedAbove === null ? null : Number(row.flaggedAbove),
          });

        const verdicts: Array<{ row: Row; verdict: Verdict }> = [];
        for (const site of chunk) {
          const days = known.get(site)!;
          // Oldest first: a day's verdict is part of the history of the days after it.
          for (const row of openBySite.get(site)!) {
            const day = dayNumber(dayOf(row.day));
            const verdict = judgeDay(day, firsts.get(site) ?? day, days, anomaly);
            days.set(day, { visits: Number(row.visits), ...verdict });
            verdicts.push({ row, verdict });
          }
        }

        const stamp = new Date();
        for (let i = 0; i < verdicts.length; i += UPDATES_PER_TRANSACTION) {
          await db.transaction(async (trx) => {
            for (const { row, verdict } of verdicts.slice(i, i + UPDATES_PER_TRANSACTION)) {
              // Guarded by the count read: a flush in between leaves the row for the next run.
              const changed = await trx(visit.table)
                .where('id', row.id)
                .where(col.visits, row.visits as string | number)
                .update({
                  [col.median]: verdict.median,
                  [col.flaggedAbove]: verdict.flaggedAbove,
                  [col.anomaly]: verdict.kind,
                  [col.judgedAt]: stamp,
                });
              if (changed === 0) continue;
              judged += 1;
              if (verdict.flaggedAbove !== null) flagged += 1;
            }
          });
        }
      }
      if (judged > 0) await getService(strapi, 'figureReadings').changed();
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
          anomaly: visit.column('anomaly'),
        })
        // Flagged: a threshold is never negative, and `>= 0` (unlike IS NOT NULL) is a range
        // SQLite reads by the index on it.
        .where(flaggedAbove, '>=', 0)
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
        anomaly: Stored;
      }>;
      return rows.map((row) => ({
        siteDocumentId: row.siteDocumentId,
        day: dayOf(row.day),
        visits: Number(row.visits),
        counted: Number(row.flaggedAbove),
        median: Number(row.median ?? 0),
        kind: kindOf(row.anomaly, row.flaggedAbove) ?? 'spike',
      }));
    },
  };
  return service;
};

export default visitAnomalies;
