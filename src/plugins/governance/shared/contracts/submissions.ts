/**
 * 信息报送: shared by the server's submissions service and the admin's pages. A sub-site submits
 * one of its articles to the portal or to its city; the receiving site adopts it (a draft of its
 * own, reviewed there before it is published) or declines it with a reason.
 */
import type { SiteLevel } from './overview';
import type { Pagination } from './pagination';

export const SUBMISSION_STATUSES = ['submitted', 'adopted', 'declined', 'withdrawn'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/**
 * What happened to the two articles after the decision, as the submission records it: the
 * adopted copy first published, unpublished or deleted (采用 stops counting), republished (it
 * counts again); the source unpublished or deleted (报送 stops counting), republished.
 */
export const SUBMISSION_EVENT_TYPES = [
  'copyPublished',
  'adoptionWithdrawn',
  'adoptionRestored',
  'sourceWithdrawn',
  'sourceRestored',
] as const;
export type SubmissionEventType = (typeof SUBMISSION_EVENT_TYPES)[number];

export interface SubmissionEvent {
  type: SubmissionEventType;
  /** How: the article was published, unpublished or deleted. */
  how: 'published' | 'unpublished' | 'deleted';
  /** ISO 8601. */
  at: string;
  /** Who did it: a person's name, an API token, or 系统. */
  byName: string;
}

export interface SubmissionSite {
  documentId: string;
  code: string;
  name: string;
  level: SiteLevel;
}

export interface Submission {
  id: number;
  status: SubmissionStatus;
  /** As the article was when submitted (the queue shows it even if the source is deleted). */
  title: string;
  summary: string | null;
  note: string | null;
  sourceArticleDocumentId: string;
  /** Whether the source article still exists. */
  sourceExists: boolean;
  sourceSite: SubmissionSite | null;
  targetSite: SubmissionSite | null;
  submittedAt: string;
  submittedByName: string;
  /** Days since submission (local days). */
  waitingDays: number;
  decidedAt: string | null;
  decidedByName: string | null;
  declineReason: string | null;
  /** The receiving site's draft made on adoption. */
  adoptedArticleDocumentId: string | null;
  /** Whether it counts as 报送 in the figures: its source is published. */
  counted: boolean;
  /** Whether it counts as 采用: adopted, its copy published (and the submission counted). */
  adoptionCounted: boolean;
  /** What happened to the source and the copy since, oldest first. */
  events: SubmissionEvent[];
}

/** GET /governance/submissions/targets?article=<documentId>: where an article may go. */
export interface SubmissionTargets {
  article: {
    documentId: string;
    title: string;
    site: SubmissionSite | null;
    eligible: boolean;
    reason: string | null;
  };
  targets: Array<{
    site: SubmissionSite;
    submission: Pick<Submission, 'id' | 'status' | 'declineReason'> | null;
  }>;
}

/** GET /governance/submissions/incoming and /outgoing?status=&site=&level=&minWaitingDays=&page= */
export interface SubmissionPage {
  data: Submission[];
  meta: {
    pagination: Pagination;
    /** Open submissions per box, for the menu. */
    counts: { incoming: number; outgoing: number };
  };
}

/** POST /governance/submissions/:id/adopt: the receiving site's draft made from it. */
export interface AdoptedSubmission {
  id: number;
  status: 'adopted';
  articleDocumentId: string;
}
