import { Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { VisitAnomaly } from '../../../shared/contracts/rankings';
import { HeadedTable } from './DataTable';
import { ToneBadge } from './ToneBadge';
import { useLocalTime } from '../hooks/useLocalTime';
import { useT } from '../hooks/useT';

/** A flagged day, with its site when the table lists several sites. */
type Row = Omit<VisitAnomaly, 'site'> & { site?: VisitAnomaly['site'] };

/**
 * Days whose visits were far above the site's own pattern: the date, what was found (a one-day
 * spike, or a day of a sustained rise: 持续异常增长), the visits recorded, what the ranking
 * counts for the day (its threshold) and the baseline it was judged against.
 */
export const VisitAnomaliesTable = ({ days, showSite }: { days: Row[]; showSite: boolean }) => {
  const { formatNumber } = useIntl();
  const t = useT();
  const { formatDate } = useLocalTime();
  // A local date the server settled: written as it is, whatever the reader's time zone.
  const date = (ymd: string) =>
    formatDate(`${ymd}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
  const columns = showSite
    ? (['site', 'day', 'kind', 'visits', 'counted', 'median'] as const)
    : (['day', 'kind', 'visits', 'counted', 'median'] as const);
  return (
    <HeadedTable prefix="visitAnomalies.column" columns={columns} rows={days.length}>
      {days.map((row) => (
        <Tr
          key={`${row.site?.documentId ?? ''}-${row.day}`}
          data-testid={`visit-anomaly-${row.site?.code ?? 'site'}-${row.day}`}
        >
          {showSite ? (
            <Td>
              <Typography fontWeight="semiBold">{row.site?.name}</Typography>
            </Td>
          ) : null}
          <Td>
            <Typography>{date(row.day)}</Typography>
          </Td>
          <Td>
            {/* Snapshots frozen before ramps were told apart list spikes only. */}
            <ToneBadge tone={row.kind === 'ramp' ? 'danger' : 'warning'}>
              {t(`visitAnomalies.kind.${row.kind ?? 'spike'}`)}
            </ToneBadge>
          </Td>
          <Td>
            <Typography textColor="danger600" fontWeight="semiBold">
              {formatNumber(row.visits)}
            </Typography>
          </Td>
          <Td>
            <Typography>{formatNumber(row.counted)}</Typography>
          </Td>
          <Td>
            <Typography textColor="neutral600">{formatNumber(row.median)}</Typography>
          </Td>
        </Tr>
      ))}
    </HeadedTable>
  );
};
