import {
  isFindingRule,
  type ColumnState,
  type RuleVerdict,
  type SiteOversight,
  type VetoRule,
} from '../../api/oversight';
import type { Translate } from '../../hooks/useT';

/** What a verdict says, without the site: a rule's row, or an alert raised on it. */
export type Verdict = Pick<RuleVerdict, 'rule' | 'status' | 'value' | 'threshold' | 'daysLeft'>;

/** Rules measured in days (how long something waited); the others count columns. */
const DAY_RULES: ReadonlySet<VetoRule> = new Set(['homePage', 'unansweredMessage']);

/** The fewest days left before any rule of the site trips (0 once one has); Infinity when time trips none. */
export const nearestDaysLeft = (site: SiteOversight) =>
  Math.min(...site.rules.map((rule) => rule.daysLeft ?? Infinity));

/** The few characters of a traffic light: 正常 / 剩 3 天 / 已 35 天 / 6 个栏目. */
export const shortVerdict = (t: Translate, verdict: Verdict) => {
  const { rule, status, value, daysLeft } = verdict;
  if (status === 'ok') return t('oversight.light.ok');
  if (status === 'warning' && daysLeft !== null)
    return t('oversight.light.daysLeft', { days: daysLeft });
  if (rule === 'homePage' && value === null) return t('oversight.light.neverPublished');
  if (value === null) return '–';
  if (isFindingRule(rule)) return t('oversight.light.findings', { count: value });
  return DAY_RULES.has(rule)
    ? t('oversight.light.days', { days: value })
    : t('oversight.light.columns', { count: value });
};

/** What is measured against where the rule trips, in a sentence. */
export const measureOf = (t: Translate, verdict: Verdict) => {
  const { rule, value, threshold } = verdict;
  if (rule === 'homePage' && value === null) return t('oversight.explain.homePage.never');
  if (rule === 'unansweredMessage' && value === null)
    return t('oversight.explain.unansweredMessage.none');
  return t(`oversight.explain.${rule}`, { value: value ?? 0, threshold: threshold ?? '–' });
};

/** Where the rule stands: tripped, how many days are left, or that time alone will not trip it. */
export const outlookOf = (t: Translate, verdict: Verdict) => {
  const { rule, status, value, daysLeft } = verdict;
  if (status === 'tripped') return t('oversight.outlook.tripped');
  if (rule === 'unansweredMessage' && value === null) return null;
  if (daysLeft === 0) return t('oversight.outlook.today');
  if (daysLeft !== null) return t('oversight.outlook.daysLeft', { days: daysLeft });
  // Time does not empty a column: a warning means one more empty column trips the rule.
  if (status === 'warning') return t('oversight.outlook.oneMore');
  return t('oversight.outlook.noTime');
};

/** The verdict in full, for a tooltip. */
export const explainVerdict = (t: Translate, verdict: Verdict) => {
  const outlook = outlookOf(t, verdict);
  const parts = { rule: t(`oversight.rule.${verdict.rule}`), measure: measureOf(t, verdict) };
  return outlook
    ? t('oversight.explain.full', { ...parts, outlook })
    : t('oversight.explain.short', parts);
};

/** Days before a column goes stale (0 once it has); null for a static or empty column. */
export const columnDaysLeft = (column: ColumnState) =>
  column.staleAfterDays === null || column.idleDays === null
    ? null
    : Math.max(0, column.staleAfterDays - column.idleDays);
