import { localDate, localDateTime, localTime, zoneName } from '../../../../shared/local-time';

describe('instants in the group’s time zone, written the Chinese way', () => {
  describe.each([
    // An export stamped at 20:31 Beijing time is 12:31 UTC.
    ['2026-12-04T12:31:37.527Z', 'Asia/Shanghai', '2026年12月4日', '2026年12月4日 20:31', '20:31'],
    // 16:30 UTC on New Year's Eve is already the next year in Beijing.
    ['2014-12-31T16:30:00Z', 'Asia/Shanghai', '2015年1月1日', '2015年1月1日 00:30', '00:30'],
    ['2014-12-31T16:30:00Z', 'UTC', '2014年12月31日', '2014年12月31日 16:30', '16:30'],
    ['2026-03-08T00:05:00Z', 'Asia/Urumqi', '2026年3月8日', '2026年3月8日 06:05', '06:05'],
  ])('%s in %s', (instant, zone, date, dateTime, time) => {
    it('is the local day, date and time', () => {
      expect(localDate(instant, zone)).toBe(date);
      expect(localDateTime(instant, zone)).toBe(dateTime);
      expect(localTime(instant, zone)).toBe(time);
    });
  });

  it('adds seconds when asked', () => {
    expect(
      localDateTime(new Date('2026-12-04T12:31:07Z'), 'Asia/Shanghai', { seconds: true })
    ).toBe('2026年12月4日 20:31:07');
  });

  it.each([
    ['Asia/Shanghai', '北京时间'],
    ['Asia/Chongqing', '北京时间'],
    ['PRC', '北京时间'],
    ['Asia/Hong_Kong', '香港时间'],
    ['UTC', '协调世界时'],
    ['Asia/Tokyo', '日本标准时间'],
  ])('names %s as %s, never by its code', (zone, name) => {
    expect(zoneName(zone)).toBe(name);
  });
});
