import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { localParts } from '../../../shared/local-time';
import { useGroupTime } from '../api/time';

/** The configuration's default zone, used for the moment before the server has named its own. */
const DEFAULT_ZONE = 'Asia/Shanghai';
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Times as the group keeps them: `formatDate` is react-intl's, in the group's time zone (the
 * server's `timezone`, 北京时间 by default) whatever the browser's own zone, so an official
 * in Xinjiang or on a laptop set to UTC reads the same time as the office; `zoneName` is that
 * zone as the reader names it (北京时间), for the page's one note; `today` is the group's date.
 */
export const useLocalTime = () => {
  const intl = useIntl();
  const { data } = useGroupTime();
  const timeZone = data?.timezone ?? DEFAULT_ZONE;
  const formatDate = useCallback(
    // An explicit zone wins: a calendar day the server settled is written in UTC, as it is.
    (value: string | number | Date, options: Intl.DateTimeFormatOptions = {}) =>
      intl.formatDate(value, { timeZone, ...options }),
    [intl, timeZone]
  );
  const zoneName = useMemo(() => {
    if (intl.locale.startsWith('zh')) return data?.zoneName ?? '北京时间';
    const parts = new Intl.DateTimeFormat(intl.locale, {
      timeZone,
      timeZoneName: 'long',
    }).formatToParts(new Date());
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  }, [intl.locale, data?.zoneName, timeZone]);
  /** Today in the group's calendar, YYYY-MM-DD. */
  const today = useCallback(() => {
    const { year, month, day } = localParts(new Date(), timeZone);
    return `${year}-${pad(month)}-${pad(day)}`;
  }, [timeZone]);
  return { formatDate, zoneName, timeZone, today };
};
