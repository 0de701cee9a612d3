/**
 * A 公文 as a Word document in the layout of GB/T 9704-2012 (党政机关公文格式): A4, margins
 * 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; the 发文机关标志 in red 小标宋 centred, the
 * 发文字号 under it and the red separator line; the title in 2号小标宋; the 主送机关 flush left;
 * the text in 3号仿宋 with a first-line indent of two characters, 28 lines of about 28
 * characters a page; headings 一、 in 黑体 and （一） in 楷体; the issuer's name and the date
 * (Arabic numerals, 2014年12月31日) at the end, the date four characters from the right;
 * page numbers "— 1 —" in 4号宋体, right on odd pages and left on even ones, one character in;
 * the attachment on a page of its own; and the 版记 (印发机关 and 印发日期) between two lines.
 * Fonts are named as Chinese government offices have them; Word and WPS substitute a near
 * face (LibreOffice takes the Noto CJK faces) where one is missing.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';

export interface OfficialDocumentInput {
  /** 发文机关, e.g. 陕西省民政厅办公室: the 标志 reads "<issuer>文件" and the 落款 the issuer. */
  issuer: string;
  /** 发文字号, e.g. 陕民办发〔2014〕12号. */
  docNumber: string;
  title: string;
  /** 主送机关, e.g. 各设区市民政局，厅直属各单位. */
  addressee: string;
  sections: ReadonlyArray<{ heading: string; paragraphs: ReadonlyArray<string> }>;
  /** A paragraph after the sections, e.g. the frozen ranking version the figures are taken from. */
  source?: string | null;
  /** 成文日期, YYYY-MM-DD. */
  date: string;
  /** 附件: a table on its own page. */
  attachment?: {
    title: string;
    columns: ReadonlyArray<string>;
    sections: ReadonlyArray<{
      heading: string;
      rows: ReadonlyArray<ReadonlyArray<string | number>>;
    }>;
  };
}

const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
  subheading: '楷体_GB2312',
  number: '宋体',
} as const;
/** 号 sizes in half-points: 初号 42 pt, 2号 22 pt, 3号 16 pt, 4号 14 pt, 5号 10.5 pt. */
const SIZE = { mark: 84, title: 44, body: 32, pageNumber: 28, table: 21 } as const;
const RED = 'FF0000';
/** 28 lines in the 225 mm text area: an exact line pitch of about 28.9 pt. */
const LINE = { line: 578, lineRule: LineRuleType.EXACT } as const;
/** One character of 3号 text (16 pt) in twips. */
const CHAR = 320;

/**
 * The mark in 初号 while it fits the 156 mm line; a longer office name gets a smaller size so that
 * the mark stays on one line (the standard leaves the size to the office, "以醒目、美观、庄重为原则").
 */
const markSize = (issuer: string) =>
  Math.min(SIZE.mark, Math.floor((TEXT_WIDTH_PT / ([...issuer].length + 2)) * 2 * 0.96));
/** The text area's width, 156 mm, in points. */
const TEXT_WIDTH_PT = (156 / 25.4) * 72;

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
const run = (
  text: string,
  name: string,
  size: number,
  extra: { color?: string; bold?: boolean } = {}
) => new TextRun({ text, font: font(name), size, ...extra });
const body = (
  text: string,
  options: { indent?: boolean; align?: 'left' | 'right' | 'center' } = {}
) =>
  new Paragraph({
    children: [run(text, FONTS.body, SIZE.body)],
    spacing: LINE,
    alignment:
      options.align === 'right'
        ? AlignmentType.RIGHT
        : options.align === 'center'
          ? AlignmentType.CENTER
          : AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: 2 * CHAR },
  });
const blank = () => new Paragraph({ children: [], spacing: LINE });

/** 一、 in 黑体; a leading （一） in 楷体 and the rest of the paragraph in 仿宋. */
const heading = (text: string) =>
  new Paragraph({
    children: [run(text, FONTS.heading, SIZE.body)],
    spacing: LINE,
    indent: { firstLine: 2 * CHAR },
  });
const paragraph = (text: string) => {
  const sub = /^(（[一二三四五六七八九十]+）[^。]*。)(.*)$/.exec(text);
  if (!sub) return body(text);
  return new Paragraph({
    children: [run(sub[1], FONTS.subheading, SIZE.body), run(sub[2], FONTS.body, SIZE.body)],
    spacing: LINE,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * CHAR },
  });
};

