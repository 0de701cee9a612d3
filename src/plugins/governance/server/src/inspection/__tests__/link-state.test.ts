import { BROKEN_AFTER_MS, nextLinkState, type LinkState } from '../link-state';

const at = (hours: number) => new Date(Date.UTC(2026, 11, 1, 1, 10) + hours * 3600_000);
const fail = (hours: number) => ({ ok: false, checkedAt: at(hours) });
const pass = (hours: number) => ({ ok: true, checkedAt: at(hours) });

it('is failing after one failure, broken after a second at least a day (20 h) later', () => {
  const first = nextLinkState(null, fail(0));
  expect(first).toEqual({ health: 'failing', firstFailedAt: at(0) });
  // The same night again, or an hour later: still only failing.
  expect(nextLinkState(first, fail(1))).toEqual({ health: 'failing', firstFailedAt: at(0) });
  // The next night, a few minutes early: broken.
  const next = nextLinkState(first, fail(23.9));
  expect(next).toEqual({ health: 'broken', firstFailedAt: at(0) });
  expect(nextLinkState(next, fail(48)).health).toBe('broken');
  expect(BROKEN_AFTER_MS).toBe(20 * 3600_000);
});

it('starts counting again after a success', () => {
  let state: LinkState = nextLinkState(null, fail(0));
  state = nextLinkState(state, pass(12));
  expect(state).toEqual({ health: 'ok', firstFailedAt: null });
  state = nextLinkState(state, fail(24));
  expect(state).toEqual({ health: 'failing', firstFailedAt: at(24) });
  // A broken link that opens again is ok at once.
  expect(nextLinkState({ health: 'broken', firstFailedAt: at(0) }, pass(50)).health).toBe('ok');
});

it('is ok from the first success', () => {
  expect(nextLinkState(null, pass(0))).toEqual({ health: 'ok', firstFailedAt: null });
});
