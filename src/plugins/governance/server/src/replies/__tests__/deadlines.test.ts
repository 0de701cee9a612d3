import { BUILTIN_CALENDAR } from '../../calendar/work-calendar';
import {
  dueAt as dueOn,
  deadlineState as stateOn,
  workingDaysBetween as betweenOn,
} from '../deadlines';

// The calendar chinese-days knows (these cases are all in years it knows).
const dueAt = (receivedAt: Date, workingDays: number, timezone: string) =>
  dueOn(BUILTIN_CALENDAR, receivedAt, workingDays, timezone);
const workingDaysBetween = (from: Date, to: Date, timezone: string) =>
  betweenOn(BUILTIN_CALENDAR, from, to, timezone);
const deadlineState = (
  ...args: Parameters<typeof stateOn> extends [unknown, ...infer R] ? R : never
) => stateOn(BUILTIN_CALENDAR, ...args);

const TZ = 'Asia/Shanghai';
/** A local Shanghai time as an instant. */
const at = (local: string) => new Date(`${local}+08:00`);
const local = (instant: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: TZ,
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(instant);

describe('reply deadlines in working days', () => {
  it('counts five working days from the day after receipt, to the end of the day', () => {
    // Monday 2024-06-17: Tuesday to Friday, and the next Monday.
    expect(local(dueAt(at('2024-06-17T10:00:00'), 5, TZ))).toBe('2024-06-24 23:59:59');
  });

  it('skips the Dragon Boat Festival', () => {
    // Monday 2024-06-03: Tuesday to Friday; Monday 10 June is 端午节.
    expect(local(dueAt(at('2024-06-03T10:00:00'), 5, TZ))).toBe('2024-06-11 23:59:59');
  });

  it('skips the National Day week and works the 调休 Saturday', () => {
    // Received Monday 30 September 2024: 1–7 October are holidays, Saturday 12 October is a working day.
    expect(local(dueAt(at('2024-09-30T09:00:00'), 5, TZ))).toBe('2024-10-12 23:59:59');
  });

  it('skips the Spring Festival', () => {
    // Received 2024-02-08 (Thursday): 10–17 Feb are holidays, Sunday 18 Feb is a 调休 working day.
    expect(local(dueAt(at('2024-02-08T16:00:00'), 5, TZ))).toBe('2024-02-21 23:59:59');
  });

  it("takes the day of receipt in the group's time zone, not UTC", () => {
    // 23:30 UTC on Sunday is Monday morning in Shanghai.
    expect(local(dueAt(new Date('2024-06-16T23:30:00Z'), 5, TZ))).toBe('2024-06-24 23:59:59');
  });

  it('measures working days between two instants', () => {
    expect(workingDaysBetween(at('2024-09-30T09:00:00'), at('2024-10-08T09:00:00'), TZ)).toBe(1);
    expect(workingDaysBetween(at('2024-06-03T09:00:00'), at('2024-06-03T18:00:00'), TZ)).toBe(0);
    expect(workingDaysBetween(at('2024-06-17T09:00:00'), at('2024-06-24T09:00:00'), TZ)).toBe(5);
  });

  it('tells on track, due soon, overdue and the three-month veto', () => {
    const receivedAt = at('2024-06-17T10:00:00');
    const message = { receivedAt, dueAt: dueAt(receivedAt, 5, TZ) };
    expect(deadlineState(message, at('2024-06-18T10:00:00'), TZ)).toBe('onTrack');
    expect(deadlineState(message, at('2024-06-21T10:00:00'), TZ)).toBe('dueSoon');
    expect(deadlineState(message, at('2024-06-25T00:00:01'), TZ)).toBe('overdue');
    expect(deadlineState(message, at('2024-09-17T10:00:01'), TZ)).toBe('veto');
    expect(
      deadlineState(
        { ...message, repliedAt: at('2024-06-24T23:00:00') },
        at('2024-12-01T00:00:00'),
        TZ
      )
    ).toBe('answered');
    expect(
      deadlineState(
        { ...message, repliedAt: at('2024-06-25T08:00:00') },
        at('2024-12-01T00:00:00'),
        TZ
      )
    ).toBe('answeredLate');
  });
});
