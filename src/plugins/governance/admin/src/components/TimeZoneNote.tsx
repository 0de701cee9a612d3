import { useLocalTime } from '../hooks/useLocalTime';
import { useT } from '../hooks/useT';

/**
 * The page's one mention of the zone its times are in ("时间均为北京时间"), for the header's
 * subtitle: `withTimeZoneNote(text)` puts it after the page's own subtitle.
 */
export const useTimeZoneNote = () => {
  const t = useT();
  const { zoneName } = useLocalTime();
  const note = t('common.timeZoneNote', { zone: zoneName });
  return {
    note,
    withTimeZoneNote: (subtitle?: string) => (subtitle ? `${subtitle} · ${note}` : note),
  };
};
