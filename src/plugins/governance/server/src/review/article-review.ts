import type { Core } from '@strapi/strapi';
import type { ArticleReview, ReviewStatus, WordHit } from '../../../shared/contracts/review';
import { siteScope } from '../sites/scope';
import type { ReviewAccess } from './access';
import { chainFor } from './chain';
import { decisionDto, iso, submitterOf } from './dto';
import { ERRORS } from './messages';
import { DECISION, PENDING, type Actor, type ReviewStore } from './store';

type Scan = (draft: unknown) => Promise<WordHit[]>;

/** The article's review as the caller sees it: state, history and what they may do. */
export const articleReview =
  (strapi: Core.Strapi, store: ReviewStore, access: ReviewAccess, scan: Scan) =>
  async (documentId: string, user: Actor): Promise<ArticleReview> => {
    const scope = await siteScope(strapi, user);
    const draft = await store.visibleDraft(documentId, scope);
    const state = await store.stateOf(documentId);
    const status: ReviewStatus = state?.status ?? 'draft';
    const hash = store.contentHash(draft);
    const pending = PENDING.includes(status);
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
      publishable: status === 'approved' && state?.contentHash === hash,
      wordHits: await scan(draft),
      history: history.map(decisionDto),
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
  };
