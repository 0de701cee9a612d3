/**
 * The visit anomaly rule on a site's series of days, judged one after the other as the job does:
 * a slow ramp cannot carry its baseline up, a genuine step is accepted after a bounded stretch,
 * and a flood never becomes the pattern.
 */
import { judgeDay, type AnomalySettings, type KnownDay, type Verdict } from '../visit-judgement';

/** The defaults (config/index.ts), with a floor low enough for sites of a few hundred a day. */
const SETTINGS: AnomalySettings = {
  factor: 5,
  floor: 50,
  baselineDays: 90,
  lagDays: 14,
  rampDays: 28,
  rampFactor: 3,
};

/** Judges a site's days one after the other from its first day (day 0). */
const judgeAll = (visits: number[], settings = SETTINGS): Verdict[] => {
  const days = new Map<number, KnownDay>();
  return visits.map((n, day) => {
    days.set(day, { visits: n, kind: null, median: null, flaggedAbove: null });
    const verdict = judgeDay(day, 0, days, settings);
    days.set(day, { visits: n, ...verdict });
    return verdict;
  });
};

const flat = (days: number, visits: number) => Array<number>(days).fill(visits);
/** 200 a day for 120 days: a stable site with a full baseline. */
const STABLE = flat(120, 200);
/** The days flagged, by index. */
const flagged = (verdicts: Verdict[]) =>
  verdicts.flatMap((v, i) => (v.flaggedAbove === null ? [] : [i]));
const kinds = (verdicts: Verdict[]) => new Set(verdicts.flatMap((v) => (v.kind ? [v.kind] : [])));
/** Whether the indexes are one run of consecutive days. */
const oneRun = (days: number[]) => days.every((d, i) => i === 0 || d === days[i - 1] + 1);

