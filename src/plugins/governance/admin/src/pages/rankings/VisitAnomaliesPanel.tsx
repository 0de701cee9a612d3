import type { Ranking } from '../../api/rankings';
import { Panel } from '../../components/Panel';
import { VisitAnomaliesTable } from '../../components/VisitAnomaliesTable';
import { useT } from '../../hooks/useT';

/** 访问量异常: the year's flagged days, counted at their threshold; shown only when there are any. */
export const VisitAnomaliesPanel = ({ ranking }: { ranking: Ranking }) => {
  const t = useT();
  const days = ranking.visitAnomalies ?? [];
  if (days.length === 0) return null;
  const sites = new Set(days.map((d) => d.site.documentId)).size;
  return (
    <Panel
      title={t('visitAnomalies.rankingTitle', { year: ranking.year })}
      hint={t('visitAnomalies.rankingHint', { sites, days: days.length })}
      testId="ranking-visit-anomalies"
    >
      <VisitAnomaliesTable days={days} showSite />
    </Panel>
  );
};
