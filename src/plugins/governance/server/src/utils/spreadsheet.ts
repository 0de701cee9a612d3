import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { PassThrough, pipeline, Readable } from 'stream';

/**
 * What an export may put in a cell: text, a number, or nothing. Never an object: exceljs writes
 * `{ formula }` as a live formula, so a formula can only come from code that means one.
 */
export type Cell = string | number | null | undefined;

/**
 * Starts Excel, WPS or LibreOffice read as a formula: OWASP's CSV-injection list (= + - @, tab,
 * carriage return, line feed); the full-width ＝ ＋ － ＠, reported to start a formula in Excel
 * in East Asian locales (OWASP www-community#1088), while no honest name or summary here begins
 * with one; and a formula character after leading blanks (the ideographic space too), which
 * some programs trim before they look.
 */
const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@＝＋－＠])/;

/**
 * A text cell a spreadsheet will show as text: one that would start a formula gets a leading
 * single quote, which Excel and WPS take as "this is text". Numbers stay numbers (a negative
 * count is a number, not a formula); text that merely looks like one ("-1") is quoted too,
 * since a text cell is only ever written for text.
 */
export const neutralise = (value: Cell): Cell =>
  typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;

const neutraliseRow = (row: ReadonlyArray<Cell>) => row.map(neutralise);

/** Excel reads a CSV as UTF-8 only with a byte-order mark (without it, Chinese comes out garbled). */
const CSV_OPTIONS = { bom: true } as const;

/** A whole CSV file: the heading row (when given), then the rows, every text cell neutralised. */
export const csvFile = (
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
  header?: ReadonlyArray<string>
): Buffer =>
  Buffer.from(
    stringifySync([...(header ? [header] : []), ...rows].map(neutraliseRow), CSV_OPTIONS),
    'utf8'
  );

/**
 * The lines above an export's table: its title, then what a reader needs to know of it (the
 * filters applied, "生成于 2026年12月4日 20:31（北京时间）").
 */
export interface SheetHead {
  title: string;
  notes: string[];
}

/**
 * A CSV file written as `rows` yields them, for exports too long to hold in memory: the `head`
 * lines, the heading row, then each row, every text cell neutralised. Rows are read only as fast
 * as the download takes them; an error while reading fails the download, and a download given
 * up stops the reading.
 */
export const csvStream = (
  header: ReadonlyArray<string>,
  rows: AsyncIterable<ReadonlyArray<Cell>>,
  head?: SheetHead
): Readable => {
  async function* records() {
    if (head) for (const line of [head.title, ...head.notes]) yield neutraliseRow([line]);
    yield neutraliseRow(header);
    for await (const row of rows) yield neutraliseRow(row);
  }
  // Koa reports an error of the returned stream itself; the callback has nothing left to do.
  return pipeline(Readable.from(records()), stringify(CSV_OPTIONS), () => undefined);
};

/** Appends a row to a worksheet, every text cell neutralised as in the CSV, so both read the same. */
export const addSheetRow = (sheet: ExcelJS.Worksheet, row: ReadonlyArray<Cell>): ExcelJS.Row =>
  sheet.addRow(neutraliseRow(row));

/** Once the download has taken what was written, or has been given up. */
const drained = (out: PassThrough) =>
  new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });

/** One table of an Excel export: its column heads (widths in characters) and its rows. */
export interface WorkbookSheet {
  name: string;
  /** A line above the heads saying what this table holds (filters, period); optional. */
  note?: string;
  columns: ReadonlyArray<{ head: string; width: number }>;
  rows: Iterable<ReadonlyArray<Cell>> | AsyncIterable<ReadonlyArray<Cell>>;
}

/** Wider than an A4 page upright (in characters): printed across. */
const UPRIGHT_WIDTH = 100;

/**
 * Every Excel export of the plugin, written as its rows are read (exceljs' streaming writer): on
 * each sheet the title in bold across the table, the head's notes in grey (what was exported,
 * "生成于 …（北京时间）"), the sheet's own note, the column heads (repeated on every printed
 * page), then the rows, every text cell neutralised as in the CSV; set to print on A4 one page
 * wide. Reading waits while the download lags behind, so a long export holds a batch in memory,
 * not the log; an error fails the download, and a download given up stops the reading.
 */
export const workbookStream = (head: SheetHead, sheets: ReadonlyArray<WorkbookSheet>): Readable => {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  book.created = new Date();
  book.title = head.title;
  const write = async () => {
    for (const spec of sheets) {
      const wide = spec.columns.reduce((sum, c) => sum + c.width, 0) > UPRIGHT_WIDTH;
      const sheet = book.addWorksheet(spec.name.slice(0, 31), {
        pageSetup: {
          paperSize: 9,
          orientation: wide ? 'landscape' : 'portrait',
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
        },
      });
      sheet.columns = spec.columns.map((c) => ({ width: c.width }));
      const span = Math.max(spec.columns.length, 1);
      const line = (text: string, font: Partial<ExcelJS.Font>) => {
        const row = sheet.addRow(neutraliseRow([text]));
        row.font = font;
        if (span > 1) sheet.mergeCells(row.number, 1, row.number, span);
        row.commit();
        return row;
      };
      line(head.title, { bold: true, size: 14 }).alignment = { horizontal: 'center' };
      const grey = { size: 9, color: { argb: 'FF666666' } };
      for (const note of spec.note ? [...head.notes, spec.note] : head.notes) line(note, grey);
      const heads = sheet.addRow(neutraliseRow(spec.columns.map((c) => c.head)));
      sheet.pageSetup.printTitlesRow = `${heads.number}:${heads.number}`;
      heads.font = { bold: true };
      heads.eachCell((cell) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
        cell.border = { bottom: { style: 'thin' } };
      });
      heads.commit();
      for await (const row of spec.rows) {
        if (out.destroyed) return; // the download was given up
        sheet.addRow(neutraliseRow(row)).commit();
        if (out.writableNeedDrain) await drained(out);
      }
      sheet.commit();
    }
    await book.commit();
  };
  write().catch((error: Error) => out.destroy(error));
  return out;
};
