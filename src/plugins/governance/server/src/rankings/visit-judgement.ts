import type { VisitAnomalyKind } from '../../../shared/contracts/rankings';

/** The anomaly check's settings (config `visits.anomaly`, see config/index.ts). */
export interface AnomalySettings {
  /** A day above max(factor × baseline, floor) is a spike (单日激增). */
  factor: number;
  floor: number;
  /** The baseline is the lower median of this many days… */
  baselineDays: number;
  /**
   * …before this many days that precede the judged day (14: the baseline ends 15 days before it),
   * so a rise does not carry its own baseline up. 0: it ends the day before.
   */
  lagDays: number;
  /** The recent days whose mean shows a sustained rise (持续异常增长, see judgeDay)… */
  rampDays: number;
  /** …whose days above max(rampFactor × baseline, floor) are then flagged. */
  rampFactor: number;
}

const wholeAbove = (value: unknown, least: number) =>
  Number.isInteger(value) && (value as number) >= least;

/** A wrong setting stops the boot (config/index.ts) rather than misjudging a year of visits. */
export const validateAnomalySettings = (
  anomaly: (AnomalySettings & { check: string }) | undefined
) => {
  if (
    !anomaly ||
    typeof anomaly.factor !== 'number' ||
    !(anomaly.factor > 1) ||
    typeof anomaly.rampFactor !== 'number' ||
    // A ramp's threshold below a spike's: a sustained rise is held to less than a one-day flood.
    !(anomaly.rampFactor > 1 && anomaly.rampFactor <= anomaly.factor) ||
    !wholeAbove(anomaly.floor, 1) ||
    !wholeAbove(anomaly.baselineDays, 1) ||
    !wholeAbove(anomaly.rampDays, 1) ||
    !wholeAbove(anomaly.lagDays, 0) ||
    typeof anomaly.check !== 'string'
  ) {
    throw new Error(
      `governance.visits.anomaly must be { factor above 1, rampFactor above 1 and at most factor, floor, baselineDays and rampDays whole numbers above 0, lagDays a whole number of 0 or more, check a cron rule }; got ${JSON.stringify(anomaly)}.`
    );
  }
};

/**
 * Days of a site's own history a day needs before it can be flagged: a new site, or the first
 * days after the counter was deployed, have no pattern to be far above.
 */
export const MIN_BASELINE_DAYS = 7;

/** A day of a site as later judgements read it. */
export interface KnownDay {
  /** Visits recorded (raw). */
  visits: number;
  /** Its verdict, which decides what it weighs in later baselines (`baselineValue`). */
  kind: VisitAnomalyKind | null;
  /** The baseline it was judged against (null: not judged, or too young to judge). */
  median: number | null;
  /** The most the ranking counts for it, when flagged. */
  flaggedAbove: number | null;
}

/**
 * What a day weighs in later baselines. A spike: its own baseline, so a flood never lifts it. A
 * day of a ramp: what the ranking counted for it, its threshold; so a level the site holds is
 * learnt at most rampFactor-fold per baseline window, a genuine step (a new portal) accepted
 * within one or two windows, and a ramp pays for every fold with weeks of flagged days.
 */
const baselineValue = (known: KnownDay | undefined) => {
  if (!known) return 0; // a day without a row had no visit
  if (known.kind === 'spike' && known.median !== null) return known.median;
  if (known.kind === 'ramp' && known.flaggedAbove !== null)
    return Math.min(known.visits, known.flaggedAbove);
  return known.visits;
};

export interface Verdict {
  /** The baseline (null when the site is too young to be judged). */
  median: number | null;
  /** The most the ranking counts for the day, when flagged. */
  flaggedAbove: number | null;
  kind: VisitAnomalyKind | null;
}

const DAY_MS = 86_400_000;

/** A local date YYYY-MM-DD as a whole number of days, for cheap arithmetic over long windows. */
export const dayNumber = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;

/**
 * The lower median: of an even count, the lower middle value. A level the site held on exactly
 * half the days (alternate days inflated) is then not learnt; it takes most of the window.
 */
const lowerMedian = (values: number[]) => values.sort((a, b) => a - b)[(values.length - 1) >> 1];

/**
 * Judges one closed day of a site against the site's own history (`days`, by day number; a
 * day without a row had no visit; days before `first`, its first recorded day, are no history).
 *
 * - The baseline is the lower median of the `baselineDays` days before the `lagDays` days that
 *   precede the day (day − lagDays − baselineDays to day − lagDays − 1): a slow ramp does not
 *   carry it up, as a 28-day median just behind the day would. A spike counts in it at its own
 *   baseline, so a flood never becomes the pattern; a level reached on at most half the days
 *   (alternate days inflated) is never learnt. A young site's lag shrinks so that it is judged
 *   after MIN_BASELINE_DAYS days, as before.
 * - A sustained rise (持续异常增长): the mean of the last `rampDays` days, the day included, each
 *   counted at most at the spike threshold, above max(½(1 + rampFactor) × baseline, floor) (2 ×
 *   with the defaults). A mean, not a median: a median ignores inflation on fewer than half the
 *   days. The cap keeps one flood a spike; halfway to rampFactor catches inflation just under the
 *   spike threshold on 13 days of 28 (a mean of 2.86 ×) and leaves room for genuine peaks (up to 7
 *   days at 5 × in four weeks). While it holds, the days above max(rampFactor × baseline, floor)
 *   are flagged as a ramp and counted at that, and weigh that in later baselines
 *   (`baselineValue`). Days under it are never flagged, so the ranking counts at most about
 *   rampFactor × baseline a day on average, steady or intermittent.
 * - Otherwise a day above max(factor × baseline, floor) is a spike (单日激增).
 */
export const judgeDay = (
  day: number,
  first: number,
  days: Map<number, KnownDay>,
  settings: AnomalySettings
): Verdict => {
  const { factor, floor, baselineDays, lagDays, rampDays, rampFactor } = settings;
  const needed = Math.min(MIN_BASELINE_DAYS, baselineDays);
  const history = day - first;
  if (history < needed) return { median: null, flaggedAbove: null, kind: null };
  const lag = Math.min(lagDays, history - needed);

  const baselineValues: number[] = [];
  for (let d = day - lag - 1; d >= day - lag - baselineDays && d >= first; d--) {
    baselineValues.push(baselineValue(days.get(d)));
  }
  const baseline = lowerMedian(baselineValues);
  const rampThreshold = Math.max(Math.ceil(rampFactor * baseline), floor);
  const spikeThreshold = Math.max(Math.ceil(factor * baseline), floor);

  let recentSum = 0;
  let recentCount = 0;
  for (let d = day; d > day - rampDays && d >= first; d--) {
    recentSum += Math.min(days.get(d)?.visits ?? 0, spikeThreshold);
    recentCount++;
  }
  const risingAbove = Math.max(((1 + rampFactor) / 2) * baseline, floor);
  const rising = recentSum > risingAbove * recentCount;

  const visits = days.get(day)?.visits ?? 0;
  const [kind, threshold]: [VisitAnomalyKind, number] = rising
    ? ['ramp', rampThreshold]
    : ['spike', spikeThreshold];
  const over = visits > threshold;
  return {
    median: Math.round(baseline),
    flaggedAbove: over ? threshold : null,
    kind: over ? kind : null,
  };
};
