import { chineseDate } from '../../../shared/chinese-date';

/** What the calendar routes answer: Chinese first, with English. */
export const ERRORS = {
  year: (min: number, max: number) =>
    `年份须为 ${min} 至 ${max} 之间的整数 (the year must be a whole number from ${min} to ${max})`,
  body: '请提交节假日安排：holidays 为节日列表 (send the arrangement: a list of holidays)',
  noHolidays: '请至少填写一个节日 (enter at least one holiday)',
  tooMany: (max: number) => `节日不能超过 ${max} 个 (at most ${max} holidays)`,
  name: (n: number) =>
    `第 ${n} 个节日：请填写节日名称，如“春节”（不超过 20 字） (holiday ${n}: give its name, at most 20 characters)`,
  date: (n: number, name: string, what: string, value: unknown) =>
    `第 ${n} 个节日“${name}”：${what}“${String(value ?? '')}”不是有效日期，请写成 2027-02-06 (holiday ${n}: not a date)`,
  order: (n: number, name: string, start: string, end: string) =>
    `第 ${n} 个节日“${name}”：结束日期 ${chineseDate(end)} 早于开始日期 ${chineseDate(start)} (the holiday ends before it starts)`,
  tooLong: (n: number, name: string, max: number) =>
    `第 ${n} 个节日“${name}”：放假不能超过 ${max} 天 (a holiday is at most ${max} days)`,
  outsideYear: (n: number, name: string, date: string, year: number) =>
    `第 ${n} 个节日“${name}”：${chineseDate(date)} 不在 ${year} 年内（只有元旦可从上一年 12 月开始） (the date is outside the year)`,
  overlap: (a: string, b: string, date: string) =>
    `节日“${a}”与“${b}”的放假日期重叠（${chineseDate(date)}） (two holidays overlap)`,
  workdayNotWeekend: (n: number, name: string, date: string) =>
    `第 ${n} 个节日“${name}”：调休上班日 ${chineseDate(date)} 本来就是工作日，只有周六、周日才需列为调休上班日 (a 调休 working day must be a Saturday or Sunday)`,
  workdayInHoliday: (n: number, name: string, date: string, other: string) =>
    `第 ${n} 个节日“${name}”：调休上班日 ${chineseDate(date)} 在“${other}”的放假期间内 (a working day inside a holiday)`,
  workdayTwice: (date: string) =>
    `调休上班日 ${chineseDate(date)} 重复填写 (the same working day twice)`,
  tooManyWorkdays: (n: number, name: string) =>
    `第 ${n} 个节日“${name}”：调休上班日不能超过 5 天 (at most 5 working days per holiday)`,
  note: '文号或说明不超过 100 字 (the note is at most 100 characters)',
  text: '请粘贴国务院办公厅通知的正文（不超过 10000 字） (paste the notice, at most 10,000 characters)',
  nothingRead:
    '没有识别出任何节日。请粘贴通知中“一、元旦：……”这样的各条，每个节日一行 (no holiday found: paste the lines “一、元旦：…”)',
  lineUnread: (line: number, text: string) =>
    `第 ${line} 行没有识别出节日名称：“${text.slice(0, 40)}”。请写成“春节：2月6日至12日放假，2月14日上班” (line ${line}: no holiday name)`,
  lineNoDates: (line: number, name: string) =>
    `第 ${line} 行“${name}”没有识别出放假日期 (line ${line}: no days off found)`,
  lineBadDate: (line: number, text: string) =>
    `第 ${line} 行的日期“${text}”无效 (line ${line}: invalid date)`,
};
