import type { Core } from '@strapi/strapi';
import type {
  ArticleReview,
  PublishBlock,
  ReviewStatus,
  WordHit,
} from '../../../shared/contracts/review';
import { siteScope } from '../sites/scope';
import { getService } from '../utils/get-service';
import type { ReviewAccess } from './access';
import type { Scan } from './word-scan';
import { ATTACHMENT_FIELD } from './attachment-scan';
import { chainFor } from './chain';
import { decisionDto, iso, submitterOf } from './dto';
import { ERRORS } from './messages';
import { DECISION, PENDING, type Actor, type DraftRow, type ReviewStore } from './store';

/**
 * Why the publish gate would refuse the draft now, in the terms of the state the user sees; null
 * when it would let it through (`publishable`).
 */
const publishBlockOf = (
  draft: DraftRow,
  status: ReviewStatus,
  hasState: boolean,
  publishable: boolean
): PublishBlock | null => {
  if (publishable) return null;
  if (!draft.site) return 'noSite';
  if (PENDING.includes(status)) return 'inReview';
  if (status === 'rejected') return 'rejected';
  // Approved on paper before this system: the gate knows no approval of this content.
  if (status === 'approved') return hasState ? 'changed' : 'legacy';
  return 'notSubmitted';
};

/**
 * What the check of the attachments found at the last submission, while the content (its files
 * among it) is still what was submitted: attachments are read at submission only.
 */
const attachmentHitsOf = (history: Array<Record<string, unknown>>, hash: string): WordHit[] => {
  const submitted = [...history].reverse().find((decision) => decision.action === 'submit');
  if (!submitted || submitted.contentHash !== hash) return [];
  return ((submitted.wordHits ?? []) as WordHit[]).filter((hit) => hit.field === ATTACHMENT_FIELD);
};

/** The article's review as the caller sees it: state, history and what they may do. */
export const articleReview =
  (strapi: Core.Strapi, store: ReviewStore, access: ReviewAccess, scan: Scan) =>
  async (documentId: string, user: Actor): Promise<ArticleReview> => {
    const scope = await siteScope(strapi, user);
    const draft = await store.visibleDraft(documentId, scope);
    const state = await store.stateOf(documentId);
    // What the Content Manager's list shows: the mirror on the article's rows, which the review
    // writes with every change of its state (and which marks articles approved before it).
    const status: ReviewStatus = draft.reviewStatus ?? 'draft';
    const hash = await store.contentHash(draft);
    const pending = state !== null && PENDING.includes(state.status);
    const history = (await strapi.db.query(DECISION).findMany({
      where: { articleDocumentId: documentId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    })) as Array<Record<string, unknown>>;

    const cannotDecide = pending
      ? await access.reasonNotToDecide(user, draft, state)
      : ERRORS.notWaiting;
    const writer = await access.mayWrite(user, scope, draft);
    const mayWithdraw = writer || state?.submittedBy?.id === user.id;
    const chain =
      state?.chain ?? (draft.site ? chainFor(store.config().review, draft.site.level) : []);
    // Exactly what the publish gate asks (publishing.ts).
    const publishable = state?.status === 'approved' && state.contentHash === hash;

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
      submittedBy: submitterOf(state),
      submittedAt: iso(state?.submittedAt),
      waitingSince: pending ? iso(state?.waitingSince) : null,
      contentHash: hash,
      upToDate: state?.contentHash === hash,
      publishable,
      publishBlock: publishBlockOf(draft, status, state !== null, publishable),
      waitingOn: await access.mayTakeStep(draft, state),
      wordHits: [...(await scan.draft(draft)), ...attachmentHitsOf(history, hash)],
      countFlags: await getService(strapi, 'articleCounting').flagsOf(draft),
      history: history.map(decisionDto),
      can: {
        submit:
          writer && !pending && !(await store.approvedAsIs(draft, state)) && draft.site !== null,
        withdraw: mayWithdraw && (pending || state?.status === 'approved'),
        approve: pending && cannotDecide === null,
        reject: pending && cannotDecide === null,
      },
      // Said to those who review for the site; an editor is not told they are no reviewer.
      cannotDecideReason:
        pending && cannotDecide !== null && state.site
          ? (await access.reviewsFor(user, state.site.id, chain))
            ? cannotDecide
            : null
          : null,
    };
  };
