import type { ColumnState } from '../../../../shared/contracts/oversight';
import { judgeSite, worst } from '../rules';
import type { VetoThresholds } from '../../../../shared/contracts/oversight';

const T: VetoThresholds = {
  homePageDays: 14,
  staleColumns: 5,
  longIdleDays: 365,
  longIdleColumns: 10,
  emptyColumns: 5,
  warnDays: 3,
};

const column = (idleDays: number | null, staleAfterDays: number | null = 14): ColumnState => ({
  name: `c${Math.random()}`,
  kind: staleAfterDays === null ? 'static' : 'news',
  staleAfterDays,
  lastPublishedAt: null,
  idleDays,
  published: idleDays === null ? 0 : 1,
  stale: idleDays !== null && staleAfterDays !== null && idleDays >= staleAfterDays,
  empty: idleDays === null,
});

const rule = (name: string, facts: Parameters<typeof judgeSite>[0]) =>
  judgeSite(facts, T).find((v) => v.rule === name)!;
const none = {
  homePageIdleDays: 0,
  columns: [],
  unanswered: null,
  findings: { seriousWording: 0, personalData: 0 },
};

describe('the home-page rule (14 days)', () => {
  it.each([
    [10, 'ok', 4],
    [11, 'warning', 3],
    [13, 'warning', 1],
    [14, 'tripped', 0],
    [15, 'tripped', 0],
  ])('after %i idle days: %s, %i days left', (idle, status, daysLeft) => {
    expect(rule('homePage', { ...none, homePageIdleDays: idle })).toMatchObject({
      status,
      daysLeft,
      value: idle,
      threshold: 14,
    });
  });

  it('trips for a site that never published', () => {
    expect(rule('homePage', { ...none, homePageIdleDays: null }).status).toBe('tripped');
  });
});

describe('the stale-columns rule (5 columns past their rule)', () => {
  it('counts down to the day the fifth column goes stale', () => {
    // Four stale, the others 13, 12 and 2 days idle: the fifth goes stale in 1 day.
    const columns = [
      column(20),
      column(30),
      column(40),
      column(200),
      column(13),
      column(12),
      column(2),
    ];
    expect(rule('staleColumns', { ...none, columns })).toMatchObject({
      status: 'warning',
      value: 4,
      daysLeft: 1,
    });
    expect(
      rule('staleColumns', { ...none, columns: [...columns.slice(0, 4), column(14)] })
    ).toMatchObject({ status: 'tripped', value: 5, daysLeft: 0 });
    expect(rule('staleColumns', { ...none, columns: [column(20), column(1)] })).toMatchObject({
      status: 'ok',
      value: 1,
      daysLeft: null,
    });
  });

  it('leaves static and empty columns out', () => {
    const columns = [column(900, null), column(900, null), column(null), column(null), column(15)];
    expect(rule('staleColumns', { ...none, columns })).toMatchObject({ value: 1, status: 'ok' });
  });
});

describe('the empty-columns rule (5 columns with nothing)', () => {
  it.each([
    [3, 'ok'],
    [4, 'warning'],
    [5, 'tripped'],
  ])('%i empty columns: %s', (n, status) => {
    expect(
      rule('emptyColumns', { ...none, columns: Array.from({ length: n }, () => column(null)) })
    ).toMatchObject({ value: n, status, daysLeft: n >= 5 ? 0 : null });
  });
});

describe('the unanswered-message rule (3 months)', () => {
  it.each([
    [88, 'warning', 2],
    [89, 'warning', 1],
    [90, 'tripped', 0],
    [91, 'tripped', 0],
    [60, 'ok', 30],
  ])('after %i days of 90: %s', (ageDays, status, daysLeft) => {
    expect(
      rule('unansweredMessage', { ...none, unanswered: { ageDays, limitDays: 90 } })
    ).toMatchObject({ status, daysLeft, value: ageDays, threshold: 90 });
  });

  it('is quiet without a waiting message', () => {
    expect(rule('unansweredMessage', none)).toMatchObject({
      status: 'ok',
      value: null,
      daysLeft: null,
      threshold: null,
    });
  });
});

describe('the long-idle rule (10 updatable columns idle a year)', () => {
  it('trips at the tenth', () => {
    const idle = Array.from({ length: 9 }, () => column(400));
    expect(rule('longIdleColumns', { ...none, columns: [...idle, column(363)] })).toMatchObject({
      status: 'warning',
      value: 9,
      daysLeft: 2,
    });
    expect(rule('longIdleColumns', { ...none, columns: [...idle, column(365)] })).toMatchObject({
      status: 'tripped',
      value: 10,
    });
  });
});

describe('the content inspection rules', () => {
  it.each(['seriousWording', 'personalData'] as const)(
    '%s: one open serious finding trips it, whatever the time; none is ok',
    (name) => {
      expect(rule(name, none)).toMatchObject({ status: 'ok', value: 0, daysLeft: null });
      expect(rule(name, { ...none, findings: { ...none.findings, [name]: 2 } })).toMatchObject({
        status: 'tripped',
        value: 2,
        threshold: 1,
        daysLeft: 0,
      });
      const other = name === 'personalData' ? 'seriousWording' : 'personalData';
      expect(rule(name, { ...none, findings: { ...none.findings, [other]: 3 } }).status).toBe('ok');
    }
  );
});

it('takes the worst rule as the site status', () => {
  expect(worst(judgeSite({ ...none, homePageIdleDays: 2 }, T))).toBe('ok');
  expect(worst(judgeSite({ ...none, homePageIdleDays: 12 }, T))).toBe('warning');
  expect(
    worst(
      judgeSite({ ...none, homePageIdleDays: 2, unanswered: { ageDays: 95, limitDays: 92 } }, T)
    )
  ).toBe('tripped');
  expect(worst(judgeSite({ ...none, findings: { seriousWording: 0, personalData: 1 } }, T))).toBe(
    'tripped'
  );
});
