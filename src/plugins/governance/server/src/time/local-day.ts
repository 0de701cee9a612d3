import { DateTime } from 'luxon';

export type Stored = string | number | Date | null;

/** A `date` column as the database answers it (SQLite a string, PostgreSQL a string or a Date). */
export const dayOf = (value: Stored): string =>
  value instanceof Date ? DateTime.fromJSDate(value).toISODate()! : String(value).slice(0, 10);

/** The local day and month (its first day) of an instant, as ISO dates. */
export const localDayAndMonth = (instant: Date, timezone: string) => {
  const local = DateTime.fromJSDate(instant, { zone: timezone });
  return { day: local.toISODate()!, month: local.startOf('month').toISODate()! };
};
