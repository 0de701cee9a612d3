import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import { pipeline, Readable } from 'stream';

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
 * A CSV file written as `rows` yields them, for exports too long to hold in memory: the heading
 * row, then each row, every text cell neutralised. Rows are read only as fast as the download
 * takes them; an error while reading fails the download, and a download given up stops the
 * reading.
 */
export const csvStream = (
  header: ReadonlyArray<string>,
  rows: AsyncIterable<ReadonlyArray<Cell>>
): Readable => {
  async function* records() {
    yield neutraliseRow(header);
    for await (const row of rows) yield neutraliseRow(row);
  }
  // Koa reports an error of the returned stream itself; the callback has nothing left to do.
  return pipeline(Readable.from(records()), stringify(CSV_OPTIONS), () => undefined);
};

/** Appends a row to a worksheet, every text cell neutralised as in the CSV, so both read the same. */
export const addSheetRow = (sheet: ExcelJS.Worksheet, row: ReadonlyArray<Cell>): ExcelJS.Row =>
  sheet.addRow(neutraliseRow(row));
