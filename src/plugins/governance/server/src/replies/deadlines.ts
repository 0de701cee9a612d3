import { findWorkday, getWorkdaysInRange } from 'chinese-days';
import { DateTime } from 'luxon';
import type { Category, DeadlineState } from '../../../shared/contracts/messages';

/** Working days to reply, per category: consultation 5, complaint and suggestion 15. */
export type ReplyWorkingDays = Record<Category, number>;
export const DEFAULT_REPLY_WORKING_DAYS: ReplyWorkingDays = {
  consultation: 5,
  complaint: 15,
  suggestion: 15,
  other: 15,
};

/** A valid message unanswered this long fails the site in national inspections (单项否决). */
export const VETO_MONTHS = 3;

const day = (instant: Date, timezone: string) => DateTime.fromJSDate(instant, { zone: timezone });

/**
 * The deadline of a message received at `receivedAt`: the end (24:00, local) of the Nth working
 * day after the day of receipt, on the Chinese calendar with its 调休 (chinese-days: holidays
 * move, some weekends are working days). The day of receipt does not count.
 */
export const dueAt = (receivedAt: Date, workingDays: number, timezone: string): Date => {
  const receivedOn = day(receivedAt, timezone).toISODate()!;
  const dueOn = findWorkday(workingDays, receivedOn);
  return DateTime.fromISO(dueOn, { zone: timezone }).endOf('day').toJSDate();
};

/**
 * Working days from the day after `from` up to and including the day of `to` (local): how long
 * a reply took, or how long a message has waited. Zero on the same day.
 */
export const workingDaysBetween = (from: Date, to: Date, timezone: string): number => {
  const start = day(from, timezone).plus({ days: 1 }).startOf('day');
  const end = day(to, timezone).startOf('day');
  if (end < start) return 0;
  return getWorkdaysInRange(start.toISODate()!, end.toISODate()!).length;
};

/**
 * Where an unanswered message stands at `now`: due soon when at most `dueSoonWorkingDays`
 * working days are left, overdue past its deadline, veto after three months unanswered.
 * An answered one was answered in time or late.
 */
export const deadlineState = (
  message: { receivedAt: Date; dueAt: Date; repliedAt?: Date | null },
  now: Date,
  timezone: string,
  dueSoonWorkingDays = 2
): DeadlineState => {
  if (message.repliedAt) return message.repliedAt <= message.dueAt ? 'answered' : 'answeredLate';
  if (day(now, timezone) > day(message.receivedAt, timezone).plus({ months: VETO_MONTHS }))
    return 'veto';
  if (now > message.dueAt) return 'overdue';
  return workingDaysBetween(now, message.dueAt, timezone) <= dueSoonWorkingDays
    ? 'dueSoon'
    : 'onTrack';
};
