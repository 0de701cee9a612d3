import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Checklist, WordHit } from '../../../shared/contracts/review';
import { CHECKLIST_ITEMS } from '../../../shared/contracts/review';
import { MEDIA_ERRORS } from '../media/messages';
import { siteScope } from '../sites/scope';
import { forbidden } from '../utils/forbidden';
import { getService } from '../utils/get-service';
import type { ReviewAccess } from './access';
import { chainFor, STEP_NAMES } from './chain';
import { fileRef } from './content-hash';
import { ERRORS, STATUS_NAMES, VOID_NOTE } from './messages';
import { notifyAuthor, notifyNextStep } from './notify';
import { attachmentsOf, linkedFilePaths, linkedFilesOf } from './attachment-scan';
import type { Scan } from './word-scan';
import {
  PENDING,
  STATE,
  type Actor,
  type DraftRow,
  type ReviewStore,
  type StateRow,
} from './store';

/** What the acts work with: the rows, who may do what, and the word check. */
interface Deps {
  strapi: Core.Strapi;
  store: ReviewStore;
  access: ReviewAccess;
  scan: Scan;
}

type Notify = (send: () => Promise<void>) => void;

/**
 * Runs `work` in one transaction (joining the caller's, if any); what it passes to `notify` is
 * sent once everything commits, so a rolled-back act notifies nobody and a failed e-mail undoes
 * nothing.
 */
const act = <T>(strapi: Core.Strapi, work: (notify: Notify) => Promise<T>): Promise<T> =>
  strapi.db.transaction(({ onCommit }) =>
    work((send) =>
      onCommit(
        () =>
          void send().catch((error) =>
            strapi.log.warn(`governance: review notification failed: ${error.message}`)
          )
      )
    )
  ) as Promise<T>;

/** Starts a review round for the draft as it is now: state, mirror and decision record. */
const startRound = async (
  { strapi, store }: Deps,
  draft: DraftRow,
  state: StateRow | null,
  actor: Actor | null,
  hits: WordHit[]
) => {
  const chain = chainFor(store.config().review, draft.site!.level);
  const now = new Date();
  const round = (state?.round ?? 0) + 1;
  const hash = await store.contentHash(draft);
  const data = {
    site: draft.site!.id,
    status: 'submitted',
    round,
    chain,
    step: 0,
    currentCapacity: chain[0],
    contentHash: hash,
    draftHash: hash,
    submittedBy: actor?.id ?? state?.submittedBy?.id ?? null,
    submittedAt: now,
    waitingSince: now,
    lastReason: null,
  };
  if (state) await store.transition(state, data);
  else
    await strapi.db.query(STATE).create({ data: { articleDocumentId: draft.documentId, ...data } });
  await store.mirror(draft.documentId, 'submitted');
  await store.record(draft, { action: 'submit', round, actor, contentHash: hash, wordHits: hits });
  return { chain, round };
};

/** Takes a round that ended without approval out of review. */
const close = async (
  store: ReviewStore,
  state: StateRow,
  status: 'rejected' | 'withdrawn' | 'draft',
  extra: Record<string, unknown> = {}
) => {
  await store.transition(state, {
    status,
    step: null,
    currentCapacity: null,
    waitingSince: null,
    ...extra,
  });
  await store.mirror(state.articleDocumentId, status);
};

/**
 * Which files the attachments are, in order, and which the body links to: what the attachment
 * check's result holds for.
 */
const attachmentFiles = (draft: DraftRow) =>
  JSON.stringify([
    attachmentsOf(draft).map((attachment) => fileRef(attachment.file)),
    linkedFilePaths((draft as { body?: unknown }).body),
  ]);

/**
 * Refuses a submission with a forbidden word, a serious wording error, unmasked personal data
 * (身份证号码) or a link to a denied host.
 */
const refuseBlocking = (hits: WordHit[]) => {
  const blocking = hits.filter((hit) => hit.level === 'forbidden');
  if (blocking.length === 0) return;
  const named = (kind: 'word' | 'wording' | 'personalData' | 'deniedLink') => [
    ...new Set(
      blocking
        .filter((hit) => (hit.kind ?? 'word') === kind)
        .map((hit) => (kind === 'wording' ? `“${hit.word}”应为：${hit.suggestion}` : hit.word))
    ),
  ];
  throw new errors.ValidationError(
    ERRORS.blockingHits(
      named('word'),
      named('personalData'),
      named('wording'),
      named('deniedLink')
    ),
    { wordHits: hits }
  );
};

/**
 * 送审: starts a round unless a forbidden word or unmasked personal data is found, in the draft or
 * in its attachments' text; other hits go with the submission.
 */
