/**
 * The national veto rules as arithmetic on a site's facts, with no database: what each measures
 * now, where it trips, and how many days are left at this pace. A rule trips on the day its
 * threshold is reached (14 days without a home-page update trips on the 14th day).
 */
import {
  FINDING_RULES,
  type FindingRule,
  type ColumnState,
  type RuleStatus,
  type RuleVerdict,
  type VetoThresholds,
} from '../../../shared/contracts/oversight';

const verdict = (
  rule: RuleVerdict['rule'],
  value: number | null,
  threshold: number | null,
  daysLeft: number | null,
  warnDays: number,
  tripped: boolean
): RuleVerdict => {
  let status: RuleStatus = 'ok';
  if (tripped) status = 'tripped';
  else if (daysLeft !== null && daysLeft <= warnDays) status = 'warning';
  return { rule, status, value, threshold, daysLeft: tripped ? 0 : daysLeft };
};

/** Days until the n-th soonest of `daysLeft` reaches zero (n ≥ 1), or null when there are fewer. */
const nthSoonest = (daysLeft: number[], n: number) => {
  const sorted = [...daysLeft].sort((a, b) => a - b);
  return n >= 1 && sorted.length >= n ? Math.max(0, sorted[n - 1]) : null;
};

export const judgeSite = (
  facts: {
    /** Local days since the site's last publication; null when it never published. */
    homePageIdleDays: number | null;
    columns: ColumnState[];
    /** Local days the oldest unanswered valid message has waited, and the days its three months span. */
    unanswered: { ageDays: number; limitDays: number } | null;
    /** Serious faults the content inspection found online, still open (not corrected, not 误报). */
    findings: Record<FindingRule, number>;
  },
  t: VetoThresholds
): RuleVerdict[] => {
  const { homePageIdleDays, columns, unanswered, findings } = facts;
  const homeLeft = homePageIdleDays === null ? 0 : t.homePageDays - homePageIdleDays;

  const updatable = columns.filter((c) => c.staleAfterDays !== null && !c.empty);
  const stale = updatable.filter((c) => c.stale).length;
  const freshLeft = updatable
    .filter((c) => !c.stale)
    .map((c) => c.staleAfterDays! - (c.idleDays ?? 0));

  const longIdle = updatable.filter((c) => (c.idleDays ?? 0) >= t.longIdleDays).length;
  const longIdleLeft = updatable
    .filter((c) => (c.idleDays ?? 0) < t.longIdleDays)
    .map((c) => t.longIdleDays - (c.idleDays ?? 0));

  const empty = columns.filter((c) => c.empty).length;
  const emptyVerdict = verdict(
    'emptyColumns',
    empty,
    t.emptyColumns,
    null,
    t.warnDays,
    empty >= t.emptyColumns
  );
  // Time alone does not empty a column: a warning when one more empty column would trip it.
  if (emptyVerdict.status === 'ok' && empty === t.emptyColumns - 1) emptyVerdict.status = 'warning';
  const unansweredLeft = unanswered ? unanswered.limitDays - unanswered.ageDays : null;

  return [
    verdict('homePage', homePageIdleDays, t.homePageDays, homeLeft, t.warnDays, homeLeft <= 0),
    verdict(
      'staleColumns',
      stale,
      t.staleColumns,
      nthSoonest(freshLeft, t.staleColumns - stale),
      t.warnDays,
      stale >= t.staleColumns
    ),
    verdict(
      'longIdleColumns',
      longIdle,
      t.longIdleColumns,
      nthSoonest(longIdleLeft, t.longIdleColumns - longIdle),
      t.warnDays,
      longIdle >= t.longIdleColumns
    ),
    emptyVerdict,
    verdict(
      'unansweredMessage',
      unanswered?.ageDays ?? null,
      unanswered?.limitDays ?? null,
      unansweredLeft,
      t.warnDays,
      unansweredLeft !== null && unansweredLeft <= 0
    ),
    // One serious fault online is enough; time neither brings nor clears it.
    ...FINDING_RULES.map((rule) =>
      verdict(rule, findings[rule], 1, null, t.warnDays, findings[rule] > 0)
    ),
  ];
};

/** The worst status of a site's rules. */
export const worst = (verdicts: RuleVerdict[]): RuleStatus =>
  verdicts.some((v) => v.status === 'tripped')
    ? 'tripped'
    : verdicts.some((v) => v.status === 'warning')
      ? 'warning'
      : 'ok';
