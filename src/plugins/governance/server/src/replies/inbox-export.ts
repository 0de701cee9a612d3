import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { InboxItem, MessageStatus } from '../../../shared/contracts/messages';
import { addSheetRow, type Cell } from '../utils/spreadsheet';
import { CATEGORY_NAMES, STATUS_NAMES } from './messages';

/** The list's columns: what a handler files, never the citizen's name or contact. */
export const EXPORT_COLUMNS = [
  '留言编号',
  '标题',
  '网站',
  '类别',
  '状态',
  '收到时间',
  '答复期限',
  '剩余工作日',
  '超期天数',
  '答复时间',
  '答复单位',
] as const;

const WIDTHS = [14, 40, 24, 8, 10, 18, 12, 11, 10, 18, 24];

/** The export's file name and its stamp, in the group's local time. */
export const exportStamp = (now: Date, timezone: string) => {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const zoneName =
    new Intl.DateTimeFormat('zh-CN', { timeZone: timezone, timeZoneName: 'long' })
      .formatToParts(now)
      .find((part) => part.type === 'timeZoneName')?.value ?? timezone;
  return {
    fileName: `留言办理清单-${local.toFormat('yyyy年M月d日')}.xlsx`,
    generated: `生成于 ${local.toFormat('yyyy年M月d日 HH:mm')}（${zoneName}）`,
  };
};

/**
 * 留言办理清单 as an Excel workbook: a title, what the list was narrowed to and when it was made,
 * then one row per message; every text cell neutralised against formulas.
 */
export const inboxXlsx = async (
  rows: Array<InboxItem & { replyingUnit: string | null }>,
  {
    now,
    timezone,
    description,
    cut,
  }: { now: Date; timezone: string; description: string; cut: boolean }
): Promise<Buffer> => {
  const local = (iso: string | null, format: string) =>
    iso ? DateTime.fromISO(iso, { zone: timezone }).toFormat(format) : '';
  const status = (value: MessageStatus) => STATUS_NAMES[value];
  const book = new ExcelJS.Workbook();
  book.created = now;
  const sheet = book.addWorksheet('留言办理清单', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const title = addSheetRow(sheet, ['留言办理清单']);
  sheet.mergeCells(title.number, 1, title.number, EXPORT_COLUMNS.length);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const notes = [description, exportStamp(now, timezone).generated];
  if (cut) notes.push(`仅导出前 ${rows.length} 条，请缩小筛选范围后分批导出`);
  addSheetRow(sheet, [notes.join('；')]).font = { size: 9, color: { argb: 'FF666666' } };
  const header = addSheetRow(sheet, EXPORT_COLUMNS);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const row of rows) {
    const cells: Cell[] = [
      row.caseNumber ?? '',
      row.subject,
      row.site?.name ?? '',
      CATEGORY_NAMES[row.category],
      status(row.status),
      local(row.receivedAt, 'yyyy-MM-dd HH:mm'),
      local(row.dueAt, 'yyyy-MM-dd'),
      row.workingDaysLeft,
      row.daysOverdue,
      local(row.repliedAt, 'yyyy-MM-dd HH:mm'),
      row.replyingUnit ?? '',
    ];
    addSheetRow(sheet, cells);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
};
