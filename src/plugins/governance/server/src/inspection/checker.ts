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

/**
 * The text check (review/text-checker.ts) of many articles, in a worker thread of its own for
 * one inspection run: building the checker for 10,000 words and checking a million bodies is
 * CPU work that would otherwise hold every request. Batches are answered in order.
 */
export const startChecker = (lists: CheckLists) => {
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
    /** The hits of each item, by its key. */
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

export type Checker = ReturnType<typeof startChecker>;
