/**
 * When a link counts as broken (链接不可用): one failure may be a server's bad minute, so a link
 * is broken only when it failed twice at least a day apart with no success between; until then
 * it is failing. "A day" is 20 hours, so that two nightly runs a few minutes early or late count.
 */
import type { LinkVerdict } from './link-checker';

export const BROKEN_AFTER_MS = 20 * 60 * 60 * 1000;

export type LinkHealth = 'ok' | 'failing' | 'broken';

export interface LinkState {
  health: LinkHealth;
  /** The first failure of the failures since the last success; null while it opens. */
  firstFailedAt: Date | null;
}

/** The link's state after `verdict`, from what it was (null: never checked). */
export const nextLinkState = (
  previous: LinkState | null,
  verdict: Pick<LinkVerdict, 'ok' | 'checkedAt'>
): LinkState => {
  if (verdict.ok) return { health: 'ok', firstFailedAt: null };
  const since = previous?.health === 'ok' ? null : (previous?.firstFailedAt ?? null);
  if (!since) return { health: 'failing', firstFailedAt: verdict.checkedAt };
  return {
    health: verdict.checkedAt.getTime() - since.getTime() >= BROKEN_AFTER_MS ? 'broken' : 'failing',
    firstFailedAt: since,
  };
};
