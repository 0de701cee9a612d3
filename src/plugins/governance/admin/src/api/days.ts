/**
 * Calendar days as the server reads them (YYYY-MM-DD) and as the design system's DatePicker
 * takes them. The picker reads a `value`, `minDate` or `maxDate` by its UTC day, but answers a
 * pick with the local midnight of the day: a day goes in as its UTC midnight and comes out by
 * its local fields, whatever the reader's time zone.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** The day picked (the picker's local midnight). */
export function toDay(date: Date): string;
export function toDay(date: Date | undefined): string | undefined;
export function toDay(date: Date | undefined) {
  return date
    ? `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
    : undefined;
}

/** A day for the picker to show. */
export function fromDay(day: string): Date;
export function fromDay(day: string | undefined): Date | undefined;
export function fromDay(day: string | undefined) {
  if (!day) return undefined;
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date));
}
