/** Downloads read back as a person opening them would: a CSV's records, a workbook's first sheet. */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';

/** The records of a CSV download (UTF-8 with a byte-order mark). */
export const csvRecords = (res: Response) =>
  parse((res.body as Buffer).toString('utf8').replace(/^\uFEFF/, ''), {
    relax_column_count: true,
  }) as string[][];

/** The rows of an Excel download's first sheet, as arrays of cell values from column A. */
export const sheetRows = async (res: Response) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body);
  return book.worksheets[0]
    .getSheetValues()
    .filter(Boolean)
    .map((row) => (row as unknown[]).slice(1));
};
