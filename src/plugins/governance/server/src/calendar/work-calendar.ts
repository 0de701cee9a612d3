import builtinData from 'chinese-days/dist/chinese-days.json';
import type { CalendarHoliday } from '../../../shared/contracts/calendar';

/**
 * The working-day calendar every deadline is counted on: the Chinese calendar with its 调休.
 * Weekdays work and weekends rest, except the official holidays (放假) and the weekend days
 * made working days (调休上班), which the State Council announces for each year.
 *
 * `chinese-days` knows the years it was published with; the province enters the others (and may
 * enter a known year again, which then overrides it). A calendar is an immutable value: the
 * functions here are pure and take it, so a deadline is the same wherever it is counted.
 */
export interface WorkCalendar {
  /** yyyy-mm-dd → the holiday's name, for days off that would be working days or weekends. */
  readonly holidays: ReadonlyMap<string, string>;
  /** yyyy-mm-dd → the holiday's name, for weekend days that are working days (调休上班). */
  readonly workdays: ReadonlyMap<string, string>;
  /** Years the province entered: these override `chinese-days`. */
  readonly enteredYears: ReadonlySet<number>;
  /** Years `chinese-days` knows (it has holidays for them). */
  readonly builtinYears: ReadonlySet<number>;
}

/** A year as the province entered it: the holidays, each with its 调休 working days. */
export interface YearArrangement {
  year: number;
  holidays: Array<Pick<CalendarHoliday, 'name' | 'start' | 'end' | 'workdays'>>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A yyyy-mm-dd date as UTC midnight (calendar days only: no time zone enters here). */
const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whether `value` is a real calendar day written yyyy-mm-dd (no 2 月 30 日). */
export const isIsoDate = (value: unknown): value is string =>
  typeof value === 'string' && ISO_DATE.test(value) && fromUtc(toUtc(value)) === value;

export const addDays = (date: string, days: number) => fromUtc(toUtc(date) + days * DAY_MS);
/** 0 Sunday … 6 Saturday. */
export const weekdayOf = (date: string) => new Date(toUtc(date)).getUTCDay();
export const isWeekend = (date: string) => [0, 6].includes(weekdayOf(date));
export const yearOf = (date: string) => Number(date.slice(0, 4));
/** Every day from `start` to `end`, both included. */
export const daysFrom = (start: string, end: string): string[] => {
  const days: string[] = [];
  for (let ms = toUtc(start); ms <= toUtc(end); ms += DAY_MS) days.push(fromUtc(ms));
  return days;
};

/** The names the State Council's notices give where `chinese-days` shortens them. */
const NOTICE_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };
/** `chinese-days`' entries read "Spring Festival,春节,4": the Chinese name is the second part. */
const chineseName = (entry: string) => {
  const name = entry.split(',')[1] ?? entry;
  return NOTICE_NAMES[name] ?? name;
};

const builtin: { holidays: Record<string, string>; workdays: Record<string, string> } = builtinData;

/** The calendar of `chinese-days` alone, overridden by the years the province entered. */
export const createCalendar = (entered: readonly YearArrangement[] = []): WorkCalendar => {
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  const enteredYears = new Set(entered.map((entry) => entry.year));
  const builtinYears = new Set<number>();
  for (const [date, entry] of Object.entries(builtin.holidays)) {
    builtinYears.add(yearOf(date));
    if (!enteredYears.has(yearOf(date))) holidays.set(date, chineseName(entry));
  }
  for (const [date, entry] of Object.entries(builtin.workdays)) {
    if (!enteredYears.has(yearOf(date))) workdays.set(date, chineseName(entry));
  }
  // A year's dates outside it first (元旦 may begin on 31 December), then each year's own days:
  // a day belongs to the arrangement of its own year when both name it.
  const own = (entry: YearArrangement, date: string) => yearOf(date) === entry.year;
  for (const pass of [false, true]) {
    for (const entry of entered) {
      for (const holiday of entry.holidays) {
        for (const date of daysFrom(holiday.start, holiday.end)) {
          if (own(entry, date) !== pass) continue;
          workdays.delete(date);
          holidays.set(date, holiday.name);
        }
        for (const date of holiday.workdays) {
          if (own(entry, date) !== pass) continue;
          holidays.delete(date);
          workdays.set(date, holiday.name);
        }
      }
    }
  }
  return { holidays, workdays, enteredYears, builtinYears };
};

/** What `chinese-days` knows, with nothing entered: for code that runs without Strapi (the demo seed). */
export const BUILTIN_CALENDAR = createCalendar();

/** Whether the calendar knows a year's holidays, entered or from `chinese-days`. */
export const knowsYear = (calendar: WorkCalendar, year: number) =>
  calendar.enteredYears.has(year) || calendar.builtinYears.has(year);

export const isWorkday = (calendar: WorkCalendar, date: string) =>
  calendar.workdays.has(date) || (!isWeekend(date) && !calendar.holidays.has(date));

/**
 * The `n`th working day after `date` (before it when negative); for 0, `date` itself when it is
 * a working day, else the next one — as `chinese-days`' findWorkday.
 */
export const findWorkday = (calendar: WorkCalendar, n: number, date: string): string => {
  if (n === 0 && isWorkday(calendar, date)) return date;
  const step = n < 0 ? -1 : 1;
  let left = n === 0 ? 1 : Math.abs(n);
  let day = date;
  while (left > 0) {
    day = addDays(day, step);
    if (isWorkday(calendar, day)) left -= 1;
  }
  return day;
};

/** How many working days from `start` to `end`, both included (0 when `end` is before `start`). */
export const workdaysInRange = (calendar: WorkCalendar, start: string, end: string) =>
  daysFrom(start, end).filter((date) => isWorkday(calendar, date)).length;

/**
 * A year's arrangement as the calendar holds it, for people to read: consecutive days off are one
 * holiday (two festivals falling together, as 中秋节 and 国庆节 in 2023 and 2025, are one holiday
 * named as the notice names it, "中秋节、国庆节"), with the 调休 working days given for them.
 */
export const arrangementOf = (calendar: WorkCalendar, year: number): CalendarHoliday[] => {
  const inYear = (date: string) => yearOf(date) === year;
  const groups: Array<CalendarHoliday & { names: string[] }> = [];
  for (const date of [...calendar.holidays.keys()].filter(inYear).sort()) {
    const name = calendar.holidays.get(date)!;
    const last = groups[groups.length - 1];
    if (last && addDays(last.end, 1) === date) {
      last.end = date;
      last.days += 1;
      if (!last.names.includes(name)) last.names.push(name);
    } else {
      groups.push({ name, names: [name], start: date, end: date, days: 1, workdays: [] });
    }
  }
  for (const date of [...calendar.workdays.keys()].filter(inYear).sort()) {
    const name = calendar.workdays.get(date)!;
    const group = groups.find((g) => g.names.includes(name));
    if (group) group.workdays.push(date);
    else groups.push({ name, names: [name], start: date, end: date, days: 0, workdays: [date] });
  }
  return groups
    .map(({ names, ...holiday }) => ({ ...holiday, name: names.join('、') }))
    .sort((a, b) => a.start.localeCompare(b.start));
};
