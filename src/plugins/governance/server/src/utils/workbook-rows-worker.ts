/**
 * The worker thread of workbook-rows.ts: reads an uploaded workbook's first sheet off the main
 * thread (exceljs parses the whole file at once: a large sheet would hold every other request).
 */
import ExcelJS from 'exceljs';
import { parentPort, workerData } from 'worker_threads';
import type { WorkbookRowsJob } from './workbook-rows';
import { serveWorker } from './worker-task';

const run = async ({ path, maxRows }: WorkbookRowsJob) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], tooMany: false };
  if (sheet.actualRowCount > maxRows) return { rows: [], tooMany: true };
  const rows: Array<{ number: number; cells: string[] }> = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text.trim();
    });
    rows.push({ number: row.number, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return { rows, tooMany: false };
};

void serveWorker(parentPort!, workerData as WorkbookRowsJob, run);
