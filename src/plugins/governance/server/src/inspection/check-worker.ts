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
    const reply: CheckReply = {
      id,
      results: items.map(({ key, fields }) => ({ key, hits: check(fields) })),
    };
    parentPort!.postMessage(reply);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
