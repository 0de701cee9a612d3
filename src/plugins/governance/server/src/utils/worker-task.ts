import { Worker } from 'worker_threads';

/** What a worker script of runInWorker posts back: its result, or why it failed. */
export type WorkerReply<T> = { result: T } | { error: string };

/**
 * Runs a worker script (compiled, beside its caller) on `data` and answers what it posts back:
 * work a user triggers that would hold the main thread for more than about 50 ms (reading a
 * long PDF, a workbook) runs there instead (docs/scale.md). The worker is ended after its reply
 * or after `timeoutMs`, whose expiry rejects with `timeout`.
 */
export const runInWorker = <T>(script: string, data: unknown, timeoutMs: number) =>
  new Promise<T>((resolve, reject) => {
    const worker = new Worker(script, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error('timeout'));
    }, timeoutMs);
    worker.once('message', (reply: WorkerReply<T>) => {
      clearTimeout(timer);
      void worker.terminate();
      if ('result' in reply) resolve(reply.result);
      else reject(new Error(reply.error));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });

/** The worker's side: runs `task` on its data and posts the result or the failure back. */
export const serveWorker = async <D, T>(
  port: { postMessage(reply: WorkerReply<T>): void },
  data: D,
  task: (data: D) => Promise<T>
) => {
  try {
    port.postMessage({ result: await task(data) });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
