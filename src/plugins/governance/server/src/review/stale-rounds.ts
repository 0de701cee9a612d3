import type { Core } from '@strapi/strapi';
import { runWithLease } from '../jobs/lease';
import { hashVersion } from './content-hash';
import { ARTICLE, PENDING, STATE, type Actor, type ReviewStore, type StateRow } from './store';

/** The lease of the start-up check of submitted rounds (voidStaleRoundsOnce). */
const STALE_ROUNDS_JOB = 'governance-review-stale-rounds';

type AfterDraftChange = (documentId: string, actor: Actor | null) => Promise<unknown>;

/** Rounds submitted under an earlier version of the content hash, restarted at start-up. */
export const staleRounds = (
  strapi: Core.Strapi,
  store: ReviewStore,
  afterDraftChange: AfterDraftChange
) => {
  /**
   * A round waiting for a decision whose draft no longer hashes to what was submitted is voided
   * and restarted, as an edit would do. This happens when the hash changed (it covers every
   * public field of the article since December 2026); left alone, such a round could only tell
   * its reviewers to reload, forever. Approved rounds are left as they are: the publish gate
   * refuses them and the editor submits the article again.
   */
  const voidStaleRounds = async (signal?: AbortSignal) => {
    const states = (await strapi.db.query(STATE).findMany({
      where: { status: { $in: PENDING } },
      select: ['articleDocumentId', 'contentHash'],
    })) as Array<Pick<StateRow, 'articleDocumentId' | 'contentHash'>>;
    let voided = 0;
    for (const state of states) {
      signal?.throwIfAborted();
      const draft = await store.draftOf(state.articleDocumentId);
      if (draft && state.contentHash !== (await store.contentHash(draft))) {
        await afterDraftChange(state.articleDocumentId, null);
        voided += 1;
      }
    }
    return voided;
  };

  /**
   * `voidStaleRounds` at start-up, once per hash version (content-hash.ts): only a change of
   * what the hash covers makes submitted rounds stale, so later starts skip it, reading no
   * round. Several instances starting together run it once, under a lease; the version is
   * stored only when it finished, so a failed run is retried at a later start.
   */
  const voidStaleRoundsOnce = async () => {
    const versionStore = strapi.store({ type: 'plugin', name: 'governance', key: 'review-hash' });
    const version = hashVersion(strapi.getModel(ARTICLE), store.components);
    if (((await versionStore.get({})) as { version?: string } | null)?.version === version)
      return 0;
    let voided = 0;
    await runWithLease(strapi, STALE_ROUNDS_JOB, 5 * 60 * 1000, async (signal) => {
      voided = await voidStaleRounds(signal);
      await versionStore.set({ value: { version } });
      return `restarted ${voided} rounds`;
    });
    return voided;
  };

  return { voidStaleRounds, voidStaleRoundsOnce };
};