const submit = (deps: Deps) => async (documentId: string, user: Actor) => {
  const { strapi, store, access, scan } = deps;
  const scope = await siteScope(strapi, user);
  // The attachments, and the files the body links to, are read before the transaction: seconds
  // for a long PDF, which no transaction may wait (on SQLite every other write would).
  const read = await store.visibleDraft(documentId, scope);
  const [linked] = await linkedFilesOf(strapi, [read]);
  const attachmentHits = await scan.attachments([...attachmentsOf(read), ...linked]);
  return act(strapi, async (notify) => {
    const draft = await store.visibleDraft(documentId, scope);
    if (!draft.site) throw new errors.ValidationError(ERRORS.noSite);
    if (!(await access.mayWrite(user, scope, draft))) throw forbidden(ERRORS.notEditor);
    const state = await store.stateOf(documentId);
    const status = state?.status ?? draft.reviewStatus ?? 'draft';
    if (PENDING.includes(status) || (await store.approvedAsIs(draft, state))) {
      throw new errors.ApplicationError(ERRORS.cannotSubmit(STATUS_NAMES[status]));
    }
    const problems = await getService(strapi, 'articleMedia').submissionProblems(documentId);
    if (problems.length > 0)
      throw new errors.ValidationError(MEDIA_ERRORS.cannotSubmit(problems), { problems });
    if (attachmentFiles(draft) !== attachmentFiles(read))
      throw new errors.ApplicationError(ERRORS.attachmentsChanged);
    const hits = [...(await scan.draft(draft)), ...attachmentHits];
    refuseBlocking(hits);
    const { chain } = await startRound(deps, draft, state, user, hits);
    notify(() => notifyNextStep(strapi, draft, chain[0]));
    return { status: 'submitted' as const, wordHits: hits };
  });
};

/** 撤回: the submitter (or an editor of the site) takes the article out of review. */
const withdraw =
  ({ strapi, store, access }: Deps) =>
  async (documentId: string, user: Actor) => {
    const scope = await siteScope(strapi, user);
    return act(strapi, async () => {
      const draft = await store.visibleDraft(documentId, scope);
      const state = await store.stateOf(documentId);
      if (!state || !(PENDING.includes(state.status) || state.status === 'approved')) {
        throw new errors.ApplicationError(ERRORS.cannotWithdraw);
      }
      if (state.submittedBy?.id !== user.id && !(await access.mayWrite(user, scope, draft)))
        throw forbidden(ERRORS.notSubmitter);
      await close(store, state, 'withdrawn');
      await store.record(draft, { action: 'withdraw', round: state.round, actor: user });
      return { status: 'withdrawn' as const };
    });
  };

/**
 * 通过: the step waited on, by a member of the article's site in that step's capacity, for
 * exactly the content they saw (`seenHash`), with the confidentiality checklist confirmed.
 */
const approve =
  ({ strapi, store, access }: Deps) =>
  async (
    documentId: string,
    user: Actor,
    input: { seenHash: string; checklist: Checklist; comment?: string }
  ) => {
    const scope = await siteScope(strapi, user);
    return act(strapi, async (notify) => {
      const { draft, state } = await access.awaitingDecisionBy(documentId, user, scope);
      const current = await store.contentHash(draft);
      if (input.seenHash !== current || state.contentHash !== current)
        throw new errors.ApplicationError(ERRORS.staleContent);
      if (!CHECKLIST_ITEMS.every((item) => input.checklist[item] === true))
        throw new errors.ValidationError(ERRORS.checklist);

      const chain = state.chain ?? [];
      const step = state.step!;
      if (step >= chain.length) throw new errors.ApplicationError(ERRORS.notWaiting);
      const last = step + 1 >= chain.length;
      await store.transition(
        state,
        last
          ? { status: 'approved', step: null, currentCapacity: null, waitingSince: null }
          : {
              status: 'in_review',
              step: step + 1,
              currentCapacity: chain[step + 1],
              waitingSince: new Date(),
            }
      );
      await store.mirror(documentId, last ? 'approved' : 'in_review');
      const comment = input.comment?.trim() || null;
      const capacity = chain[step];
      await store.record(draft, {
        action: 'approve',
        round: state.round,
        actor: user,
        step,
        capacity,
        comment,
        checklist: input.checklist,
        contentHash: current,
      });
      await getService(strapi, 'audit').record('review.approve', {
        subject: `article ${documentId}`,
        summary: `${STEP_NAMES[capacity]}通过《${draft.title}》${last ? '，可以发布' : ''}`,
        details: { step, capacity, contentHash: current, comment },
        actor: user,
      });
      notify(() =>
        last
          ? notifyAuthor(strapi, draft, state.submittedBy, 'approved')
          : notifyNextStep(strapi, draft, chain[step + 1])
      );
      return { status: last ? ('approved' as const) : ('in_review' as const) };
    });
  };

