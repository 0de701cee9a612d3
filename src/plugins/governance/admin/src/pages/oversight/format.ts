import { useIntl } from 'react-intl';
import { useLocalTime } from '../../hooks/useLocalTime';

/** How the oversight views write figures, shares and dates. */
export const useOversightFormat = () => {
  const { formatNumber } = useIntl();
  const { formatDate } = useLocalTime();
  return {
    count: (n: number) => formatNumber(n),
    /** A share, 0 to 1: 66.7%; a dash with nothing to divide. */
    percent: (share: number | null) =>
      share === null ? '–' : formatNumber(share, { style: 'percent', maximumFractionDigits: 1 }),
    date: (iso: string | null) => (iso ? formatDate(iso, { dateStyle: 'medium' }) : '—'),
    dateTime: (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }),
    /**
     * A local calendar date the server already settled (YYYY-MM-DD, a deadline): written as it
     * is, whatever the reader's own time zone.
     */
    localDate: (ymd: string) =>
      formatDate(`${ymd}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }),
  };
};
