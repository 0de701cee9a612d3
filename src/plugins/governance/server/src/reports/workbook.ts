import ExcelJS from 'exceljs';
import { PassThrough, type Readable } from 'stream';
import { neutralise, type Cell } from '../utils/spreadsheet';

/** One table of a report: its column heads (with widths in characters) and its rows. */
export interface ReportSheet {
  name: string;
  /** A line under the stamp saying what the table holds (filters, period); optional. */
  note?: string;
  columns: ReadonlyArray<{ head: string; width: number }>;
  rows: Iterable<ReadonlyArray<Cell>> | AsyncIterable<ReadonlyArray<Cell>>;
}

/**
 * An office-ready workbook, written as a stream (a year of the audit log does not sit in
 * memory, and the main thread is given back between rows): on each sheet a title row, the
 * stamp row ("生成于 …（北京时间）"), an optional note, the column heads, then the rows, every
 * text cell neutralised as in spreadsheet.ts, set to print on A4 one page wide with the heads
 * repeated on every page.
 */
export const reportWorkbook = (
  title: string,
  stamp: string,
  sheets: ReadonlyArray<ReportSheet>
): Readable => {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  book.created = new Date();
  book.title = title;
  const write = async () => {
    for (const spec of sheets) {
      const sheet = book.addWorksheet(spec.name.slice(0, 31), {
        pageSetup: { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      });
      sheet.columns = spec.columns.map((c) => ({ width: c.width }));
      const span = Math.max(spec.columns.length, 1);
      let next = 1;
      const add = (
        cells: ReadonlyArray<Cell>,
        style?: (row: ExcelJS.Row) => void,
        merge = false
      ) => {
        const row = sheet.getRow(next);
        row.values = cells.map(neutralise);
        if (merge && span > 1) sheet.mergeCells(next, 1, next, span);
        style?.(row);
        row.commit();
        next += 1;
        return row;
      };
      const grey = (row: ExcelJS.Row) => {
        row.font = { size: 9, color: { argb: 'FF666666' } };
      };
      add(
        [title],
        (row) => {
          row.font = { bold: true, size: 14 };
          row.alignment = { horizontal: 'center' };
        },
        true
      );
      add([stamp], grey, true);
      if (spec.note) add([spec.note], grey, true);
      sheet.pageSetup.printTitlesRow = `${next}:${next}`;
      add(
        spec.columns.map((c) => c.head),
        (row) => {
          row.font = { bold: true };
          row.eachCell((cell) => {
            cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
            cell.border = { bottom: { style: 'thin' } };
          });
        }
      );
      let written = 0;
      for await (const cells of spec.rows) {
        add(cells);
        // Back to the event loop every few hundred rows: nobody else waits on a long export.
        if (++written % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      sheet.commit();
    }
    await book.commit();
  };
  write().catch((error: Error) => out.destroy(error));
  return out;
};

/** The whole workbook in memory, for tests and small reports. */
export const collect = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
};