describe('judgeDay', () => {
  it('flags a ramp of ×1.3 a week over ten weeks as a sustained rise, counted at 3 × a baseline it cannot lift', () => {
    const ramp = Array.from({ length: 70 }, (_, i) =>
      Math.round(200 * 1.3 ** (Math.floor(i / 7) + 1))
    );
    const verdicts = judgeAll([...STABLE, ...ramp]);
    const days = flagged(verdicts);
    expect(kinds(verdicts)).toEqual(new Set(['ramp']));
    // From the fifth week (×3.7) on, every day; the baseline stays near that of before the ramp.
    expect(days).toEqual(Array.from({ length: 190 - 148 }, (_, i) => 148 + i));
    const lastWeeks = verdicts.slice(162);
    expect(Math.max(...lastWeeks.map((v) => v.median!))).toBeLessThan(2 * 200);
    // The ranking counts less than half of what its last four weeks recorded.
    const counted = lastWeeks.reduce((sum, v) => sum + v.flaggedAbove!, 0);
    expect(counted).toBeLessThan(ramp.slice(42).reduce((sum, n) => sum + n, 0) / 2);
  });

  it('never flags a site that doubles once and stays', () => {
    const verdicts = judgeAll([...STABLE, ...flat(200, 400)]);
    expect(flagged(verdicts)).toEqual([]);
    expect(verdicts.at(-1)!.median).toBe(400);
  });

  it('flags a fourfold step for one stretch of at most 60 days, then accepts it', () => {
    const verdicts = judgeAll([...STABLE, ...flat(200, 800)]);
    const days = flagged(verdicts);
    expect(kinds(verdicts)).toEqual(new Set(['ramp']));
    expect(days.length).toBeLessThanOrEqual(60);
    expect(oneRun(days)).toBe(true);
    expect(days.at(-1)).toBeLessThan(120 + 75);
    expect(verdicts.at(-1)!.median).toBe(800);
  });

  it('flags a tenfold step as spikes, then a sustained rise, and accepts it in two baseline windows', () => {
    const verdicts = judgeAll([...STABLE, ...flat(250, 2000)]);
    const days = flagged(verdicts);
    expect(verdicts[120].kind).toBe('spike');
    expect(verdicts[150].kind).toBe('ramp');
    expect(oneRun(days)).toBe(true);
    expect(days.at(-1)).toBeLessThan(120 + 150);
    expect(verdicts.at(-1)!.median).toBe(2000);
  });

  it('weighs a flagged day in later baselines as if it had recorded its own baseline', () => {
    // 100 on five days of nine, 200 on the other four; then for 60 days a flood of 5000 on every
    // ninth day, each on a day of 100.
    const series = Array.from({ length: 210 }, (_, day) =>
      day >= 130 && day < 190 && day % 9 === 0 ? 5000 : day % 9 < 5 ? 100 : 200
    );
    const verdicts = judgeAll(series);
    expect(flagged(verdicts)).toEqual([135, 144, 153, 162, 171, 180, 189]);
    expect(kinds(verdicts)).toEqual(new Set(['spike']));
    // The same site had each flood day recorded only its baseline: every later baseline alike.
    const quiet = series.map((n, day) => (verdicts[day].kind ? verdicts[day].median! : n));
    expect(judgeAll(quiet).map((v) => v.median)).toEqual(verdicts.map((v) => v.median));
    // Had the flood days weighed even 200, most of day 205's baseline days (101–190) would be
    // 200, and so would its baseline.
    expect(verdicts[205].median).toBe(100);
    expect(judgeAll(series.map((n) => Math.min(n, 200)))[205].median).toBe(200);
  });

  it('does not learn a level inflated on alternate days: the baseline takes most of its window', () => {
    const settings = { ...SETTINGS, floor: 1000 };
    const series = Array.from({ length: 120 + 730 }, (_, day) =>
      day >= 120 && day % 2 === 0 ? 4999 : 1000
    );
    const verdicts = judgeAll(series, settings);
    expect(Math.max(...verdicts.slice(120).map((v) => v.median!))).toBe(1000);
    // From the second four weeks on, every inflated day is flagged and counted at 3 × 1000.
    for (let day = 120 + 28; day < series.length; day += 2)
      expect(verdicts[day]).toEqual({ median: 1000, flaggedAbove: 3000, kind: 'ramp' });
  });

  it('judges a young site from its eighth day, its lag shrunk to leave a week of baseline', () => {
    const verdicts = judgeAll([...flat(7, 100), 600, ...flat(3, 100), 600]);
    expect(verdicts.slice(0, 7).every((v) => v.median === null)).toBe(true);
    expect(verdicts[7]).toEqual({ median: 100, flaggedAbove: 500, kind: 'spike' });
    // Eleven days of history: a lag of 4, the baseline days 0–6.
    expect(verdicts[11]).toEqual({ median: 100, flaggedAbove: 500, kind: 'spike' });
  });

  it('flags inflation on 13 days of every 28, just under the spike threshold, without lifting the baseline', () => {
    // A site of 1000 a day, then for a year 4999 on 13 days of every four weeks (every other day
    // but one): a mean of 2.86 ×, which a median of the recent days never saw.
    const settings = { ...SETTINGS, floor: 1000 };
    const inflated = (day: number) => day >= 120 && (day - 120) % 28 < 26 && day % 2 === 0;
    const series = Array.from({ length: 120 + 365 }, (_, day) => (inflated(day) ? 4999 : 1000));
    const verdicts = judgeAll(series, settings);
    expect(kinds(verdicts)).toEqual(new Set(['ramp']));
    const days = flagged(verdicts);
    // Only inflated days, all of them from the second four weeks on, each counted at 3 × 1000.
    expect(days.every(inflated)).toBe(true);
    for (let day = 120 + 28; day < series.length; day++) {
      if (inflated(day))
        expect(verdicts[day]).toEqual({ median: 1000, flaggedAbove: 3000, kind: 'ramp' });
    }
    expect(Math.max(...verdicts.slice(120).map((v) => v.median!))).toBe(1000);
  });

  it('never flags a site that varies by weekday, with a genuine peak every month', () => {
    // Weekends at 40% of weekdays; one day in 30 at 4 × (a notice everyone reads).
    const series = Array.from({ length: 400 }, (_, day) =>
      day % 30 === 17 ? 4000 : day % 7 >= 5 ? 400 : 1000
    );
    const verdicts = judgeAll(series);
    expect(flagged(verdicts)).toEqual([]);
    expect(verdicts.at(-1)!.median).toBe(1000);
  });

  it('leaves a small site under the floor alone whatever its growth', () => {
    const verdicts = judgeAll([...flat(120, 5), ...flat(100, 45)]);
    expect(flagged(verdicts)).toEqual([]);
  });
});
