import { DateTime } from 'luxon';

export interface YearRange {
  /** First instant of the year in the zone (1 January 00:00 local). */
  start: Date;
  /** First instant of the next year: the range is [start, end). */
  end: Date;
}

/** The year as the group counts it: 1 January 00:00 to 31 December 24:00 in its time zone. */
export const localYearRange = (year: number, timezone: string): YearRange => {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) {
    throw new RangeError(`year must be an integer from 1970 to 9999; got ${year}`);
  }
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: timezone });
  if (!start.isValid) {
    throw new RangeError(`unknown time zone "${timezone}"`);
  }
  return { start: start.toJSDate(), end: start.plus({ years: 1 }).toJSDate() };
};

/** The local year an instant belongs to. */
export const localYearOf = (instant: Date, timezone: string): number =>
  DateTime.fromJSDate(instant, { zone: timezone }).year;
