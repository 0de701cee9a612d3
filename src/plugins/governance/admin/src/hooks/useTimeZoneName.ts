import { useIntl } from 'react-intl';

/** A time zone as its reader knows it ('Asia/Shanghai' → 中国标准时间, China Standard Time). */
export const useTimeZoneName = (timeZone: string) => {
  const { locale } = useIntl();
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(
    new Date()
  );
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
};
