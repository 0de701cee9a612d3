import { HOLIDAYS_2027, NOTICE_2027 } from '@test-helpers/holidays-2027';
import { dueAt, deadlineState, endOfWorkday, workingDaysBetween } from '../../replies/deadlines';
import { noticeText } from '../../../../shared/holiday-notice';
import { parseNotice } from '../notice';
import { holdingClockStart, planOf } from '../recalculation';
import { checkArrangement, checkYear, yearBounds } from '../validation';
import {
  arrangementOf,
  BUILTIN_CALENDAR,
  createCalendar,
  findWorkday,
  isWorkday,
  knowsYear,
  workdaysInRange,
} from '../work-calendar';
import { chineseDate } from '../../../../shared/chinese-date';

const TZ = 'Asia/Shanghai';
const at = (local: string) => new Date(`${local}+08:00`);
const localDay = (instant: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, dateStyle: 'short' }).format(instant);
const entered = createCalendar([{ year: 2027, holidays: HOLIDAYS_2027 }]);

/** What the validation throws: Strapi's ValidationError with its Chinese message. */
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('the working-day calendar', () => {
  it('agrees with chinese-days on the years it knows', () => {
    expect(isWorkday(BUILTIN_CALENDAR, '2024-10-12')).toBe(true); // 调休 Saturday
    expect(isWorkday(BUILTIN_CALENDAR, '2024-10-01')).toBe(false);
    expect(isWorkday(BUILTIN_CALENDAR, '2026-02-16')).toBe(false); // 春节
    expect(findWorkday(BUILTIN_CALENDAR, 5, '2024-09-30')).toBe('2024-10-12');
    expect(knowsYear(BUILTIN_CALENDAR, 2026)).toBe(true);
    expect(knowsYear(BUILTIN_CALENDAR, 2027)).toBe(false);
  });

  it('counts 2027 on weekdays alone until the province enters it', () => {
    // Received Wednesday 3 February 2027: ten weekdays later is Wednesday 17 February.
    expect(findWorkday(BUILTIN_CALENDAR, 10, '2027-02-03')).toBe('2027-02-17');
    expect(isWorkday(BUILTIN_CALENDAR, '2027-02-08')).toBe(true);
  });

  it('counts an entered 2027: the Spring Festival off, the 调休 Saturday worked', () => {
    expect(isWorkday(entered, '2027-02-06')).toBe(false);
    expect(isWorkday(entered, '2027-02-08')).toBe(false); // Monday inside 春节
    expect(isWorkday(entered, '2027-02-20')).toBe(true); // Saturday, 调休上班
    expect(knowsYear(entered, 2027)).toBe(true);
    // 4 Feb, then 15–19 Feb, Saturday 20 Feb, 22–24 Feb: the tenth working day.
    expect(findWorkday(entered, 10, '2027-02-03')).toBe('2027-02-24');
    expect(localDay(dueAt(entered, at('2027-02-03T10:00:00'), 10, TZ))).toBe('2027-02-24');
    expect(workdaysInRange(entered, '2027-02-04', '2027-02-24')).toBe(10);
    expect(
      workingDaysBetween(entered, at('2027-02-03T10:00:00'), at('2027-02-20T09:00:00'), TZ)
    ).toBe(7);
    // Counting back over the holiday, as the demo seed does.
    expect(findWorkday(entered, -1, '2027-02-15')).toBe('2027-02-04');
  });

  it('leaves the years it does not enter to chinese-days', () => {
    expect(findWorkday(entered, 5, '2024-09-30')).toBe('2024-10-12');
    expect(isWorkday(entered, '2026-10-01')).toBe(false);
  });

  it('lets an entered year override one chinese-days knows', () => {
    const custom = createCalendar([
      {
        year: 2026,
        holidays: [{ name: '国庆节', start: '2026-10-01', end: '2026-10-03', workdays: [] }],
      },
    ]);
    expect(isWorkday(custom, '2026-10-05')).toBe(true); // chinese-days has it off
    expect(isWorkday(custom, '2026-02-16')).toBe(true); // 春节 not entered: a plain Monday
    expect(isWorkday(custom, '2026-10-10')).toBe(false); // Saturday: chinese-days' 调休 is not entered
    expect(isWorkday(custom, '2026-09-20')).toBe(false); // Sunday, no 调休 entered
  });

  it('tells due soon on the entered calendar', () => {
    const receivedAt = at('2027-02-03T10:00:00');
    const message = { receivedAt, dueAt: dueAt(entered, receivedAt, 10, TZ) };
    // On Friday 19 February, Saturday 20 and Monday 22 are two of the three days left.
    expect(deadlineState(entered, message, at('2027-02-19T10:00:00'), TZ)).toBe('onTrack');
    expect(deadlineState(entered, message, at('2027-02-22T10:00:00'), TZ)).toBe('dueSoon');
    expect(localDay(endOfWorkday(entered, at('2027-02-04T10:00:00'), 2, TZ))).toBe('2027-02-16');
  });

  it('shows a year the software knows as holidays with their 调休 days', () => {
    const year2026 = arrangementOf(BUILTIN_CALENDAR, 2026);
    expect(year2026.map((h) => h.name)).toEqual(
      expect.arrayContaining(['元旦', '春节', '劳动节', '国庆节'])
    );
    const spring = year2026.find((h) => h.name === '春节')!;
    expect(spring).toMatchObject({ start: '2026-02-15', end: '2026-02-23', days: 9 });
    expect(spring.workdays).toEqual(['2026-02-14', '2026-02-28']);
    // Named as the notices name them, festivals falling together as one holiday.
    expect(arrangementOf(BUILTIN_CALENDAR, 2025).map((h) => h.name)).toEqual([
      '元旦',
      '春节',
      '清明节',
      '劳动节',
      '端午节',
      '国庆节、中秋节',
    ]);
    expect(arrangementOf(BUILTIN_CALENDAR, 2025)[5]).toMatchObject({
      start: '2025-10-01',
      end: '2025-10-08',
      days: 8,
      workdays: ['2025-09-28', '2025-10-11'],
    });
  });

  it('writes dates as a Chinese notice does', () => {
    expect(chineseDate('2027-02-06')).toBe('2027年2月6日（星期六）');
    expect(chineseDate('2027-10-01', { weekday: false })).toBe('2027年10月1日');
  });
});