/** 退回: at any step, with the reason the author reads. */
const reject =
  ({ strapi, store, access }: Deps) =>
  async (documentId: string, user: Actor, input: { reason: string }) => {
    const scope = await siteScope(strapi, user);
    return act(strapi, async (notify) => {
      const { draft, state } = await access.awaitingDecisionBy(documentId, user, scope);
      const reason = input.reason.trim();
      await close(store, state, 'rejected', { lastReason: reason });
      await store.record(draft, {
        action: 'reject',
        round: state.round,
        actor: user,
        step: state.step,
        capacity: state.currentCapacity,
        reason,
        contentHash: await store.contentHash(draft),
      });
      await getService(strapi, 'audit').record('review.reject', {
        subject: `article ${documentId}`,
        summary: `退回《${draft.title}》${state.currentCapacity ? `（${STEP_NAMES[state.currentCapacity]}）` : ''}，理由：${reason}`,
        details: { step: state.step, capacity: state.currentCapacity },
        actor: user,
      });
      notify(() => notifyAuthor(strapi, draft, state.submittedBy, 'rejected', reason));
      return { status: 'rejected' as const };
    });
  };

/** The first write of an article the workflow has not seen: its state starts as a draft. */
const firstDraftState = async (
  { strapi, store }: Deps,
  draft: DraftRow,
  hash: string,
  actor: Actor | null
) => {
  await strapi.db.query(STATE).create({
    data: {
      articleDocumentId: draft.documentId,
      site: draft.site?.id ?? null,
      status: 'draft',
      round: 0,
      draftHash: hash,
      contributors: actor ? [actor.id] : [],
    },
  });
  // Articles published before the workflow existed are marked approved; an edit ends that.
  if (draft.reviewStatus !== 'draft') await store.mirror(draft.documentId, 'draft');
};

/** Remembers the draft's hash and, when they changed reviewed content, its editor. */
const noteEdit = (strapi: Core.Strapi, state: StateRow, hash: string, actor: Actor | null) => {
  const contributors = state.contributors ?? [];
  return strapi.db.query(STATE).update({
    where: { id: state.id },
    data: {
      draftHash: hash,
      contributors:
        actor && !contributors.includes(actor.id) ? [...contributors, actor.id] : contributors,
    },
  });
};

/**
 * After any write to the draft (called by the gate inside the write's transaction). Whoever
 * changes reviewed content is remembered (they may never review it). A change while the article
 * is in review or approved voids that review: the article goes back to step 1, or to draft when
 * the edit brought in a forbidden word or only discarded unpublished changes.
 */
const afterDraftChange =
  (deps: Deps) =>
  (documentId: string, actor: Actor | null, { discarded = false } = {}) =>
    act(deps.strapi, async (notify) => {
      const { strapi, store, scan } = deps;
      const draft = await store.draftOf(documentId);
      if (!draft) return;
      const hash = await store.contentHash(draft);
      const state = await store.stateOf(documentId);
      if (!state) return firstDraftState(deps, draft, hash, actor);
      const reviewed = PENDING.includes(state.status) || state.status === 'approved';
      // Unchanged since the last write, unless the review itself was of other content (a hash
      // from before the hash covered every public field: see voidStaleRounds).
      if (state.draftHash === hash && (!reviewed || state.contentHash === hash)) return;
      await noteEdit(strapi, state, hash, actor);

      if (!reviewed || state.contentHash === hash) return;
      await store.record(draft, {
        action: 'void',
        round: state.round,
        actor,
        contentHash: hash,
        comment: VOID_NOTE,
      });
      const hits = await scan.draft(draft);
      // Attachments are checked at submission only (outside any transaction): an article that
      // has them goes back to its author to be submitted again.
      if (
        discarded ||
        !draft.site ||
        attachmentsOf(draft).length > 0 ||
        hits.some((hit) => hit.level === 'forbidden')
      ) {
        await close(store, state, 'draft', { contentHash: null });
        return;
      }
      const { chain } = await startRound(deps, draft, state, actor, hits);
      notify(() => notifyNextStep(strapi, draft, chain[0]));
    });

/**
 * The acts of the review: submission with the sensitive-word check, approval step by step along
 * the site level's chain, rejection with a reason, withdrawal, and voiding on edit. Every act is
 * one transaction that also writes its decision record.
 */
export const reviewTransitions = (deps: Deps) => ({
  submit: submit(deps),
  withdraw: withdraw(deps),
  approve: approve(deps),
  reject: reject(deps),
  afterDraftChange: afterDraftChange(deps),
});
