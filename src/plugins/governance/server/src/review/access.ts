import type { Core } from '@strapi/strapi';
import type { Capacity } from '../../../shared/contracts/sites';
import { type SiteScope } from '../sites/scope';
import { SITE_MEMBERSHIP } from '../uids';
import { forbidden } from '../utils/forbidden';
import { personName } from '../utils/person-name';
import { ERRORS } from './messages';
import {
  DECISION,
  PENDING,
  type Actor,
  type DraftRow,
  type ReviewStore,
  type StateRow,
  USER_FIELDS,
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

  /** Whether `user` takes any step of the chain for the site: someone told why not this one. */
  const reviewsFor = async (user: Actor, siteId: number, chain: Capacity[]) =>
    chain.length > 0 &&
    (await strapi.db.query(SITE_MEMBERSHIP).count({
      where: { user: { id: user.id }, site: { id: siteId }, capacity: { $in: chain } },
    })) > 0;

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

  /**
   * Who may take the step the round waits at, by full name: the site's active members in that
   * step's capacity, less the article's authors and submitter and whoever took another step of
   * this round. The same rule as `reasonNotToDecide`, for everyone at once.
   */
  const mayTakeStep = async (draft: DraftRow, state: StateRow | null): Promise<string[]> => {
    if (!state || !PENDING.includes(state.status) || !state.currentCapacity || !state.site)
      return [];
    const [members, approvals] = await Promise.all([
      strapi.db.query(SITE_MEMBERSHIP).findMany({
        where: { site: { id: state.site.id }, capacity: state.currentCapacity },
        populate: { user: { select: [...USER_FIELDS, 'isActive', 'blocked'] } },
      }) as Promise<Array<{ user: (Actor & { isActive?: boolean; blocked?: boolean }) | null }>>,
      strapi.db.query(DECISION).findMany({
        where: {
          articleDocumentId: state.articleDocumentId,
          round: state.round,
          action: 'approve',
        },
        populate: { actor: { select: ['id'] } },
      }) as Promise<Array<{ actor: { id: number } | null }>>,
    ]);
    const tookAStep = new Set(approvals.map((decision) => decision.actor?.id));
    const names = members
      .map((member) => member.user)
      .filter(
        (user): user is Actor & { isActive?: boolean; blocked?: boolean } =>
          user !== null &&
          user.isActive !== false &&
          !user.blocked &&
          !isOwn(user, draft, state) &&
          !tookAStep.has(user.id)
      )
      .map(personName);
    return [...new Set(names)].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
  };

  /** The draft and the round waiting on `user`, or a refusal saying why they may not decide. */
  const awaitingDecisionBy = async (documentId: string, user: Actor, scope: SiteScope) => {
    const draft = await store.visibleDraft(documentId, scope);
    const state = await store.stateOf(documentId);
    const refusal = await reasonNotToDecide(user, draft, state);
    if (refusal) throw forbidden(refusal);
    return { draft, state: state! };
  };

  return { mayWrite, reviewsFor, reasonNotToDecide, mayTakeStep, awaitingDecisionBy };
};

export type ReviewAccess = ReturnType<typeof reviewAccess>;
