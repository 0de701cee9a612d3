import {
  REPORT_CATEGORY_BY_KIND,
  type ColumnChange,
  type ColumnStanding,
} from '../../../../shared/contracts/columns';
import type { Tone } from '../../components/ToneBadge';
import type { Translate } from '../../hooks/useT';

/** A column's standing in one badge: 已停用, 空白栏目, 已超期, 即将超期, 正常 or 不考核. */
export const standingBadge = (standing: ColumnStanding | null): { key: string; tone: Tone } => {
  if (!standing) return { key: 'retired', tone: 'neutral' };
  if (standing.empty) return { key: 'empty', tone: 'danger' };
  if (standing.stale) return { key: 'stale', tone: 'dangerStrong' };
  if (standing.atRisk) return { key: 'nearlyStale', tone: 'warning' };
  if (standing.staleAfterDays === null) return { key: 'static', tone: 'neutral' };
  return { key: 'ok', tone: 'success' };
};

/** The standing as a sentence, as the server's log says it. */
export const standingText = (t: Translate, s: ColumnStanding) => {
  if (s.empty) return t('columns.standing.text.empty');
  if (s.stale)
    return t('columns.standing.text.stale', { idle: s.idleDays ?? 0, days: s.staleAfterDays ?? 0 });
  if (s.staleAfterDays !== null && s.idleDays !== null)
    return t('columns.standing.text.left', {
      idle: s.idleDays,
      left: s.staleAfterDays - s.idleDays,
    });
  return t('columns.standing.text.static');
};

/** What a change does, in words: 停用栏目“工作动态”, 将栏目“媒体聚焦”改名为“新闻聚焦”… */
export const describeChange = (t: Translate, change: ColumnChange) => {
  if (change.action === 'add')
    return t('columns.describe.add', {
      name: change.proposal?.name ?? '',
      kind: t(`oversight.kind.${change.proposal?.kind ?? 'news'}`),
      category: t(
        `columns.reportCategory.${change.proposal?.reportCategory ?? REPORT_CATEGORY_BY_KIND[change.proposal?.kind ?? 'news']}`
      ),
    });
  if (change.action === 'retire') return t('columns.describe.retire', { name: change.columnName });
  const p = change.proposal ?? {};
  const parts: string[] = [];
  if (p.name !== undefined) parts.push(t('columns.describe.rename', { name: p.name }));
  if (p.kind !== undefined)
    parts.push(t('columns.describe.kind', { kind: t(`oversight.kind.${p.kind}`) }));
  if (p.staleAfterDays !== undefined)
    parts.push(
      p.staleAfterDays === null
        ? t('columns.describe.daysDefault')
        : t('columns.describe.days', { days: p.staleAfterDays })
    );
  if (p.sortOrder !== undefined) parts.push(t('columns.describe.sort', { sort: p.sortOrder }));
  if (p.reportCategory !== undefined)
    parts.push(
      t('columns.describe.reportCategory', {
        category: t(`columns.reportCategory.${p.reportCategory}`),
      })
    );
  return t('columns.describe.change', { name: change.columnName, what: parts.join('，') });
};
