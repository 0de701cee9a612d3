/**
 * Small real documents for the attachment checks: a Word document and a workbook with the given
 * text (the demo's own makers), and a PDF with lines of ASCII text (its standard font has no
 * Chinese, so a PDF carries numbers: ID numbers, phone numbers).
 */
export { docxWith, xlsxWith } from '../../database/seeds/demo-files';

/** A one-page PDF with `lines` of ASCII text in Helvetica, its cross-reference table exact. */
export const pdfWith = (lines: string[]) => {
  const text = lines
    .map(
      (line, i) => `${i === 0 ? '72 770 Td' : '0 -16 Td'} (${line.replace(/[()\\]/g, '\\$&')}) Tj`
    )
    .join(' ');
  const stream = `BT /F1 12 Tf ${text} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets
    .map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)
    .join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
};
