import type { Core } from '@strapi/strapi';
import { runWithLease, type LeaseRun } from '../jobs/lease';
import { getService } from '../utils/get-service';
import { yieldToEventLoop } from '../utils/yield';
import { ARTICLE } from './store';

export const COUNTING_BACKFILL_JOB = 'governance-counting-backfill';
/** Rows read per transaction; it stops early once it has run `SLICE_MS`. */
const BATCH = 25;
/** How long one transaction holds the main thread (and, on PostgreSQL, the judgement lock). */
const SLICE_MS = 20;
/** The lease: renewed every third while the run lasts, so another instance waits. */
const HOLD_MS = 2 * 60 * 1000;

export type BackfillPhase = 'hash' | 'judge';

export interface BackfillProgress {
  phase: BackfillPhase;
  /** Articles of this phase done so far, of `total` (the unjudged articles at the start). */
  done: number;
  total: number;
}

export interface BackfillOptions {
  signal?: AbortSignal;
  onProgress?: (progress: BackfillProgress) => void;
  /** Rows read per query (tests use 1 to stop between rows). */
  batchSize?: number;
}

interface Row {
  id: number;
  documentId: string;
  title: string | null;
  body: unknown;
  firstPublishedAt: string | null;
  textOnlineSince: string | null;
  textOnlineHash: string | null;
}

/**
 * Judges the published articles no publication judged: imported by SQL (the demo, a migration),
 * restored, or published before judging existed. Two passes over them by id, each resumable
 * (an article is done once `countJudgedAt` is set, so a stopped run continues where it was):
 * first their hashes, so that every article is compared with all those first published before
 * it; then the judgement itself (review/counting.ts `judge`: the same rules as a publication,
 * `judgeFrom` included; of the later counted copies it makes, only those already judged: the
 * pass reaches the others itself). Articles a publication left to it (a reprinted notice's
 * copies past the few judged inline, a lookup cut short) are unjudged again and done here too.
 * Each transaction holds the main
 * thread for about `SLICE_MS`, then other requests get their turn.
 */
export const countingBackfill = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(ARTICLE);
  const unjudged = { publishedAt: { $notNull: true }, countJudgedAt: { $null: true } };

  /** One pass: `work` for each unjudged published row (and without a hash, for `hash`) by id. */
  const pass = async (
    phase: BackfillPhase,
    total: number,
    work: (row: Row) => Promise<unknown>,
    { signal, onProgress, batchSize = BATCH }: BackfillOptions
  ) => {
    const counting = getService(strapi, 'articleCounting');
    let cursor = 0;
    let done = 0;
    let finished = false;
    onProgress?.({ phase, done, total });
    while (!finished && !signal?.aborted) {
      const started = Date.now();
      // One batch per transaction, cut short once it has held the main thread for SLICE_MS.
      await strapi.db.transaction(async () => {
        await counting.lock();
        const rows = (await query().findMany({
          where: {
            ...unjudged,
            id: { $gt: cursor },
            ...(phase === 'hash' ? { simhash: { $null: true } } : {}),
          },
          select: [
            'id',
            'documentId',
            'title',
            'body',
            'firstPublishedAt',
            'textOnlineSince',
            'textOnlineHash',
          ],
          orderBy: { id: 'asc' },
          limit: batchSize,
        })) as Row[];
        if (rows.length === 0) finished = true;
        for (const row of rows) {
          await work(row);
          cursor = row.id;
          done += 1;
          if (Date.now() - started >= SLICE_MS || signal?.aborted) return;
        }
      });
      onProgress?.({ phase, done, total });
      await yieldToEventLoop();
    }
    return done;
  };

  const service = {
    /** Runs both passes here and now; answers how many articles each did. */
    async run(options: BackfillOptions = {}) {
      const counting = getService(strapi, 'articleCounting');
      const total = await query().count({ where: unjudged });
      const hashed = await pass('hash', total, (row) => counting.recordHash(row), options);
      const judged = await pass(
        'judge',
        total,
        (row) => counting.judge(row.documentId, { backfill: true }),
        options
      );
      return { total, hashed, judged, stopped: Boolean(options.signal?.aborted) };
    },

    /**
     * The job (nightly, and `npm run counting:backfill`): one instance of several runs it. It
     * stops between rows when `stop` aborts (the operator's Ctrl-C) or the lease is lost.
     */
    runJob({
      onProgress,
      stop,
    }: Pick<BackfillOptions, 'onProgress'> & { stop?: AbortSignal } = {}): Promise<LeaseRun> {
      return runWithLease(strapi, COUNTING_BACKFILL_JOB, HOLD_MS, async (lease) => {
        const signal = stop ? AbortSignal.any([lease, stop]) : lease;
        const { total, judged, stopped } = await service.run({ signal, onProgress });
        return `judged ${judged} of ${total} unjudged articles${stopped ? ' (stopped)' : ''}`;
      });
    },
  };
  return service;
};

export default countingBackfill;