describe('recomputing a deadline', () => {
  it('keeps the working days from the start, extensions included, on the new calendar', () => {
    const receivedAt = at('2027-02-03T10:00:00');
    const oldDue = dueAt(BUILTIN_CALENDAR, receivedAt, 10, TZ);
    const extendedDue = endOfWorkday(BUILTIN_CALENDAR, oldDue, 5, TZ);
    const events = [
      { action: 'approveExtension', workingDays: 5, createdAt: at('2027-02-10T09:00:00') },
    ];
    const plan = planOf({ receivedAt, dueAt: extendedDue }, events, BUILTIN_CALENDAR, TZ);
    expect(plan.workingDays).toBe(15);
    expect(localDay(endOfWorkday(entered, plan.start, plan.workingDays, TZ))).toBe('2027-03-03');
  });

  it('starts again at a reopening, and trusts the days a recomputation recorded', () => {
    const receivedAt = at('2027-01-20T10:00:00');
    const reopenedAt = at('2027-02-03T11:00:00');
    const events = [
      { action: 'reopen', workingDays: null, createdAt: reopenedAt },
      { action: 'deadlineRecalculated', workingDays: 10, createdAt: at('2026-12-05T10:00:00') },
      { action: 'approveExtension', workingDays: 3, createdAt: at('2027-02-26T10:00:00') },
    ];
    const plan = planOf({ receivedAt, dueAt: at('2027-01-01T00:00:00') }, events, entered, TZ);
    expect(plan).toEqual({ start: reopenedAt, workingDays: 13 });
  });

  it('does not start again at a transfer; a misassignment ruling runs from the acceptance it names', () => {
    const receivedAt = at('2027-01-20T10:00:00');
    const due = dueAt(BUILTIN_CALENDAR, receivedAt, 5, TZ);
    const transfer = {
      action: 'transfer',
      workingDays: null,
      createdAt: at('2027-02-03T11:00:00'),
    };
    expect(planOf({ receivedAt, dueAt: due }, [transfer], BUILTIN_CALENDAR, TZ)).toEqual({
      start: receivedAt,
      workingDays: 5,
    });
    const acceptedAt = at('2027-02-04T09:00:00');
    const ruling = {
      action: 'misassigned',
      workingDays: null,
      createdAt: at('2027-02-08T10:00:00'),
      startsAt: acceptedAt,
    };
    const ruled = dueAt(BUILTIN_CALENDAR, acceptedAt, 5, TZ);
    expect(planOf({ receivedAt, dueAt: ruled }, [transfer, ruling], BUILTIN_CALENDAR, TZ)).toEqual({
      start: acceptedAt,
      workingDays: 5,
    });
  });

  it("counts a return's holding from the site's earlier holding, whose deadline it continues", () => {
    const holdings = [
      { id: 1, siteId: 10, startedAt: at('2027-03-01T10:00:00'), isReturn: false },
      { id: 2, siteId: 20, startedAt: at('2027-03-03T10:00:00'), isReturn: false },
      { id: 3, siteId: 10, startedAt: at('2027-03-05T10:00:00'), isReturn: true },
    ];
    expect(holdingClockStart(holdings[1], holdings)).toEqual(holdings[1].startedAt);
    expect(holdingClockStart(holdings[2], holdings)).toEqual(holdings[0].startedAt);
  });
});

