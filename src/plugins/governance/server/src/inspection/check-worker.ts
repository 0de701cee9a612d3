/**
 * The inspection's checking thread (inspection/checker.ts): holds the checker built from the
 * province's lists and checks the texts of a batch of articles, off the main thread, which
 * meanwhile reads the next batch and answers requests.
 */
import { parentPort, workerData } from 'worker_threads';
import { createTextChecker, type CheckLists } from '../review/text-checker';
import type { CheckRequest, CheckReply } from './checker';

const check = createTextChecker(workerData as CheckLists);

parentPort!.on('message', ({ id, items }: CheckRequest) => {
  try {
    // Only the items with hits go back: most have none, and every object sent is copied twice.
    const reply: CheckReply = {
      id,
      results: items.flatMap(({ key, fields }) => {
        const hits = check(fields);
        return hits.length > 0 ? [{ key, hits }] : [];
      }),
    };
    parentPort!.postMessage(reply);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
