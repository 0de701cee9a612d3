/**
 * Instants as the group reads them: in its time zone (config `timezone`, Asia/Shanghai by
 * default), whatever the zone of the server or of the browser, written the Chinese way
 * (2026年12月4日 20:31). Shared by the server (exports, audit sentences) and the admin pages.
 */

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar fields of `instant` in `timeZone`, through Intl (the same in Node and every browser). */
export const localParts = (instant: Date | string | number, timeZone: string): LocalParts => {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    // Some engines write midnight as 24 even with h23.
    hour: parts.hour % 24,
    minute: parts.minute,
    second: parts.second,
  };
};

const two = (n: number) => String(n).padStart(2, '0');

/** 2026年12月4日 */
export const localDate = (instant: Date | string | number, timeZone: string) => {
  const { year, month, day } = localParts(instant, timeZone);
  return `${year}年${month}月${day}日`;
};

/** 2026年12月4日 20:31 (with `:37` when `seconds`). */
export const localDateTime = (
  instant: Date | string | number,
  timeZone: string,
  { seconds = false } = {}
) => {
  const { hour, minute, second } = localParts(instant, timeZone);
  return `${localDate(instant, timeZone)} ${two(hour)}:${two(minute)}${seconds ? `:${two(second)}` : ''}`;
};

/** 20:31 */
export const localTime = (instant: Date | string | number, timeZone: string) => {
  const { hour, minute } = localParts(instant, timeZone);
  return `${two(hour)}:${two(minute)}`;
};

/** The zones China's clocks keep (IANA names and aliases of UTC+8 in the mainland). */
const BEIJING = new Set([
  'Asia/Shanghai',
  'Asia/Chongqing',
  'Asia/Chungking',
  'Asia/Harbin',
  'PRC',
]);
const NAMED: Record<string, string> = {
  'Asia/Hong_Kong': '香港时间',
  'Asia/Macau': '澳门时间',
  'Asia/Taipei': '台北时间',
  UTC: '协调世界时',
  'Etc/UTC': '协调世界时',
};

/**
 * A time zone as a reader in China names it: 北京时间 for Asia/Shanghai and its aliases, else
 * the zone's Chinese name from Intl ("日本标准时间"); never the IANA code.
 */
export const zoneName = (timeZone: string) => {
  if (BEIJING.has(timeZone)) return '北京时间';
  if (NAMED[timeZone]) return NAMED[timeZone];
  const name = new Intl.DateTimeFormat('zh-CN', { timeZone, timeZoneName: 'long' })
    .formatToParts(new Date())
    .find((part) => part.type === 'timeZoneName')?.value;
  // An engine without Chinese zone names answers "GMT+08:00": still no code, and readable.
  return name ?? '当地时间';
};
