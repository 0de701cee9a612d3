import { errors } from '@strapi/utils';
import type { CalendarInput } from '../../../shared/contracts/calendar';
import { ERRORS } from './messages';
import { addDays, daysFrom, isIsoDate, isWeekend, type YearArrangement } from './work-calendar';

export const MAX_HOLIDAYS = 12;
/** The longest holiday so far is 9 days (春节); 14 leaves room without admitting a typo's month. */
export const MAX_HOLIDAY_DAYS = 14;
const MAX_WORKDAYS = 5;
const NAME = /^[^<>{}\n\r\t]{1,20}$/;

export interface YearBounds {
  minYear: number;
  maxYear: number;
}

/** The years the province may enter: from the first year chinese-days knows to two years ahead. */
export const yearBounds = (currentYear: number): YearBounds => ({
  minYear: 2004,
  maxYear: currentYear + 2,
});

const fail = (messages: string[]): never => {
  throw new errors.ValidationError(messages.join('；'), {
    errors: messages.map((message) => ({ path: [], message, name: 'ValidationError' })),
  });
};

/** The earliest day a year's arrangement may name: 元旦 may begin in the last week of December. */
export const firstDayOf = (year: number) => addDays(`${year}-01-01`, -7);

/** A year from a route parameter or a body: a whole number within the bounds, else 400. */
export const checkYear = (value: unknown, bounds: YearBounds): number => {
  const year = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value;
  if (
    typeof year !== 'number' ||
    !Number.isInteger(year) ||
    year < bounds.minYear ||
    year > bounds.maxYear
  )
    return fail([ERRORS.year(bounds.minYear, bounds.maxYear)]);
  return year;
};

/**
 * A year's arrangement as entered: every holiday named, its days off a real range inside the
 * year (元旦 may begin in the last week of December before), no two holidays sharing a day, each
 * 调休 working day a Saturday or Sunday outside every holiday. Answers the arrangement sorted by
 * date; refuses with every problem found, in Chinese, naming the holiday and the day.
 */
export const checkArrangement = (
  year: number,
  body: unknown
): YearArrangement & { note: string | null } => {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (!Array.isArray(input.holidays)) return fail([ERRORS.body]);
  if (input.holidays.length === 0) return fail([ERRORS.noHolidays]);
  if (input.holidays.length > MAX_HOLIDAYS) return fail([ERRORS.tooMany(MAX_HOLIDAYS)]);
  const note =
    input.note === undefined || input.note === null
      ? null
      : typeof input.note === 'string' && input.note.trim().length <= 100
        ? input.note.trim() || null
        : fail([ERRORS.note]);

  const problems: string[] = [];
  const first = firstDayOf(year);
  const last = `${year}-12-31`;
  const jan1 = `${year}-01-01`;
  const holidays: CalendarInput['holidays'] = [];
  input.holidays.forEach((raw: unknown, index) => {
    const n = index + 1;
    const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const name = typeof item.name === 'string' ? item.name.trim() : '';
    if (!NAME.test(name)) {
      problems.push(ERRORS.name(n));
      return;
    }
    const { start, end } = item;
    const workdays = item.workdays === undefined || item.workdays === null ? [] : item.workdays;
    if (!isIsoDate(start)) problems.push(ERRORS.date(n, name, '开始日期', start));
    if (!isIsoDate(end)) problems.push(ERRORS.date(n, name, '结束日期', end));
    if (!isIsoDate(start) || !isIsoDate(end)) return;
    if (end < start) {
      problems.push(ERRORS.order(n, name, start, end));
      return;
    }
    if (daysFrom(start, end).length > MAX_HOLIDAY_DAYS)
      problems.push(ERRORS.tooLong(n, name, MAX_HOLIDAY_DAYS));
    for (const date of [start, end]) {
      if (date > last || date < first || (date < jan1 && end < jan1))
        problems.push(ERRORS.outsideYear(n, name, date, year));
    }
    if (!Array.isArray(workdays)) {
      problems.push(ERRORS.date(n, name, '调休上班日', workdays));
      return;
    }
    if (workdays.length > MAX_WORKDAYS) problems.push(ERRORS.tooManyWorkdays(n, name));
    const valid: string[] = [];
    for (const date of workdays) {
      if (!isIsoDate(date)) problems.push(ERRORS.date(n, name, '调休上班日', date));
      else if (date > last || date < first) problems.push(ERRORS.outsideYear(n, name, date, year));
      else if (!isWeekend(date)) problems.push(ERRORS.workdayNotWeekend(n, name, date));
      else valid.push(date);
    }
    holidays.push({ name, start, end, workdays: [...new Set(valid)].sort() });
  });

  // No day is off for two holidays, and no working day falls inside a holiday or is given twice.
  const offBy = new Map<string, string>();
  for (const holiday of holidays) {
    for (const date of daysFrom(holiday.start, holiday.end)) {
      const other = offBy.get(date);
      if (other !== undefined) {
        problems.push(ERRORS.overlap(other, holiday.name, date));
        break;
      }
      offBy.set(date, holiday.name);
    }
  }
  const seen = new Set<string>();
  holidays.forEach((holiday, index) => {
    for (const date of holiday.workdays) {
      const inside = offBy.get(date);
      if (inside !== undefined)
        problems.push(ERRORS.workdayInHoliday(index + 1, holiday.name, date, inside));
      if (seen.has(date)) problems.push(ERRORS.workdayTwice(date));
      seen.add(date);
    }
  });
  if (problems.length > 0) fail([...new Set(problems)]);
  return {
    year,
    holidays: holidays
      .map((holiday) => ({ ...holiday }))
      .sort((a, b) => a.start.localeCompare(b.start)),
    note,
  };
};
