import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  ArticleReview,
  Checklist,
  Decision,
  QueueItem,
  ReviewCount,
  ReviewStatus,
  StepCapacity,
  WordHit,
} from '../../../shared/contracts/review';
import { CHECKLIST_ITEMS } from '../../../shared/contracts/review';
import type { Capacity } from '../../../shared/contracts/sites';
import type { GovernanceConfig } from '../config';
import { siteScope, type SiteScope } from '../sites/scope';
import { SITE_MEMBERSHIP as MEMBERSHIP } from '../uids';
import type { AdminUser } from '../utils/document-middleware';
import { forbidden } from '../utils/forbidden';
import { runWithLease } from '../jobs/lease';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { chainFor, STEP_NAMES, type Level } from './chain';
import {
  contentHash as hashContent,
  hashVersion,
  reviewedPopulate,
  type ComponentSchemas,
} from './content-hash';
import { ERRORS, STATUS_NAMES } from './messages';
import { notifyAuthor, notifyNextStep } from './notify';
import { createWordScanner, reviewedTexts, type SensitiveWord } from './sensitive-words';

export const ARTICLE = 'api::article.article';
export const STATE = 'plugin::governance.review-state';
export const DECISION = 'plugin::governance.review-decision';
export const WORD = 'plugin::governance.sensitive-word';

/** The lease of the start-up check of submitted rounds (voidStaleRoundsOnce). */
const STALE_ROUNDS_JOB = 'governance-review-stale-rounds';

/** A round waiting for a decision. */
const PENDING: ReviewStatus[] = ['submitted', 'in_review'];

export type Actor = AdminUser;

interface SiteRef {
  id: number;
  documentId: string;
  name: string;
  code: string;
  level: Level;
}

/** An article row with what the review reads; every other reviewed attribute is hashed as loaded. */
interface DraftRow {
  id: number;
  documentId: string;
  title: string;
  summary: string | null;
  body: unknown;
  reviewStatus: ReviewStatus | null;
  site: SiteRef | null;
  createdBy: { id: number } | null;
  updatedBy: { id: number } | null;
  [attribute: string]: unknown;
}

interface StateRow {
  id: number;
  articleDocumentId: string;
  status: ReviewStatus;
  round: number;
  chain: StepCapacity[] | null;
  step: number | null;
  currentCapacity: StepCapacity | null;
  contentHash: string | null;
  draftHash: string | null;
  contributors: number[] | null;
  submittedAt: string | null;
  waitingSince: string | null;
  lastReason: string | null;
  site: SiteRef | null;
  submittedBy: (Actor & { id: number }) | null;
}

const SITE_FIELDS = ['id', 'documentId', 'name', 'code', 'level'];
const USER_FIELDS = ['id', 'firstname', 'lastname', 'email'];

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

/**
 * The review workflow (先审后发): submission with the sensitive-word check, approval step by step
 * along the site level's chain, rejection with a reason, withdrawal, and voiding on edit. Every
 * act is one transaction that also writes its decision record. The publish gate (gate.ts) asks
 * `assertPublishable` before anything goes online.
 */
const reviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;

  const components: ComponentSchemas = (uid) => strapi.getModel(uid as UID.Component);
  /** The hash of an article row's reviewed content, with the article's schema as it is now. */
  const contentHash = (row: unknown) => hashContent(strapi.getModel(ARTICLE), row, components);
  /** Loads every reviewed relation, file and component, and what the review itself reads. */
  const articlePopulate = () => ({
    ...reviewedPopulate(strapi.getModel(ARTICLE), components),
    site: { select: SITE_FIELDS },
    createdBy: { select: ['id'] },
    updatedBy: { select: ['id'] },
  });

  const draftOf = async (documentId: string): Promise<DraftRow | null> =>
    strapi.db
      .query(ARTICLE)
      .findOne({ where: { documentId, publishedAt: null }, populate: articlePopulate() });

  const stateOf = async (documentId: string): Promise<StateRow | null> =>
    strapi.db.query(STATE).findOne({
      where: { articleDocumentId: documentId },
      populate: { site: { select: SITE_FIELDS }, submittedBy: { select: USER_FIELDS } },
    });

  /** The draft of an article the caller may see; "not found" for other sites' articles. */
  const visibleDraft = async (documentId: string, scope: SiteScope) => {
    const draft = await draftOf(documentId);
    if (!draft || (!scope.all && !(draft.site && scope.siteIds.includes(draft.site.id)))) {
      throw new errors.NotFoundError(ERRORS.noSuchArticle(documentId));
    }
    return draft;
  };

  /**
   * The scanner for the word list as it is now. Building it costs far more than a scan (tens of
   * milliseconds for 10,000 words), so it is rebuilt only when the list changed — judged from
   * the database on each call, so every instance sees another's edits.
   */
  let built: { version: string; scanner: ReturnType<typeof createWordScanner> } | null = null;
  const currentScanner = async () => {
    const latest = await strapi.db
      .query(WORD)
      .findOne({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' } });
    const version = `${await strapi.db.query(WORD).count()}@${latest ? new Date(latest.updatedAt).getTime() : 0}`;
    if (built?.version !== version) {
      const words = (await strapi.db
        .query(WORD)
        .findMany({ select: ['word', 'level', 'suggestion'] })) as SensitiveWord[];
      built = { version, scanner: createWordScanner(words) };
    }
    return built.scanner;
  };

  /** Every text of the draft that reaches readers, with the fields the approval covers. */
  const scan = async (draft: unknown): Promise<WordHit[]> =>
    (await currentScanner())(reviewedTexts(strapi.getModel(ARTICLE), draft, components));

  /** The article rows carry the state too, so the Content Manager can list and filter by it. */
  const mirror = (documentId: string, status: ReviewStatus) =>
    strapi.db.query(ARTICLE).updateMany({ where: { documentId }, data: { reviewStatus: status } });

  const record = (
    draft: Pick<DraftRow, 'documentId' | 'title' | 'site'>,
    entry: {
      action: Decision['action'];
      round: number;
      actor: Actor | null;
      step?: number | null;
      capacity?: StepCapacity | null;
      comment?: string | null;
      reason?: string | null;
      checklist?: Checklist | null;
      contentHash?: string | null;
      wordHits?: WordHit[] | null;
    }
  ) =>
    strapi.db.query(DECISION).create({
      data: {
        articleDocumentId: draft.documentId,
        articleTitle: draft.title,
        site: draft.site?.id ?? null,
        action: entry.action,
        round: entry.round,
        step: entry.step ?? null,
        capacity: entry.capacity ?? null,
        actor: entry.actor?.id ?? null,
        // Kept as written at the time: the record outlives renamed or deleted accounts.
        actorName: personName(entry.actor),
        comment: entry.comment ?? null,
        reason: entry.reason ?? null,
        checklist: entry.checklist ?? null,
        contentHash: entry.contentHash ?? null,
        wordHits: entry.wordHits && entry.wordHits.length > 0 ? entry.wordHits : null,
      },
    });

  /**
   * Moves a state from what the caller saw to what it decided, or fails if someone acted first.
   * The guarded updateMany writes columns only (the query engine skips relations there), so the
   * relations follow in a plain update, in the same transaction.
   */
  const transition = async (state: StateRow, data: Record<string, unknown>) => {
    const { site, submittedBy, ...columns } = data;
    const { count } = await strapi.db.query(STATE).updateMany({
      where: { id: state.id, status: state.status, round: state.round, step: state.step },
      data: columns,
    });
    if (count !== 1) throw new errors.ApplicationError(ERRORS.concurrent);
    const relations = Object.fromEntries(
      Object.entries({ site, submittedBy }).filter(([, value]) => value !== undefined)
    );
    if (Object.keys(relations).length > 0)
      await strapi.db.query(STATE).update({ where: { id: state.id }, data: relations });
  };

  const holds = async (user: Actor, siteId: number, capacity: Capacity) =>
    Boolean(
      await strapi.db
        .query(MEMBERSHIP)
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
    const draft = await visibleDraft(documentId, scope);
    const state = await stateOf(documentId);
    const refusal = await reasonNotToDecide(user, draft, state);
    if (refusal) throw forbidden(refusal);
    return { draft, state: state! };
  };

  /** Starts a review round for the draft as it is now: state, mirror and decision record. */
  const startRound = async (
    draft: DraftRow,
    state: StateRow | null,
    actor: Actor | null,
    hits: WordHit[]
  ) => {
    const chain = chainFor(config().review, draft.site!.level);
    const now = new Date();
    const round = (state?.round ?? 0) + 1;
    const hash = contentHash(draft);
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
    if (state) await transition(state, data);
    else
      await strapi.db
        .query(STATE)
        .create({ data: { articleDocumentId: draft.documentId, ...data } });
    await mirror(draft.documentId, 'submitted');
    await record(draft, { action: 'submit', round, actor, contentHash: hash, wordHits: hits });
    return { chain, round };
  };

  /**
   * Runs `work` in one transaction (joining the caller's, if any); what it passes to `notify`
   * is sent once everything commits, so a rolled-back act notifies nobody and a failed e-mail
   * undoes nothing.
   */
  const act = <T>(work: (notify: (send: () => Promise<void>) => void) => Promise<T>): Promise<T> =>
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

  const service = {
    draftOf,
    scan,

    /** The article's review as the caller sees it: state, history and what they may do. */
    async describe(documentId: string, user: Actor): Promise<ArticleReview> {
      const scope = await siteScope(strapi, user);
      const draft = await visibleDraft(documentId, scope);
      const state = await stateOf(documentId);
      const status: ReviewStatus = state?.status ?? 'draft';
      const hash = contentHash(draft);
      const pending = PENDING.includes(status);
      const history = (await strapi.db.query(DECISION).findMany({
        where: { articleDocumentId: documentId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })) as Array<Record<string, unknown>>;

      const cannotDecide = pending
        ? await reasonNotToDecide(user, draft, state)
        : ERRORS.notWaiting;
      const writer = await mayWrite(user, scope, draft);
      const mayWithdraw = writer || state?.submittedBy?.id === user.id;
      const chain = state?.chain ?? (draft.site ? chainFor(config().review, draft.site.level) : []);

      return {
        documentId,
        title: draft.title,
        site: draft.site
          ? { documentId: draft.site.documentId, name: draft.site.name, level: draft.site.level }
          : null,
        status,
        chain,
        step: pending && state?.step !== null && state?.step !== undefined ? state.step + 1 : null,
        round: state?.round ?? 0,
        submittedBy: state?.submittedBy
          ? { id: state.submittedBy.id, name: personName(state.submittedBy) }
          : null,
        submittedAt: iso(state?.submittedAt),
        waitingSince: pending ? iso(state?.waitingSince) : null,
        contentHash: hash,
        upToDate: state?.contentHash === hash,
        publishable: status === 'approved' && state?.contentHash === hash,
        wordHits: await scan(draft),
        history: history.map((d): Decision => ({
          id: d.id as number,
          action: d.action as Decision['action'],
          round: d.round as number,
          step: typeof d.step === 'number' ? d.step + 1 : null,
          capacity: (d.capacity as StepCapacity) ?? null,
          actor: { id: null, name: (d.actorName as string) ?? '' },
          comment: (d.comment as string) ?? null,
          reason: (d.reason as string) ?? null,
          checklist: (d.checklist as Checklist) ?? null,
          contentHash: (d.contentHash as string) ?? null,
          wordHits: (d.wordHits as WordHit[]) ?? null,
          createdAt: iso(d.createdAt)!,
        })),
        can: {
          submit:
            writer &&
            !pending &&
            !(status === 'approved' && state?.contentHash === hash) &&
            draft.site !== null,
          withdraw: mayWithdraw && (pending || status === 'approved'),
          approve: pending && cannotDecide === null,
          reject: pending && cannotDecide === null,
        },
        cannotDecideReason: pending ? cannotDecide : null,
      };
    },

    /** 送审: starts a round unless a forbidden word is found; other hits go with the submission. */
    async submit(documentId: string, user: Actor) {
      const scope = await siteScope(strapi, user);
      return act(async (notify) => {
        const draft = await visibleDraft(documentId, scope);
        if (!draft.site) throw new errors.ValidationError(ERRORS.noSite);
        if (!(await mayWrite(user, scope, draft))) throw forbidden(ERRORS.notEditor);
        const state = await stateOf(documentId);
        const status = state?.status ?? 'draft';
        if (
          PENDING.includes(status) ||
          (status === 'approved' && state?.contentHash === contentHash(draft))
        ) {
          throw new errors.ApplicationError(ERRORS.cannotSubmit(STATUS_NAMES[status]));
        }
        const hits = await scan(draft);
        const blocking = hits.filter((hit) => hit.level === 'forbidden');
        if (blocking.length > 0) {
          throw new errors.ValidationError(
            ERRORS.forbiddenWords([...new Set(blocking.map((h) => h.word))]),
            { wordHits: hits }
          );
        }
        const { chain } = await startRound(draft, state, user, hits);
        notify(() => notifyNextStep(strapi, draft, chain[0]));
        return { status: 'submitted' as const, wordHits: hits };
      });
    },

    /** 撤回: the submitter (or an editor of the site) takes the article out of review. */
    async withdraw(documentId: string, user: Actor) {
      const scope = await siteScope(strapi, user);
      return act(async () => {
        const draft = await visibleDraft(documentId, scope);
        const state = await stateOf(documentId);
        if (!state || !(PENDING.includes(state.status) || state.status === 'approved')) {
          throw new errors.ApplicationError(ERRORS.cannotWithdraw);
        }
        if (state.submittedBy?.id !== user.id && !(await mayWrite(user, scope, draft)))
          throw forbidden(ERRORS.notSubmitter);
        await transition(state, {
          status: 'withdrawn',
          step: null,
          currentCapacity: null,
          waitingSince: null,
        });
        await mirror(documentId, 'withdrawn');
        await record(draft, { action: 'withdraw', round: state.round, actor: user });
        return { status: 'withdrawn' as const };
      });
    },

    /**
     * 通过: the step waited on, by a member of the article's site in that step's capacity, for
     * exactly the content they saw (`seenHash`), with the confidentiality checklist confirmed.
     */
    async approve(
      documentId: string,
      user: Actor,
      input: { seenHash: string; checklist: Checklist; comment?: string }
    ) {
      const scope = await siteScope(strapi, user);
      return act(async (notify) => {
        const { draft, state } = await awaitingDecisionBy(documentId, user, scope);
        const current = contentHash(draft);
        if (input.seenHash !== current || state.contentHash !== current)
          throw new errors.ApplicationError(ERRORS.staleContent);
        if (!CHECKLIST_ITEMS.every((item) => input.checklist[item] === true))
          throw new errors.ValidationError(ERRORS.checklist);

        const chain = state.chain ?? [];
        const step = state.step!;
        if (step >= chain.length) throw new errors.ApplicationError(ERRORS.notWaiting);
        const last = step + 1 >= chain.length;
        const now = new Date();
        await transition(
          state,
          last
            ? { status: 'approved', step: null, currentCapacity: null, waitingSince: null }
            : {
                status: 'in_review',
                step: step + 1,
                currentCapacity: chain[step + 1],
                waitingSince: now,
              }
        );
        await mirror(documentId, last ? 'approved' : 'in_review');
        await record(draft, {
          action: 'approve',
          round: state.round,
          actor: user,
          step,
          capacity: chain[step],
          comment: input.comment?.trim() || null,
          checklist: input.checklist,
          contentHash: current,
        });
        await getService(strapi, 'audit').record('review.approve', {
          subject: `article ${documentId}`,
          summary: `《${draft.title}》${STEP_NAMES[chain[step]]}通过${last ? '，可以发布' : ''}`,
          details: {
            step,
            capacity: chain[step],
            contentHash: current,
            comment: input.comment?.trim() || null,
          },
          actor: { id: user.id, name: personName(user) },
        });
        notify(() =>
          last
            ? notifyAuthor(strapi, draft, state.submittedBy, 'approved')
            : notifyNextStep(strapi, draft, chain[step + 1])
        );
        return { status: last ? ('approved' as const) : ('in_review' as const) };
      });
    },

    /** 退回: at any step, with the reason the author reads. */
    async reject(documentId: string, user: Actor, input: { reason: string }) {
      const scope = await siteScope(strapi, user);
      return act(async (notify) => {
        const { draft, state } = await awaitingDecisionBy(documentId, user, scope);
        const reason = input.reason.trim();
        await transition(state, {
          status: 'rejected',
          step: null,
          currentCapacity: null,
          waitingSince: null,
          lastReason: reason,
        });
        await mirror(documentId, 'rejected');
        await record(draft, {
          action: 'reject',
          round: state.round,
          actor: user,
          step: state.step,
          capacity: state.currentCapacity,
          reason,
          contentHash: contentHash(draft),
        });
        await getService(strapi, 'audit').record('review.reject', {
          subject: `article ${documentId}`,
          summary: `《${draft.title}》被退回：${reason}`,
          details: { step: state.step, capacity: state.currentCapacity },
          actor: { id: user.id, name: personName(user) },
        });
        notify(() => notifyAuthor(strapi, draft, state.submittedBy, 'rejected', reason));
        return { status: 'rejected' as const };
      });
    },

    /**
     * After any write to the draft (called by the gate inside the write's transaction). Whoever
     * changes reviewed content is remembered (they may never review it). A change while the
     * article is in review or approved voids that review: the article goes back to step 1, or to
     * draft when the edit brought in a forbidden word or only discarded unpublished changes.
     */
    afterDraftChange: (documentId: string, actor: Actor | null, { discarded = false } = {}) =>
      act(async (notify) => {
        const draft = await draftOf(documentId);
        if (!draft) return;
        const hash = contentHash(draft);
        const state = await stateOf(documentId);
        if (!state) {
          await strapi.db.query(STATE).create({
            data: {
              articleDocumentId: documentId,
              site: draft.site?.id ?? null,
              status: 'draft',
              round: 0,
              draftHash: hash,
              contributors: actor ? [actor.id] : [],
            },
          });
          // Articles published before the workflow existed are marked approved; an edit ends that.
          if (draft.reviewStatus !== 'draft') await mirror(documentId, 'draft');
          return;
        }
        const reviewed = PENDING.includes(state.status) || state.status === 'approved';
        // Unchanged since the last write, unless the review itself was of other content (a hash
        // from before the hash covered every public field: see voidStaleRounds).
        if (state.draftHash === hash && (!reviewed || state.contentHash === hash)) return;
        const contributors = state.contributors ?? [];
        await strapi.db.query(STATE).update({
          where: { id: state.id },
          data: {
            draftHash: hash,
            contributors:
              actor && !contributors.includes(actor.id)
                ? [...contributors, actor.id]
                : contributors,
          },
        });

        if (!reviewed || state.contentHash === hash) return;
        await record(draft, {
          action: 'void',
          round: state.round,
          actor,
          contentHash: hash,
          comment:
            '内容已修改，本轮审核作废 (the content changed: this round’s approvals are void)',
        });
        const hits = await scan(draft);
        if (discarded || !draft.site || hits.some((hit) => hit.level === 'forbidden')) {
          await transition(state, {
            status: 'draft',
            step: null,
            currentCapacity: null,
            waitingSince: null,
            contentHash: null,
          });
          await mirror(documentId, 'draft');
          return;
        }
        const { chain } = await startRound(draft, state, actor, hits);
        notify(() => notifyNextStep(strapi, draft, chain[0]));
      }),

    /**
     * At start-up: a round waiting for a decision whose draft no longer hashes to what was
     * submitted is voided and restarted, as an edit would do. This happens when the hash changed
     * (it covers every public field of the article since December 2026); left alone, such a
     * round could only tell its reviewers to reload, forever. Approved rounds are left as they
     * are: the publish gate refuses them and the editor submits the article again.
     */
    async voidStaleRounds(signal?: AbortSignal) {
      const states = (await strapi.db.query(STATE).findMany({
        where: { status: { $in: PENDING } },
        select: ['articleDocumentId', 'contentHash'],
      })) as Array<Pick<StateRow, 'articleDocumentId' | 'contentHash'>>;
      let voided = 0;
      for (const state of states) {
        signal?.throwIfAborted();
        const draft = await draftOf(state.articleDocumentId);
        if (draft && state.contentHash !== contentHash(draft)) {
          await service.afterDraftChange(state.articleDocumentId, null);
          voided += 1;
        }
      }
      return voided;
    },

    /**
     * `voidStaleRounds` at start-up, once per hash version (content-hash.ts): only a change of
     * what the hash covers makes submitted rounds stale, so later starts skip it, reading no
     * round. Several instances starting together run it once, under a lease; the version is
     * stored only when it finished, so a failed run is retried at a later start.
     */
    async voidStaleRoundsOnce() {
      const store = strapi.store({ type: 'plugin', name: 'governance', key: 'review-hash' });
      const version = hashVersion(strapi.getModel(ARTICLE), components);
      if (((await store.get({})) as { version?: string } | null)?.version === version) return 0;
      let voided = 0;
      await runWithLease(strapi, STALE_ROUNDS_JOB, 5 * 60 * 1000, async (signal) => {
        voided = await service.voidStaleRounds(signal);
        await store.set({ value: { version } });
        return `restarted ${voided} rounds`;
      });
      return voided;
    },

    /** The gate's early question before a publish: is the draft about to go online approved? */
    async assertDraftApproved(documentId: string) {
      const draft = await draftOf(documentId);
      const state = await stateOf(documentId);
      if (draft && (state?.status !== 'approved' || state.contentHash !== contentHash(draft))) {
        throw forbidden(ERRORS.notPublishable(draft.title), {
          reviewStatus: state?.status ?? 'draft',
        });
      }
    },

    /**
     * The gate's question, asked inside the publishing transaction: is what is now published
     * exactly what the whole chain approved? Throws otherwise, which rolls the publication back.
     */
    async assertPublishable(documentId: string, actor: Actor | null) {
      const published = await strapi.db.query(ARTICLE).findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        populate: articlePopulate(),
      });
      if (!published) return;
      const state = await stateOf(documentId);
      const hash = contentHash(published);
      if (state?.status !== 'approved' || state.contentHash !== hash) {
        throw forbidden(ERRORS.notPublishable(published.title), {
          reviewStatus: state?.status ?? 'draft',
        });
      }
      await record(published, { action: 'publish', round: state.round, actor, contentHash: hash });
    },

    /** Keeps the decisions (accountability) but drops the state of a deleted article. */
    async afterDelete(documentId: string) {
      const left = await strapi.db.query(ARTICLE).count({ where: { documentId } });
      if (left === 0)
        await strapi.db.query(STATE).deleteMany({ where: { articleDocumentId: documentId } });
    },

    /**
     * 待我审核 and the other lists of the queue page. `toReview`: rounds waiting at a step the
     * caller holds for the site, not their own and not a second step of theirs. `mine`: what
     * the caller submitted. `all`: every open round within the caller's sites.
     */
    async queue(
      user: Actor,
      filters: {
        tab: 'toReview' | 'mine' | 'all';
        site?: string;
        capacity?: StepCapacity;
        waitingDays?: number;
      }
    ): Promise<QueueItem[]> {
      const scope = await siteScope(strapi, user);
      const where: Record<string, unknown>[] = [];
      // Only the caller's current sites, whatever the tab: a member removed from a site loses it.
      if (!scope.all) where.push({ site: { id: { $in: scope.siteIds } } });
      where.push(
        filters.tab === 'mine' ? { submittedBy: { id: user.id } } : { status: { $in: PENDING } }
      );
      if (filters.tab === 'toReview') {
        const held = (await strapi.db.query(MEMBERSHIP).findMany({
          where: { user: { id: user.id }, capacity: { $in: ['leader', 'reviewer', 'approver'] } },
          populate: { site: { select: ['id'] } },
        })) as Array<{ capacity: StepCapacity; site: { id: number } | null }>;
        const steps = held
          .filter((m) => m.site)
          .map((m) => ({ site: { id: m.site!.id }, currentCapacity: m.capacity }));
        if (steps.length === 0) return [];
        where.push({ $or: steps });
      }
      if (filters.site) where.push({ site: { code: filters.site } });
      if (filters.capacity) where.push({ currentCapacity: filters.capacity });
      if (filters.waitingDays) {
        where.push({
          waitingSince: { $lte: new Date(Date.now() - filters.waitingDays * 86_400_000) },
        });
      }

      const states = (await strapi.db.query(STATE).findMany({
        where: { $and: where },
        populate: { site: { select: SITE_FIELDS }, submittedBy: { select: USER_FIELDS } },
        // Longest waiting first; one's own submissions newest first.
        orderBy:
          filters.tab === 'mine'
            ? [{ submittedAt: 'desc' }]
            : [{ waitingSince: 'asc' }, { submittedAt: 'desc' }],
        limit: 500,
      })) as StateRow[];
      const drafts = (await strapi.db.query(ARTICLE).findMany({
        where: { documentId: { $in: states.map((s) => s.articleDocumentId) }, publishedAt: null },
        populate: {
          site: { select: SITE_FIELDS },
          createdBy: { select: ['id'] },
          updatedBy: { select: ['id'] },
        },
      })) as DraftRow[];
      const draftById = new Map(drafts.map((d) => [d.documentId, d]));

      const items: QueueItem[] = [];
      for (const state of states) {
        const draft = draftById.get(state.articleDocumentId);
        if (!draft || !state.site) continue;
        if (
          filters.tab === 'toReview' &&
          (isOwn(user, draft, state) || (await approvedThisRound(user, state)))
        )
          continue;
        items.push({
          documentId: state.articleDocumentId,
          title: draft.title,
          site: {
            documentId: state.site.documentId,
            name: state.site.name,
            code: state.site.code,
            level: state.site.level,
          },
          status: state.status,
          step: state.step === null ? null : state.step + 1,
          capacity: state.currentCapacity,
          stepCount: state.chain?.length ?? 0,
          submittedBy: state.submittedBy
            ? { id: state.submittedBy.id, name: personName(state.submittedBy) }
            : null,
          waitingSince: iso(state.waitingSince),
          lastReason: state.lastReason,
        });
      }
      return items;
    },

    /** The figures on the menu and the home page. */
    async count(user: Actor): Promise<ReviewCount> {
      const toReview = (await service.queue(user, { tab: 'toReview' })).length;
      const scope = await siteScope(strapi, user);
      const toRevise = await strapi.db.query(STATE).count({
        where: {
          submittedBy: { id: user.id },
          status: 'rejected',
          ...(scope.all ? {} : { site: { id: { $in: scope.siteIds } } }),
        },
      });
      return { toReview, toRevise };
    },
  };
  return service;
};

export default reviewService;
