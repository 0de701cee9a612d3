import { Flex, Link, Td, Tr, Typography } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';
import { siteOversightPath, type OversightAlert, type SiteOversight } from '../../api/oversight';
import { HeadedTable } from '../../components/DataTable';
import { RuleStatusBadge, STATUS_COLORS, StatusDot } from '../../components/RuleStatusBadge';
import { ToneBadge } from '../../components/ToneBadge';
import { WrapTd } from '../../components/WrapTd';
import { useT } from '../../hooks/useT';
import { useOversightFormat } from './format';
import { explainVerdict, shortVerdict, type Verdict } from './verdicts';

/** One rule of a site as a coloured dot and a few words (剩 3 天, 已 35 天), explained in full on hover. */
export const VerdictLight = ({ verdict }: { verdict: Verdict }) => {
  const t = useT();
  const explanation = explainVerdict(t, verdict);
  return (
    <Flex
      gap={2}
      title={explanation}
      aria-label={explanation}
      data-testid={`verdict-${verdict.rule}-${verdict.status}`}
    >
      <StatusDot status={verdict.status} />
      <Typography
        variant="pi"
        textColor={verdict.status === 'ok' ? 'neutral600' : STATUS_COLORS[verdict.status].text}
        fontWeight={verdict.status === 'ok' ? undefined : 'semiBold'}
      >
        {shortVerdict(t, verdict)}
      </Typography>
    </Flex>
  );
};

/** A site's name, linked to its drill-down, with its level and city underneath. */
export const SiteName = ({
  site,
}: {
  site: Pick<SiteOversight['site'], 'documentId' | 'name'> &
    Partial<Pick<SiteOversight['site'], 'level' | 'city'>>;
}) => {
  const t = useT();
  const details = [
    site.level ? t(`oversight.level.${site.level}`) : null,
    site.level === 'city' ? null : site.city,
  ].filter(Boolean);
  return (
    <Flex direction="column" alignItems="flex-start">
      <Link tag={RouterLink} to={siteOversightPath(site.documentId)}>
        {site.name}
      </Link>
      {details.length > 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {details.join(' · ')}
        </Typography>
      ) : null}
    </Flex>
  );
};

/**
 * Alerts the daily job and the content inspection raised (an inspection's alert names what it
 * found): on the group's page with the site, on a site's page without.
 */
export const AlertsTable = ({
  alerts,
  showSite,
}: {
  alerts: OversightAlert[];
  showSite: boolean;
}) => {
  const t = useT();
  const format = useOversightFormat();
  const columns = [...(showSite ? ['site'] : []), 'rule', 'status', 'raisedAt', 'notified'];
  return (
    <HeadedTable prefix="oversight.alerts.column" columns={columns} rows={alerts.length}>
      {alerts.map((alert) => (
        <Tr key={alert.id} data-testid={`oversight-alert-${alert.id}`}>
          {showSite ? (
            <Td>
              <SiteName site={alert.site} />
            </Td>
          ) : null}
          <Td>
            <Typography>{t(`oversight.rule.${alert.rule}`)}</Typography>
          </Td>
          <Td>
            <Flex gap={2}>
              <RuleStatusBadge status={alert.status} />
              {alert.finding ? (
                <Typography>
                  {alert.finding.count > 1
                    ? t('oversight.alerts.findings', {
                        detail: alert.finding.detail,
                        count: alert.finding.count,
                      })
                    : alert.finding.detail}
                </Typography>
              ) : (
                <VerdictLight verdict={alert} />
              )}
            </Flex>
          </Td>
          <Td>
            <Typography>{format.dateTime(alert.raisedAt)}</Typography>
          </Td>
          <WrapTd minWidth="14rem">
            <Flex gap={2} wrap="wrap">
              <Typography textColor={alert.notified.length > 0 ? undefined : 'neutral500'}>
                {alert.notified.length > 0 ? alert.notified.join('、') : '—'}
              </Typography>
              {alert.emailed ? (
                <ToneBadge tone="primary">{t('oversight.alerts.emailed')}</ToneBadge>
              ) : null}
            </Flex>
          </WrapTd>
        </Tr>
      ))}
    </HeadedTable>
  );
};
