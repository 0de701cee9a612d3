import { errors } from '@strapi/utils';
import type { CalendarInput } from '../../../shared/contracts/calendar';
import { ERRORS } from './messages';
import { isIsoDate } from './work-calendar';

/** 一、 二、 … 十、 or 1. 2、 at the start of a line. */
const NUMBERING = /^\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[、.．]\s*/;
/** The holiday's name, then a colon: "春节：…", "中秋节、国庆节：…". */
const NAMED = /^([^：:，,。；;\d]{1,20})[：:]\s*(.*)$/;
/** 2027年1月1日, 1月1日, 3日 (month and year carried over from the date before), or 2027-01-01. */
const DATE =
  /(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|(?:(\d{4})\s*年)?\s*(?:(\d{1,2})\s*月)?\s*(\d{1,2})\s*日/g;
/** What a notice says in parentheses: （周六）, （农历除夕、星期二）. */
const ASIDE = /（[^）]*）|\([^)]*\)/g;

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Reads the State Council's notice (国务院办公厅关于某年部分节假日安排的通知) as pasted from
 * gov.cn, or lines written the same way by hand:
 *
 *   二、春节：2月6日（农历除夕、星期六）至12日（星期五）放假调休，共7天。2月14日（星期日）、2月20日（星期六）上班。
 *
 * Each holiday's line gives its name before the colon, its days off in the sentence that says
 * 放假 (the first date, through the date after 至), and its 调休 working days in the sentence
 * that says 上班. Lines without dates (the title, the preamble, the closing paragraph) are
 * skipped; a line with dates but no holiday name is refused, with its number, so nothing in the
 * notice is silently dropped. The result is checked like any entry (validation.ts).
 */
export const parseNotice = (year: number, text: string): CalendarInput => {
  const holidays: CalendarInput['holidays'] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const lineNumber = index + 1;
    const line = rawLine.replace(ASIDE, '').replace(NUMBERING, '').trim();
    // Blank lines, and the notice's own date under the signature.
    if (!line || line.replace(new RegExp(DATE.source, 'g'), '').trim() === '') return;
    const hasDates = new RegExp(DATE.source).test(line);
    const named = NAMED.exec(line);
    if (!named) {
      if (hasDates) problems.push(ERRORS.lineUnread(lineNumber, rawLine.trim()));
      return;
    }
    const name = named[1].trim();
    let off: string[] = [];
    const workdays: string[] = [];
    for (const sentence of named[2].split(/[。；;]/)) {
      let month: number | null = null;
      let yearOfDate = year;
      const dates: string[] = [];
      for (const match of sentence.matchAll(DATE)) {
        const [, isoYear, isoMonth, isoDay, cnYear, cnMonth, cnDay] = match;
        if (isoYear) {
          yearOfDate = Number(isoYear);
          month = Number(isoMonth);
        } else {
          if (cnYear) yearOfDate = Number(cnYear);
          if (cnMonth) month = Number(cnMonth);
        }
        const day = Number(isoDay ?? cnDay);
        const date = month === null ? '' : `${yearOfDate}-${pad(month)}-${pad(day)}`;
        if (!isIsoDate(date)) problems.push(ERRORS.lineBadDate(lineNumber, match[0].trim()));
        else dates.push(date);
      }
      if (dates.length === 0) continue;
      if (/上班/.test(sentence)) workdays.push(...dates);
      else if (off.length === 0) {
        // "1月1日放假" or "1月28日至2月4日放假调休": the first day, and the day after 至.
        off =
          /[至到\-—~～]/.test(sentence) && dates.length >= 2 ? [dates[0], dates[1]] : [dates[0]];
      }
    }
    if (off.length === 0) {
      if (hasDates || workdays.length > 0) problems.push(ERRORS.lineNoDates(lineNumber, name));
      return;
    }
    holidays.push({ name, start: off[0], end: off[off.length - 1], workdays });
  });
  if (problems.length === 0 && holidays.length === 0) problems.push(ERRORS.nothingRead);
  if (problems.length > 0)
    throw new errors.ValidationError(problems.join('；'), {
      errors: problems.map((message) => ({ path: ['text'], message, name: 'ValidationError' })),
    });
  return { holidays };
};
