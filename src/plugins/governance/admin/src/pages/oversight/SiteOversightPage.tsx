import { Flex, Link as TextLink } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';
import { OVERSIGHT_PATH, useSiteOversight } from '../../api/oversight';
import { Panel, PanelNote } from '../../components/Panel';
import { RuleStatusBadge } from '../../components/RuleStatusBadge';
import { apiErrorMessage } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';
import { PERMISSIONS } from '../../permissions';
import { useOversightFormat } from './format';
import { AlertsTable } from './OversightCells';
import { ColumnsPanel } from './site/ColumnsPanel';
import { OpenMessagesPanel } from './site/OpenMessagesPanel';
import { RectificationsPanel } from './site/RectificationsPanel';
import { RuleCards } from './site/RuleCards';
import { MixPanel, SiteFigures } from './site/SiteFigures';
import { UrgeButton, UrgesPanel } from './site/UrgePanel';
import { VisitAnomaliesPanel } from './site/VisitAnomaliesPanel';
import { useTimeZoneNote } from '../../components/TimeZoneNote';

/**
 * One site's standing against the veto rules with the evidence behind each verdict: its
 * columns, the messages waiting, its other figures, the alerts raised and the rectification
 * tasks it was given. For the province, and for the site's own members.
 */
export const SiteOversightPage = () => {
  const t = useT();
  const { withTimeZoneNote } = useTimeZoneNote();
  const format = useOversightFormat();
  const { documentId } = useParams<{ documentId: string }>();
  const { data: site, isLoading, isError, error } = useSiteOversight(documentId);
  const read = useRBAC(PERMISSIONS.oversightRead);
  const manage = useRBAC(PERMISSIONS.oversightManage);

  if (isLoading) return <Page.Loading />;
  if (isError || !site) return <Page.Error content={apiErrorMessage(error)} />;

  const details = [
    t(`oversight.level.${site.site.level}`),
    site.site.level === 'county' ? site.site.city : null,
    site.lastPublishedAt
      ? t('oversight.site.lastPublished', { date: format.date(site.lastPublishedAt) })
      : t('oversight.site.neverPublished'),
  ].filter(Boolean);

  return (
    <Page.Main>
      <Page.Title>{t('oversight.site.pageTitle', { site: site.site.name })}</Page.Title>
      <Layouts.Header
        navigationAction={
          read.allowedActions.canRead ? (
            <TextLink tag={NavLink} to={OVERSIGHT_PATH} startIcon={<ArrowLeft />}>
              {t('oversight.back')}
            </TextLink>
          ) : undefined
        }
        title={site.site.name}
        subtitle={withTimeZoneNote(details.join(' · '))}
        secondaryAction={<RuleStatusBadge status={site.status} />}
        primaryAction={
          manage.allowedActions.canManage ? (
            <UrgeButton documentId={site.site.documentId} site={site.site.name} />
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <RuleCards rules={site.rules} />
          <ColumnsPanel columns={site.columns} warnDays={site.warnDays} />
          <OpenMessagesPanel messages={site.openMessages} />
          <SiteFigures site={site} />
          <MixPanel mix={site.mix} />
          <VisitAnomaliesPanel site={site} />
          <Panel title={t('oversight.site.alerts.title')} testId="oversight-site-alerts">
            {site.alerts.length === 0 ? (
              <PanelNote>{t('oversight.alerts.empty')}</PanelNote>
            ) : (
              <AlertsTable alerts={site.alerts} showSite={false} />
            )}
          </Panel>
          <RectificationsPanel tasks={site.rectifications} />
          <UrgesPanel urges={site.urges} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
