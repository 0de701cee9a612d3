import { availableParallelism } from 'os';
import path from 'path';
import { Worker } from 'worker_threads';
import type { WordHit } from '../../../shared/contracts/review';
import type { CheckLists } from '../review/text-checker';

export interface CheckItem {
  key: string;
  fields: Record<string, string | string[]>;
}
export interface CheckRequest {
  id: number;
  items: CheckItem[];
}
export type CheckReply =
  { id: number; results: Array<{ key: string; hits: WordHit[] }> } | { id: number; error: string };

/** One checking thread: batches answered in order. */
const startThread = (lists: CheckLists) => {
  const worker = new Worker(path.join(__dirname, 'check-worker.js'), {
    workerData: lists,
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  let next = 0;
  const waiting = new Map<
    number,
    { resolve: (hits: Map<string, WordHit[]>) => void; reject: (error: Error) => void }
  >();
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (reply: CheckReply) => {
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if ('error' in reply) pending.reject(new Error(reply.error));
    else pending.resolve(new Map(reply.results.map(({ key, hits }) => [key, hits])));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the checking thread stopped (${code})`)));

  return {
    /** The hits of the items that have any, by their keys. */
    check(items: CheckItem[]): Promise<Map<string, WordHit[]>> {
      if (items.length === 0) return Promise.resolve(new Map());
      const id = (next += 1);
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, items } satisfies CheckRequest);
      });
    },
    stop: () => worker.terminate(),
  };
};

/**
 * Checking threads per run unless `governance.inspection.checkThreads` says: one core left to
 * the main thread, which reads and writes the batches (on two cores a second thread made a run
 * at 1,000,000 articles slower, 191 s against 158 s), up to four.
 */
const THREADS = Math.min(4, Math.max(1, availableParallelism() - 1));

/**
 * The text check (review/text-checker.ts) of many articles, in worker threads of their own for
 * one inspection run: building the checker for 10,000 words and checking a million bodies is
 * CPU work that would otherwise hold every request. A batch is shared out between the threads
 * (each holds its own checker), so that a batch's check takes no longer than the main thread's
 * reading of the next.
 */
export const startChecker = (lists: CheckLists, threads = THREADS) => {
  const pool = Array.from({ length: threads }, () => startThread(lists));
  return {
    /** The hits of the items that have any, by their keys. */
    async check(items: CheckItem[]): Promise<Map<string, WordHit[]>> {
      const share = Math.ceil(items.length / pool.length);
      const parts = await Promise.all(
        pool.map((thread, i) => thread.check(items.slice(i * share, (i + 1) * share)))
      );
      return new Map(parts.flatMap((part) => [...part]));
    },
    stop: () => Promise.all(pool.map((thread) => thread.stop())),
  };
};

export type Checker = ReturnType<typeof startChecker>;