/** "2014-12-31" → "2014年12月31日" (GB/T 9704-2012 writes the date in Arabic numerals). */
export const documentDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const pageNumber = (align: 'left' | 'right') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(FONTS.number),
            size: SIZE.pageNumber,
          }),
        ],
      }),
    ],
  });

const line = (color: string, size: number) => ({
  bottom: { style: BorderStyle.SINGLE, size, color, space: 1 },
});

const attachmentPages = (attachment: NonNullable<OfficialDocumentInput['attachment']>) => {
  const cell = (text: string | number, bold = false) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: typeof text === 'number' ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(String(text), bold ? FONTS.heading : FONTS.body, SIZE.table)],
        }),
      ],
    });
  const width = attachment.columns.length;
  // The first column (the site's name) and the last (remarks) wider than the figures.
  const weights = attachment.columns.map((_, i) => (i === 0 ? 3 : i === width - 1 ? 2 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const columnWidths = weights.map((w) => Math.floor((convertMillimetersToTwip(156) * w) / total));
  return [
    new Paragraph({
      pageBreakBefore: true,
      spacing: LINE,
      children: [run('附件', FONTS.heading, SIZE.body)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...LINE, after: 200 },
      children: [run(attachment.title, FONTS.title, SIZE.title)],
    }),
    ...attachment.sections.flatMap((section) => [
      new Paragraph({ spacing: LINE, children: [run(section.heading, FONTS.heading, SIZE.body)] }),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths,
        rows: [
          new TableRow({
            tableHeader: true,
            children: attachment.columns.map((c) => cell(c, true)),
          }),
          ...section.rows.map(
            (row) =>
              new TableRow({
                children: Array.from({ length: width }, (_, i) => cell(row[i] ?? '')),
              })
          ),
        ],
      }),
    ]),
  ];
};

/** The document as a .docx file. */
export const officialDocument = async (input: OfficialDocumentInput): Promise<Buffer> => {
  const date = documentDate(input.date);
  const children = [
    // 版头: the issuer's mark in red, the number, the red line.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 1200, lineRule: LineRuleType.EXACT, before: 600 },
      children: [run(`${input.issuer}文件`, FONTS.title, markSize(input.issuer), { color: RED })],
    }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...LINE, after: 220 },
      border: line(RED, 12),
      children: [run(input.docNumber, FONTS.body, SIZE.body)],
    }),
    blank(),
    // 主体
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: [run(input.title, FONTS.title, SIZE.title)],
    }),
    blank(),
    body(`${input.addressee}：`, { indent: false }),
    ...input.sections.flatMap((section) => [
      heading(section.heading),
      ...section.paragraphs.map(paragraph),
    ]),
    ...(input.source ? [body(input.source)] : []),
    ...(input.attachment ? [blank(), body(`附件：${input.attachment.title}`)] : []),
    blank(),
    blank(),
    // 落款: the issuer centred over the date, the date four characters in from the right.
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: LINE,
      indent: {
        right: 4 * CHAR + Math.max(0, (([...date].length - [...input.issuer].length) * CHAR) / 2),
      },
      children: [run(input.issuer, FONTS.body, SIZE.body)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: LINE,
      indent: { right: 4 * CHAR },
      children: [run(date, FONTS.body, SIZE.body)],
    }),
    ...(input.attachment ? attachmentPages(input.attachment) : []),
    // 版记: 印发机关 and 印发日期 between two lines, at the end.
    blank(),
    new Paragraph({ border: line('000000', 8), spacing: { after: 0 }, children: [] }),
    new Paragraph({
      spacing: LINE,
      border: line('000000', 8),
      indent: { left: CHAR, right: CHAR },
      tabStops: [{ type: 'right', position: convertMillimetersToTwip(156) - 2 * CHAR }],
      children: [run(input.issuer, FONTS.body, 28), run(`\t${date}印发`, FONTS.body, 28)],
    }),
  ];
  const doc = new Document({
    title: input.title,
    creator: input.issuer,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
              footer: convertMillimetersToTwip(21),
            },
          },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
};
