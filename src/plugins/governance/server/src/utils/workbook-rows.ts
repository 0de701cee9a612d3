import path from 'path';
import { runInWorker } from './worker-task';

export interface WorkbookRowsJob {
  path: string;
  maxRows: number;
}

/** Why an uploaded workbook cannot be imported, in the words of the person who uploaded it. */
export const WORKBOOK_ERRORS = {
  unreadable: '无法读取上传的文件，请上传 Excel 工作簿（.xlsx）',
  tooMany: (max: number) => `文件超过 ${max} 行，请分批导入`,
  noHeads: (heads: string[]) =>
    `第一个工作表中找不到表头（${heads.join('、')}），请使用导出的表格填写`,
};

/** One row below the heads: its number in the sheet and its cells by head. */
export interface WorkbookRow {
  number: number;
  cells: Record<string, string>;
}

/** A leading quote an export put before a formula character (spreadsheet.ts neutralise) is dropped. */
const unquoted = (text: string) => text.replace(/^'(?=[\t\r\n]|\s*[=+\-@＝＋－＠])/, '');

/**
 * The rows of an uploaded workbook's first sheet under the row that holds the `required` heads
 * (an export's title and notes above it are skipped), each cell by its head (empty for a head the
 * sheet lacks), blank rows left out. Read in a worker thread. Throws an Error whose message says,
 * in Chinese, what is wrong.
 */
export const readWorkbookRows = async (
  filePath: string,
  heads: string[],
  { required = heads, maxRows }: { required?: string[]; maxRows: number }
): Promise<WorkbookRow[]> => {
  let read: { rows: Array<{ number: number; cells: string[] }>; tooMany: boolean };
  try {
    read = await runInWorker(
      path.join(__dirname, 'workbook-rows-worker.js'),
      { path: filePath, maxRows } satisfies WorkbookRowsJob,
      30_000
    );
  } catch {
    throw new Error(WORKBOOK_ERRORS.unreadable);
  }
  if (read.tooMany) throw new Error(WORKBOOK_ERRORS.tooMany(maxRows));
  const headAt = read.rows.findIndex((row) => required.every((head) => row.cells.includes(head)));
  if (headAt < 0) throw new Error(WORKBOOK_ERRORS.noHeads(required));
  const columns = heads.map((head) => read.rows[headAt].cells.indexOf(head));
  return read.rows
    .slice(headAt + 1)
    .filter((row) => row.cells.some((cell) => cell !== ''))
    .map((row) => ({
      number: row.number,
      cells: Object.fromEntries(
        heads.map((head, i) => [head, unquoted(row.cells[columns[i]] ?? '')])
      ),
    }));
};