describe('entering a year', () => {
  const bounds = yearBounds(2026);

  it('reads the State Council notice as pasted', () => {
    const { holidays } = parseNotice(2027, NOTICE_2027);
    expect(holidays).toEqual(HOLIDAYS_2027);
    // And reads back what it writes for editing.
    expect(parseNotice(2027, noticeText(HOLIDAYS_2027)).holidays).toEqual(HOLIDAYS_2027);
  });

  it('reads dates with their year, and 元旦 beginning in December', () => {
    const { holidays } = parseNotice(
      2023,
      '一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。\n二、春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。'
    );
    expect(holidays[0]).toEqual({
      name: '元旦',
      start: '2022-12-31',
      end: '2023-01-02',
      workdays: [],
    });
    expect(checkArrangement(2023, { holidays }).holidays).toHaveLength(2);
  });

  it('refuses a notice line it cannot read, naming the line', () => {
    expect(refusal(() => parseNotice(2027, '春节：2月5日至13日放假\n2月20日上班'))).toMatch(
      /第 2 行/
    );
    expect(refusal(() => parseNotice(2027, '这里没有日期'))).toMatch(/没有识别出任何节日/);
    expect(refusal(() => parseNotice(2027, '春节：2月30日放假'))).toMatch(/日期“2月30日”无效/);
  });

  it('refuses years out of range', () => {
    expect(checkYear('2027', bounds)).toBe(2027);
    expect(refusal(() => checkYear('2029', bounds))).toMatch(/年份须为 2004 至 2028/);
    expect(refusal(() => checkYear('1999', bounds))).toMatch(/年份/);
    expect(refusal(() => checkYear('20x7', bounds))).toMatch(/年份/);
    expect(refusal(() => checkYear(2027.5, bounds))).toMatch(/年份/);
  });

  it('refuses bad dates, reversed and overlapping ranges, and 调休 days that are no weekend', () => {
    const check = (holidays: unknown) => refusal(() => checkArrangement(2027, { holidays }));
    expect(check([])).toMatch(/至少填写一个节日/);
    expect(check([{ name: '春节', start: '2027-02-30', end: '2027-02-13' }])).toMatch(
      /开始日期“2027-02-30”不是有效日期/
    );
    expect(check([{ name: '春节', start: '2027-02-13', end: '2027-02-05' }])).toMatch(
      /结束日期 2027年2月5日（星期五） 早于开始日期/
    );
    expect(
      check([
        { name: '劳动节', start: '2027-05-01', end: '2027-05-05' },
        { name: '青年节', start: '2027-05-04', end: '2027-05-04' },
      ])
    ).toMatch(/“劳动节”与“青年节”的放假日期重叠（2027年5月4日（星期二））/);
    expect(
      check([{ name: '春节', start: '2027-02-05', end: '2027-02-13', workdays: ['2027-02-17'] }])
    ).toMatch(/2027年2月17日（星期三） 本来就是工作日/);
    expect(
      check([{ name: '春节', start: '2027-02-05', end: '2027-02-13', workdays: ['2027-02-06'] }])
    ).toMatch(/在“春节”的放假期间内/);
    expect(check([{ name: '国庆节', start: '2026-10-01', end: '2026-10-07' }])).toMatch(
      /不在 2027 年内/
    );
    expect(check([{ name: '春节', start: '2027-01-20', end: '2027-02-13' }])).toMatch(
      /放假不能超过 14 天/
    );
    expect(check([{ name: '', start: '2027-01-01', end: '2027-01-01' }])).toMatch(/节日名称/);
  });

  it('answers the arrangement sorted, 调休 days sorted and once', () => {
    const result = checkArrangement(2027, {
      holidays: [...HOLIDAYS_2027].reverse(),
      note: ' 国办发明电〔2026〕7号 ',
    });
    expect(result.holidays).toEqual(HOLIDAYS_2027);
    expect(result.note).toBe('国办发明电〔2026〕7号');
  });
});
