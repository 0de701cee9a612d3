/**
 * The worker thread of attachment-scan.ts: reads each attachment's text and checks it, off the
 * main thread (pdf.js parses a PDF in the thread that asks it, seconds for a long one).
 */
import { parentPort, workerData } from 'worker_threads';
import { readFileText } from '../media/file-text';
import { serveWorker } from '../utils/worker-task';
import type { AttachmentScanJob, AttachmentScanResult } from './attachment-scan';
import { createTextChecker } from './text-checker';

const run = async ({ files, lists, field }: AttachmentScanJob) => {
  const check = createTextChecker(lists);
  const results: AttachmentScanResult[] = [];
  for (const file of files) {
    try {
      const { lines, cut } = await readFileText(file.path, file.kind);
      const fields = { [field]: lines };
      results.push({ hits: check(fields), cut });
    } catch (error) {
      results.push({ failed: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
};

void serveWorker(parentPort!, workerData as AttachmentScanJob, run);
