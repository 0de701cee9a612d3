/**
 * Small real documents made in memory: a Word document and a workbook with the given text (the
 * demo's attachments, and the tests' of the attachment checks), and a photo of simple shapes.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import sharp from 'sharp';

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A .docx with one paragraph per line, as Word writes its smallest document. */
export const docxWith = async (lines: string[]) => {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${lines
      .map((line) => `<w:p><w:r><w:t xml:space="preserve">${xml(line)}</w:t></w:r></w:p>`)
      .join('')}</w:body></w:document>`
  );
  return zip.generateAsync({ type: 'nodebuffer' });
};

/** A .xlsx whose first sheet, named `sheetName`, holds `rows`. */
export const xlsxWith = async (rows: string[][], sheetName = 'Sheet1') => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
};

/** A JPEG photo of sky, hills and a building in the given colours (no text: no font needed). */
export const photoOf = (sky: string, ground: string, building: string) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360">
        <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#ffffff"/>
        </linearGradient></defs>
        <rect width="640" height="360" fill="url(#s)"/>
        <path d="M0 260 Q160 190 320 250 T640 230 V360 H0 Z" fill="${ground}"/>
        <rect x="250" y="150" width="140" height="120" fill="${building}"/>
        <path d="M230 150 L320 100 L410 150 Z" fill="${building}"/>
        <rect x="300" y="215" width="40" height="55" fill="#3b2f2f"/>
      </svg>`
    )
  )
    .jpeg({ quality: 80 })
    .toBuffer();
