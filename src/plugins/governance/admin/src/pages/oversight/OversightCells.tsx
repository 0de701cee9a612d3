import { Badge, Box, Flex, Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';
import { siteOversightPath, type OversightAlert, type SiteOversight } from '../../api/oversight';
import { RuleStatusBadge, STATUS_COLORS, StatusDot } from '../../components/RuleStatusBadge';
import { WrapTd } from '../../components/WrapTd';
import { useT } from '../../hooks/useT';
import { useOversightFormat } from './format';
import { explainVerdict, shortVerdict, type Verdict } from './verdicts';
import { ColumnHeads } from '../../components/ColumnHeads';

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

/** Alerts the daily job raised: on the group's page with the site, on a site's page without. */
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
    <Table colCount={columns.length} rowCount={alerts.length + 1}>
      <ColumnHeads prefix="oversight.alerts.column" columns={columns} />
      <Tbody>
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
                <VerdictLight verdict={alert} />
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
                  <Badge textColor="primary600" backgroundColor="primary100">
                    {t('oversight.alerts.emailed')}
                  </Badge>
                ) : null}
              </Flex>
            </WrapTd>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

/** A white panel with a heading and an optional line under it: each part of the oversight pages. */
export const Section = ({
  title,
  hint,
  action,
  children,
  testId,
}: {
  title: string;
  hint?: string;
  action?: React.ReactNode;
  children: React.ReactNode;
  testId?: string;
}) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" data-testid={testId}>
    <Box padding={5} paddingBottom={3}>
      <Flex justifyContent="space-between" alignItems="flex-start" gap={4} wrap="wrap">
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="delta" tag="h2">
            {title}
          </Typography>
          {hint ? (
            <Typography variant="pi" textColor="neutral600">
              {hint}
            </Typography>
          ) : null}
        </Flex>
        {action}
      </Flex>
    </Box>
    {children}
  </Box>
);
