import type { InboxItem } from '../../../shared/contracts/messages';
import { localDateTime } from '../../../shared/local-time';
import type { WorkbookSheet } from '../utils/spreadsheet';
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

/**
 * 留言办理清单 as the table of an Excel export: one row per message, times in the group's zone;
 * a note when the list was cut short.
 */
export const inboxSheet = (
  rows: Array<InboxItem & { replyingUnit: string | null }>,
  { timezone, cut }: { timezone: string; cut: boolean }
): WorkbookSheet => {
  const time = (iso: string | null) => (iso ? localDateTime(iso, timezone) : '');
  const day = (iso: string | null) => (iso ? time(iso).split(' ')[0] : '');
  return {
    name: '留言办理清单',
    note: cut ? `仅导出前 ${rows.length} 条，请缩小筛选范围后分批导出` : undefined,
    columns: EXPORT_COLUMNS.map((head, i) => ({ head, width: WIDTHS[i] })),
    rows: rows.map((row) => [
      row.caseNumber ?? '',
      row.subject,
      row.site?.name ?? '',
      CATEGORY_NAMES[row.category],
      STATUS_NAMES[row.status],
      time(row.receivedAt),
      day(row.dueAt),
      row.workingDaysLeft,
      row.daysOverdue,
      time(row.repliedAt),
      row.replyingUnit ?? '',
    ]),
  };
};
