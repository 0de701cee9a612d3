import type { Core } from '@strapi/strapi';
import type { Capacity } from '../../../shared/contracts/sites';
import { type SiteScope } from '../sites/scope';
import { SITE_MEMBERSHIP } from '../uids';
import { forbidden } from '../utils/forbidden';
import { ERRORS } from './messages';
import {
  DECISION,
  PENDING,
  type Actor,
  type DraftRow,
  type ReviewStore,
  type StateRow,
} from './store';

/**
 * Who may do what to one article's review. The lists (queue.ts) ask the same of many articles
 * at once in SQL (waiting-for.ts); the queue test holds the two to the same answers.
 */
export const reviewAccess = (strapi: Core.Strapi, store: ReviewStore) => {
  const holds = async (user: Actor, siteId: number, capacity: Capacity) =>
    Boolean(
      await strapi.db
        .query(SITE_MEMBERSHIP)
        .findOne({ where: { user: { id: user.id }, site: { id: siteId }, capacity } })
    );

  /** Submitting and withdrawing are an editor's acts on their site, or the province's on any. */
  const mayWrite = async (user: Actor, scope: SiteScope, draft: DraftRow) =>
    scope.all || (draft.site !== null && (await holds(user, draft.site.id, 'editor')));

  /** Whoever wrote any of the reviewed content, or submitted it, never reviews it. */
  const isOwn = (user: Actor, draft: DraftRow, state: StateRow | null) =>
    [state?.submittedBy?.id, draft.createdBy?.id, draft.updatedBy?.id].includes(user.id) ||
    Boolean(state?.contributors?.includes(user.id));

  const approvedThisRound = async (user: Actor, state: StateRow) =>
    (await strapi.db.query(DECISION).count({
      where: {
        articleDocumentId: state.articleDocumentId,
        round: state.round,
        action: 'approve',
        actor: { id: user.id },
      },
    })) > 0;

  /** Why `user` may not decide on the step waited on, or null when they may. */
  const reasonNotToDecide = async (
    user: Actor,
    draft: DraftRow,
    state: StateRow | null
  ): Promise<string | null> => {
    if (!state || !PENDING.includes(state.status) || !state.currentCapacity || !state.site)
      return ERRORS.notWaiting;
    if (!(await holds(user, state.site.id, state.currentCapacity)))
      return ERRORS.notYourStep(state.currentCapacity);
    if (isOwn(user, draft, state)) return ERRORS.ownArticle;
    if (await approvedThisRound(user, state)) return ERRORS.secondStep;
    return null;
  };

  /** The draft and the round waiting on `user`, or a refusal saying why they may not decide. */
  const awaitingDecisionBy = async (documentId: string, user: Actor, scope: SiteScope) => {
    const draft = await store.visibleDraft(documentId, scope);
    const state = await store.stateOf(documentId);
    const refusal = await reasonNotToDecide(user, draft, state);
    if (refusal) throw forbidden(refusal);
    return { draft, state: state! };
  };

  return { mayWrite, reasonNotToDecide, awaitingDecisionBy };
};

export type ReviewAccess = ReturnType<typeof reviewAccess>;
