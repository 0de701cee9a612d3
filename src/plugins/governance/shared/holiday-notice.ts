import { chineseDate } from './chinese-date';

interface NoticeHoliday {
  name: string;
  start: string;
  end: string;
  workdays: string[];
}

/**
 * A year's arrangement written as the lines of the State Council's notice, one holiday a line
 * ("春节：2027年2月5日（星期五）至2027年2月13日（星期六）放假。2027年2月20日（星期六）上班。"):
 * what the province reads back, edits and saves again (the server reads it as a pasted notice).
 */
export const noticeText = (holidays: readonly NoticeHoliday[]): string =>
  holidays
    .map((holiday) => {
      const off =
        holiday.start === holiday.end
          ? `${chineseDate(holiday.start)}放假。`
          : `${chineseDate(holiday.start)}至${chineseDate(holiday.end)}放假。`;
      const work =
        holiday.workdays.length > 0
          ? `${holiday.workdays.map((date) => chineseDate(date)).join('、')}上班。`
          : '';
      return `${holiday.name}：${off}${work}`;
    })
    .join('\n');
