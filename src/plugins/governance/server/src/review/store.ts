import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  Checklist,
  Decision,
  ReviewStatus,
  StepCapacity,
  WordHit,
} from '../../../shared/contracts/review';
import type { GovernanceConfig } from '../config';
import type { SiteScope } from '../sites/scope';
import type { AdminUser } from '../utils/document-middleware';
import { personName } from '../utils/person-name';
import type { Level } from './chain';
import { imageNodesOf } from '../articles/body';
import {
  contentHash as hashContent,
  fileRef,
  reviewedPopulate,
  type ComponentSchemas,
} from './content-hash';
import { ERRORS } from './messages';
import {
  ARTICLE,
  REVIEW_DECISION as DECISION,
  REVIEW_STATE as STATE,
  SENSITIVE_WORD as WORD,
  UPLOAD_FILE,
} from '../uids';

// The review concern's short names for its types (uids.ts names them for the plugin).
export { ARTICLE, DECISION, STATE, WORD };

/** A round waiting for a decision. */
export const PENDING: ReviewStatus[] = ['submitted', 'in_review'];

export type Actor = AdminUser;

export interface SiteRef {
  id: number;
  documentId: string;
  name: string;
  code: string;
  level: Level;
}

/** An article row with what the review reads; every other reviewed attribute is hashed as loaded. */
export interface DraftRow {
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

export interface StateRow {
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

/** What a decision record holds besides the article it is about. */
export interface DecisionEntry {
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

export const SITE_FIELDS = ['id', 'documentId', 'name', 'code', 'level'];
export const USER_FIELDS = ['id', 'firstname', 'lastname', 'email'];
/** A state with the relations every list and decision reads. */
export const STATE_POPULATE = {
  site: { select: SITE_FIELDS },
  submittedBy: { select: USER_FIELDS },
};

/** The draft and its state as the review reads them, and the hash of the reviewed content. */
const reviewRows = (strapi: Core.Strapi) => {
  const components: ComponentSchemas = (uid) => strapi.getModel(uid as UID.Component);
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

  /**
   * The hash of an article row's reviewed content, with the article's schema as it is now, and
   * of the files its body's images show (looked up by URL, in the body's order).
   */
  const contentHash = async (row: unknown) => {
    const urls = imageNodesOf((row as { body?: unknown } | null)?.body).map((node) =>
      String(node.image.url)
    );
    const files =
      urls.length === 0
        ? []
        : ((await strapi.db.query(UPLOAD_FILE).findMany({
            where: { url: { $in: [...new Set(urls)] } },
            select: ['id', 'url', 'updatedAt', 'sha256', 'alternativeText', 'caption'],
          })) as Array<{ url: string }>);
    const byUrl = new Map(files.map((file) => [file.url, file]));
    return hashContent(
      strapi.getModel(ARTICLE),
      row,
      components,
      urls.map((url) => (byUrl.has(url) ? fileRef(byUrl.get(url)) : { url }))
    );
  };

  /** Whether the article has a published version online. */
  const isPublished = async (documentId: string) =>
    (await strapi.db
      .query(ARTICLE)
      .count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;

  return {
    config: () => strapi.config.get('plugin::governance') as GovernanceConfig,
    components,
    contentHash,
    articlePopulate,
    draftOf,
    isPublished,

    /**
     * Whether the draft is exactly what was approved, so that there is nothing to submit: the
     * round's approval covers its content; or, for an article approved before this system (its
     * rows say approved and it has no review state, which its first write through the Document
     * Service would have started), while that approved version is online.
     */
    approvedAsIs: async (draft: DraftRow, state: StateRow | null) =>
      state
        ? state.status === 'approved' && state.contentHash === (await contentHash(draft))
        : draft.reviewStatus === 'approved' && (await isPublished(draft.documentId)),

    stateOf: async (documentId: string): Promise<StateRow | null> =>
      strapi.db
        .query(STATE)
        .findOne({ where: { articleDocumentId: documentId }, populate: STATE_POPULATE }),

    /** The draft of an article the caller may see; "not found" for other sites' articles. */
    async visibleDraft(documentId: string, scope: SiteScope) {
      const draft = await draftOf(documentId);
      if (!draft || (!scope.all && !(draft.site && scope.siteIds.includes(draft.site.id)))) {
        throw new errors.NotFoundError(ERRORS.noSuchArticle);
      }
      return draft;
    },
  };
};

/** The writes every act is made of: a guarded state transition, the mirror, the decision record. */
const reviewWrites = (strapi: Core.Strapi) => ({
  /** The article rows carry the state too, so the Content Manager can list and filter by it. */
  mirror: (documentId: string, status: ReviewStatus) =>
    strapi.db.query(ARTICLE).updateMany({ where: { documentId }, data: { reviewStatus: status } }),

  record: (draft: Pick<DraftRow, 'documentId' | 'title' | 'site'>, entry: DecisionEntry) =>
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
    }),

  /**
   * Moves a state from what the caller saw to what it decided, or fails if someone acted first.
   * The guarded updateMany writes columns only (the query engine skips relations there), so the
   * relations follow in a plain update, in the same transaction.
   */
  async transition(state: StateRow, data: Record<string, unknown>) {
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
  },
});

/** The review's rows: what the review reads, and the writes every act is made of. */
export const reviewStore = (strapi: Core.Strapi) => ({
  ...reviewRows(strapi),
  ...reviewWrites(strapi),
});

export type ReviewStore = ReturnType<typeof reviewStore>;
