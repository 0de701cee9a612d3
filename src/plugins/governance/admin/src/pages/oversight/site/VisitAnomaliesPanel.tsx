import type { SiteOversightDetail } from '../../../api/oversight';
import { Panel, PanelNote } from '../../../components/Panel';
import { VisitAnomaliesTable } from '../../../components/VisitAnomaliesTable';
import { useT } from '../../../hooks/useT';

/** 访问量异常日: this year's days far above the site's own pattern, as the ranking counts them. */
export const VisitAnomaliesPanel = ({ site }: { site: SiteOversightDetail }) => {
  const t = useT();
  const days = site.visitAnomalies ?? [];
  return (
    <Panel
      title={t('visitAnomalies.siteTitle', { year: site.replies.year })}
      hint={t('visitAnomalies.siteHint')}
      testId="oversight-visit-anomalies"
    >
      {days.length === 0 ? (
        <PanelNote>{t('visitAnomalies.none')}</PanelNote>
      ) : (
        <VisitAnomaliesTable days={days} showSite={false} />
      )}
    </Panel>
  );
};
