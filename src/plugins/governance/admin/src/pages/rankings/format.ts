import { useIntl } from 'react-intl';
import { useLocalTime } from '../../hooks/useLocalTime';

/** How the rankings pages write their figures: counts grouped by thousands, changes signed. */
export const useRankingFormat = () => {
  const { formatNumber } = useIntl();
  const { formatDate } = useLocalTime();
  const count = (n: number) => formatNumber(n);
  return {
    count,
    /** +1,026 / −45 / 0 */
    delta: (n: number) => (n > 0 ? `+${count(n)}` : n < 0 ? `−${count(-n)}` : '0'),
    /** The change as a share of the year before: +13.1%; null without a year before to compare. */
    growth: (now: number, before: number) =>
      before === 0
        ? null
        : formatNumber((now - before) / before, {
            style: 'percent',
            maximumFractionDigits: 1,
            signDisplay: 'exceptZero',
          }),
    /** A share, 0 to 1: 66.7%. */
    percent: (share: number) => formatNumber(share, { style: 'percent', maximumFractionDigits: 1 }),
    /** Visits per day of the year counted so far. */
    daily: (visits: number, days: number) => (days > 0 ? count(Math.round(visits / days)) : '–'),
    dateTime: (iso: string) => formatDate(iso, { dateStyle: 'long', timeStyle: 'short' }),
  };
};
