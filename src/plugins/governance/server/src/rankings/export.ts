import ExcelJS from 'exceljs';

import type { SiteLevel } from '../../../shared/contracts/overview';
import type { Ranking, RankingRow } from '../../../shared/contracts/rankings';
import type { ExcludedArticle } from '../../../shared/contracts/review';
import { addSheetRow, csvFile, type Cell } from '../utils/spreadsheet';

/** The section titles of the notice's attached table, in its order. */
export const LEVEL_TITLES: Record<SiteLevel, string> = {
  portal: '厅门户网站',
  city: '市级民政网站',
  department: '厅直属单位网站',
  county: '县级民政网站',
};

export const COLUMNS = [
  '网站',
  '信息发布量(条)',
  '排名',
  '报送(条)',
  '采用(条)',
  '采用率',
  '备注',
] as const;

const remark = (row: RankingRow) =>
  [
    row.site.level === 'county' && row.site.parentName ? row.site.parentName : null,
    row.site.active ? null : '已关闭',
    row.articles === 0 && !row.rawArticles ? '本年未发布信息' : null,
    row.rawArticles > row.articles ? `另有${row.rawArticles - row.articles}篇未计入` : null,
  ]
    .filter(Boolean)
    .join('；');

/** Adopted of submitted, "50.0%"; empty for a site that submitted nothing. */
export const adoptionRate = ({ submitted, adopted }: { submitted: number; adopted: number }) =>
  submitted === 0 ? '' : `${((adopted / submitted) * 100).toFixed(1)}%`;

/** The attached table as rows: a title, then per level a heading, the column names and its sites. */
export const tableRows = (ranking: Ranking) => {
  const title = `${ranking.year}年${ranking.groupName}信息发布量排名`;
  const sections = ranking.groups.map((group, i) => ({
    heading: `${['一', '二', '三', '四', '五'][i] ?? i + 1}、${LEVEL_TITLES[group.level]}（${group.totals.sites}个，合计${group.totals.articles}条）`,
    rows: group.rows.map(
      (row) =>
        [
          row.site.name,
          row.articles,
          row.rank,
          row.submitted,
          row.adopted,
          adoptionRate(row),
          remark(row),
        ] as const
    ),
  }));
  return { title, sections };
};

/**
 * The table as a CSV file: its title, the `notes` under it (where the figures come from, when
 * the file was made), then the levels.
 */
export const rankingCsv = (ranking: Ranking, notes: string[]): Buffer => {
  const { title, sections } = tableRows(ranking);
  const records: Array<ReadonlyArray<Cell>> = [[title], ...notes.map((note) => [note])];
  for (const section of sections) records.push([], [section.heading], COLUMNS, ...section.rows);
  return csvFile(records);
};

/** Why an article is not counted, as the province reads it. */
export const exclusionText = (article: ExcludedArticle): string => {
  if (article.reason === 'trivial') return '内容过简（标题或正文字数不足）';
  const original = article.duplicateOf;
  const of = original?.title
    ? `《${original.title}》${original.siteName ? `（${original.siteName}）` : ''}`
    : '较早发布的文章';
  return `${original?.distance === 0 ? '与' : '近似'}${of}${original?.distance === 0 ? '重复' : ''}`;
};

export const EXCLUDED_COLUMNS = ['网站', '文章标题', '首次发布时间', '未计入原因'] as const;

/**
 * The same as an Excel workbook, set up to print on A4; with `excluded`, a second sheet lists
 * the published articles the figures do not count (`dateTime` writes their dates).
 */
export const rankingXlsx = async (
  ranking: Ranking,
  notes: string[],
  excluded?: { articles: ExcludedArticle[]; dateTime: (at: string) => string }
): Promise<Buffer> => {
  const { title, sections } = tableRows(ranking);
  const book = new ExcelJS.Workbook();
  book.created = new Date(ranking.computedAt);
  const sheet = book.addWorksheet(`${ranking.year}年排名`, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = [
    { width: 34 },
    { width: 16 },
    { width: 8 },
    { width: 10 },
    { width: 10 },
    { width: 10 },
    { width: 24 },
  ];
  const titleRow = addSheetRow(sheet, [title]);
  sheet.mergeCells(titleRow.number, 1, titleRow.number, COLUMNS.length);
  titleRow.font = { bold: true, size: 14 };
  titleRow.alignment = { horizontal: 'center' };
  for (const note of notes)
    addSheetRow(sheet, [note]).font = { italic: true, size: 9, color: { argb: 'FF666666' } };
  for (const section of sections) {
    addSheetRow(sheet, []);
    const heading = addSheetRow(sheet, [section.heading]);
    sheet.mergeCells(heading.number, 1, heading.number, COLUMNS.length);
    heading.font = { bold: true };
    const header = addSheetRow(sheet, COLUMNS);
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const row of section.rows) addSheetRow(sheet, row);
  }
  if (excluded) {
    const list = book.addWorksheet('未计入的文章', {
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
    });
    list.columns = [{ width: 28 }, { width: 48 }, { width: 20 }, { width: 60 }];
    const heading = addSheetRow(list, [
      `${ranking.year}年未计入信息发布量的文章（共${excluded.articles.length}篇）`,
    ]);
    list.mergeCells(heading.number, 1, heading.number, EXCLUDED_COLUMNS.length);
    heading.font = { bold: true, size: 14 };
    const header = addSheetRow(list, EXCLUDED_COLUMNS);
    header.font = { bold: true };
    for (const article of excluded.articles)
      addSheetRow(list, [
        article.site?.name ?? '',
        article.title,
        excluded.dateTime(article.firstPublishedAt),
        exclusionText(article),
      ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
};
