import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { decodeText } from './file-safety';

/** The kinds of file whose text is read: by their stored MIME type (media/file-kinds.ts). */
export type TextKind = 'pdf' | 'docx' | 'xlsx' | 'text';

export const TEXT_KINDS: Record<string, TextKind> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/plain': 'text',
};

export const textKindOf = (mime: string | null | undefined): TextKind | null =>
  TEXT_KINDS[(mime ?? '').split(';')[0].trim()] ?? null;

/** Characters read of one file: enough for any document an article attaches. */
export const MAX_TEXT_CHARS = 2_000_000;

/** A PDF's text, a line per line of its pages (pdf.js, as Firefox reads it). */
const pdfLines = async (filepath: string) => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(await fs.readFile(filepath)),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const lines: string[] = [];
  try {
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      let line = '';
      for (const item of (await page.getTextContent()).items)
        if ('str' in item) {
          line += item.str;
          if (item.hasEOL) {
            lines.push(line);
            line = '';
          }
        }
      if (line) lines.push(line);
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  return lines;
};

/** A spreadsheet's text: a line per row of each sheet, its cells' text separated by tabs. */
const xlsxLines = async (filepath: string) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(filepath);
  const lines: string[] = [];
  workbook.eachSheet((sheet) => {
    lines.push(sheet.name);
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => cells.push(cell.text));
      lines.push(cells.join('\t'));
    });
  });
  return lines;
};

/**
 * The text of a PDF, DOCX, XLSX or plain-text file, as lines, up to MAX_TEXT_CHARS (answers
 * whether it was cut there). Throws when the file cannot be read (damaged, encrypted).
 */
export const readFileText = async (filepath: string, kind: TextKind) => {
  let lines: string[];
  if (kind === 'pdf') lines = await pdfLines(filepath);
  else if (kind === 'docx')
    lines = (await mammoth.extractRawText({ path: filepath })).value.split('\n');
  else if (kind === 'xlsx') lines = await xlsxLines(filepath);
  else lines = (decodeText(await fs.readFile(filepath)) ?? '').split(/\r?\n/);
  let total = 0;
  const kept: string[] = [];
  for (const line of lines) {
    if (total + line.length > MAX_TEXT_CHARS) return { lines: kept, cut: true };
    kept.push(line);
    total += line.length + 1;
  }
  return { lines: kept, cut: false };
};
