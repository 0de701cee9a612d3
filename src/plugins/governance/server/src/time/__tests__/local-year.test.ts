import { localYearOf, localYearRange } from '../local-year';

describe('localYearRange', () => {
  it.each([
    ['Asia/Shanghai', 2014, '2013-12-31T16:00:00.000Z', '2014-12-31T16:00:00.000Z'],
    ['UTC', 2014, '2014-01-01T00:00:00.000Z', '2015-01-01T00:00:00.000Z'],
    ['Asia/Urumqi', 2014, '2013-12-31T18:00:00.000Z', '2014-12-31T18:00:00.000Z'],
    ['Asia/Shanghai', 2016, '2015-12-31T16:00:00.000Z', '2016-12-31T16:00:00.000Z'],
  ])('%s %i runs from %s to %s', (zone, year, start, end) => {
    const range = localYearRange(year, zone);
    expect(range.start.toISOString()).toBe(start);
    expect(range.end.toISOString()).toBe(end);
  });

  it.each([[2014.5], [1969], [NaN]])('refuses year %p', (year) => {
    expect(() => localYearRange(year, 'Asia/Shanghai')).toThrow(RangeError);
  });

  it('refuses an unknown time zone', () => {
    expect(() => localYearRange(2014, 'Mars/Olympus')).toThrow(/unknown time zone/);
  });
});

describe('localYearOf', () => {
  it.each([
    ['2014-12-31T15:59:59.999Z', 2014],
    ['2014-12-31T16:00:00.000Z', 2015],
    ['2013-12-31T16:00:00.000Z', 2014],
  ])('%s is in Shanghai year %i', (instant, year) => {
    expect(localYearOf(new Date(instant), 'Asia/Shanghai')).toBe(year);
  });
});
