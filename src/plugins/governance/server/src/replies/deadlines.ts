import { DateTime } from 'luxon';
import type { Category, DeadlineState } from '../../../shared/contracts/messages';
import { findWorkday, workdaysInRange, type WorkCalendar } from '../calendar/work-calendar';

/** Working days to reply, per category: consultation 5, complaint and suggestion 15. */
export type ReplyWorkingDays = Record<Category, number>;
export const DEFAULT_REPLY_WORKING_DAYS: ReplyWorkingDays = {
  consultation: 5,
  complaint: 15,
  suggestion: 15,
  other: 15,
};

/**
 * The national limits on a site's own reply days: a consultation within 5 working days, any
 * other message within 15. A site may be quicker, never slower; more time for one message is
 * an extension, which the province decides (replies/handling.ts `decideExtension`).
 */
export const NATIONAL_MAX_WORKING_DAYS: ReplyWorkingDays = {
  consultation: 5,
  complaint: 15,
  suggestion: 15,
  other: 15,
};

/** A valid message unanswered this long fails the site in national inspections (单项否决). */
export const VETO_MONTHS = 3;

const day = (instant: Date, timezone: string) => DateTime.fromJSDate(instant, { zone: timezone });

/** The end (24:00, local) of the `n`th working day after the local day of `from`. */
export const endOfWorkday = (
  calendar: WorkCalendar,
  from: Date,
  n: number,
  timezone: string
): Date => {
  const dueOn = findWorkday(calendar, n, day(from, timezone).toISODate()!);
  return DateTime.fromISO(dueOn, { zone: timezone }).endOf('day').toJSDate();
};

/**
 * The deadline of a message received at `receivedAt`: the end (24:00, local) of the Nth working
 * day after the day of receipt, on the Chinese calendar with its 调休 (the group's calendar:
 * holidays move, some weekends are working days). The day of receipt does not count.
 */
export const dueAt = (
  calendar: WorkCalendar,
  receivedAt: Date,
  workingDays: number,
  timezone: string
): Date => endOfWorkday(calendar, receivedAt, workingDays, timezone);

/**
 * Working days from the day after `from` up to and including the day of `to` (local): how long
 * a reply took, or how long a message has waited. Zero on the same day.
 */
export const workingDaysBetween = (
  calendar: WorkCalendar,
  from: Date,
  to: Date,
  timezone: string
): number => {
  const start = day(from, timezone).plus({ days: 1 }).startOf('day');
  const end = day(to, timezone).startOf('day');
  if (end < start) return 0;
  return workdaysInRange(calendar, start.toISODate()!, end.toISODate()!);
};

/**
 * Where an unanswered message stands at `now`: due soon when at most `dueSoonWorkingDays`
 * working days are left, overdue past its deadline, veto after three months unanswered.
 * An answered one was answered in time or late.
 */
export const deadlineState = (
  calendar: WorkCalendar,
  message: { receivedAt: Date; dueAt: Date; repliedAt?: Date | null },
  now: Date,
  timezone: string,
  dueSoonWorkingDays = 2
): DeadlineState => {
  if (message.repliedAt) return message.repliedAt <= message.dueAt ? 'answered' : 'answeredLate';
  if (day(now, timezone) > day(message.receivedAt, timezone).plus({ months: VETO_MONTHS }))
    return 'veto';
  if (now > message.dueAt) return 'overdue';
  return workingDaysBetween(calendar, now, message.dueAt, timezone) <= dueSoonWorkingDays
    ? 'dueSoon'
    : 'onTrack';
};
