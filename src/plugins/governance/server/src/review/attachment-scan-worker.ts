/**
 * The worker thread of attachment-scan.ts: reads each attachment's text and checks it, off the
 * main thread (pdf.js parses a PDF in the thread that asks it, seconds for a long one).
 */
import { parentPort, workerData } from 'worker_threads';
import { readFileText } from '../media/file-text';
import type { AttachmentScanJob, AttachmentScanResult } from './attachment-scan';
import { scanPersonalData } from './personal-data';
import { createWordScanner } from './sensitive-words';

const run = async ({ files, words, field }: AttachmentScanJob) => {
  const scanWords = createWordScanner(words);
  const results: AttachmentScanResult[] = [];
  for (const file of files) {
    try {
      const { lines, cut } = await readFileText(file.path, file.kind);
      const fields = { [field]: lines };
      results.push({ hits: [...scanWords(fields), ...scanPersonalData(fields)], cut });
    } catch (error) {
      results.push({ failed: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
};

run(workerData as AttachmentScanJob).then(
  (results) => parentPort!.postMessage({ results }),
  (error) => parentPort!.postMessage({ error: String(error) })
);
