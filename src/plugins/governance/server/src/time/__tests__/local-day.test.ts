import { DateTime } from 'luxon';
import { localDayAndMonth, localDays, localDayNumber } from '../local-day';

/** luxon's own answer, as 站群监测 computed it before: local midnights, their difference in days. */
const byLuxon = (timezone: string, from: Date, to: Date) =>
  Math.round(
    DateTime.fromJSDate(to, { zone: timezone })
      .startOf('day')
      .diff(DateTime.fromJSDate(from, { zone: timezone }).startOf('day'), 'days').days
  );

describe('localDays (memoised offsets)', () => {
  it.each(['Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'])(
    'counts local days as luxon does in %s, across daylight saving changes',
    (timezone) => {
      // A pseudo-random walk over three years, every few hours and minutes.
      let ms = Date.UTC(2023, 0, 1);
      let seed = 7;
      const next = () => (seed = (seed * 48271) % 2147483647);
      const start = new Date(ms);
      for (let i = 0; i < 3000; i += 1) {
        ms += (next() % (9 * 60)) * 60 * 1000 + (next() % 60) * 1000;
        const at = new Date(ms);
        expect(localDays(timezone, start, at)).toBe(byLuxon(timezone, start, at));
        expect(localDays(timezone, at, at)).toBe(0);
        const local = DateTime.fromJSDate(at, { zone: timezone });
        expect(localDayAndMonth(at, timezone)).toEqual({
          day: local.toISODate(),
          month: local.startOf('month').toISODate(),
        });
      }
    }
  );

  it('turns at local midnight in Shanghai, not at UTC midnight', () => {
    const lastSecond2014 = new Date('2014-12-31T15:59:59Z');
    const firstSecond2015 = new Date('2014-12-31T16:00:00Z');
    expect(localDayNumber(firstSecond2015, 'Asia/Shanghai')).toBe(
      localDayNumber(lastSecond2014, 'Asia/Shanghai') + 1
    );
    expect(localDays('Asia/Shanghai', '2014-12-31T15:59:59Z', firstSecond2015)).toBe(1);
  });
});
