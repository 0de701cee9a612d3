import { DateTime, IANAZone } from 'luxon';

export type Stored = string | number | Date | null;

/** A `date` column as the database answers it (SQLite a string, PostgreSQL a string or a Date). */
export const dayOf = (value: Stored): string =>
  value instanceof Date ? DateTime.fromJSDate(value).toISODate()! : String(value).slice(0, 10);

const QUARTER_HOUR = 15 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;
/** Per zone, its UTC offset (ms) by quarter hour: a zone's offset changes on a quarter hour. */
const offsets = new Map<string, Map<number, number>>();

/** The zone's offset at `ms`, memoised: luxon asks Intl each time, about 0.1 ms a call. */
const offsetAt = (ms: number, timezone: string) => {
  let zone = offsets.get(timezone);
  if (!zone) offsets.set(timezone, (zone = new Map()));
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let offset = zone.get(quarter);
  if (offset === undefined) {
    offset = IANAZone.create(timezone).offset(ms) * 60 * 1000;
    // A year of quarter hours at most per zone: forget the oldest beyond it.
    if (zone.size > 35_040) zone.delete(zone.keys().next().value!);
    zone.set(quarter, offset);
  }
  return offset;
};

/** The local day of an instant as a number (days since 1970-01-01 local): to count days between. */
export const localDayNumber = (instant: Stored | Date, timezone: string) => {
  const ms = new Date(instant as string | number | Date).getTime();
  return Math.floor((ms + offsetAt(ms, timezone)) / DAY);
};

/** Whole local days from `from` to `to` (0 on the same local day), as 站群监测 counts idle days. */
export const localDays = (timezone: string, from: Stored | Date, to: Date) =>
  localDayNumber(to, timezone) - localDayNumber(from, timezone);

/** The local day and month (its first day) of an instant, as ISO dates (YYYY-MM-DD). */
export const localDayAndMonth = (instant: Date, timezone: string) => {
  const ms = instant.getTime();
  // Shifted by the offset, the UTC fields are the local ones.
  const day = new Date(ms + offsetAt(ms, timezone)).toISOString().slice(0, 10);
  return { day, month: `${day.slice(0, 8)}01` };
};
