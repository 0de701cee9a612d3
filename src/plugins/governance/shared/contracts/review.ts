/** The review routes (先审后发): shared by the server's review service and the admin pages. */

export const REVIEW_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The capacities a review step is taken in (members of the article's site). */
export const STEP_CAPACITIES = ['leader', 'reviewer', 'approver'] as const;
export type StepCapacity = (typeof STEP_CAPACITIES)[number];

export const DECISION_ACTIONS = [
  'submit',
  'approve',
  'reject',
  'withdraw',
  'void',
  'publish',
] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** What every approver confirms (保密审查清单). */
export const CHECKLIST_ITEMS = ['noClassifiedContent', 'noPersonalData', 'wordingChecked'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];
export type Checklist = Record<ChecklistItem, boolean>;

export type WordLevel = 'forbidden' | 'check';

/** Characters of text a word hit shows on each side of the word (its `context`). */
export const WORD_CONTEXT_CHARS = 20;

/**
 * What a hit is: a listed word (the default), a serious wording error (a wrong form of the
 * 规范表述 list, its right form the suggestion), personal data (身份证号码, 手机号码, 银行卡号),
 * a note that an attachment's text could not be read and checked (its `context` says why), or a
 * link to a host outside the group: one the province forbids (`deniedLink`, the host the word,
 * the address `found`), or one not on its allow list, for the reviewers (`externalLink`); or,
 * found by the content inspection only, a link or image of a published article that does not
 * open (`brokenLink`, 链接可用性).
 */
export const HIT_KINDS = [
  'word',
  'wording',
  'personalData',
  'unread',
  'externalLink',
  'deniedLink',
  'brokenLink',
] as const;
export type HitKind = (typeof HIT_KINDS)[number];

export interface WordHit {
  /** The listed word; for personal data, what kind it is (身份证号码). */
  word: string;
  level: WordLevel;
  kind?: HitKind;
  suggestion?: string;
  /** The field (`body`, `attachments.file`…); for an attachment's text, `file` names it. */
  field: string;
  /** The attachment whose text it was found in, by its display name. */
  file?: string;
  start: number;
  end: number;
  /** The text as written where the word was found (絕 密), when it differs from the listed word. */
  found?: string;
  context: string;
}

export interface Decision {
  id: number;
  action: DecisionAction;
  round: number;
  /** 1-based step number, for approve/reject. */
  step: number | null;
  capacity: StepCapacity | null;
  actor: { id: number | null; name: string };
  comment: string | null;
  reason: string | null;
  checklist: Checklist | null;
  contentHash: string | null;
  wordHits: WordHit[] | null;
  createdAt: string;
}

/**
 * Why an article may not be published now, for the edit view's 发布 button: not submitted yet
 * (or withdrawn), waiting in review, sent back, changed since its approval, approved before
 * this system without a review record here, or without a site to be reviewed for.
 */
export const PUBLISH_BLOCKS = [
  'notSubmitted',
  'inReview',
  'rejected',
  'changed',
  'legacy',
  'noSite',
] as const;
export type PublishBlock = (typeof PUBLISH_BLOCKS)[number];

/** GET /governance/review/articles/:documentId */
export interface ArticleReview {
  documentId: string;
  title: string;
  site: { documentId: string; name: string; level: string } | null;
  /** The state the Content Manager's list shows too: both read the article's own row. */
  status: ReviewStatus;
  /** The steps of the round under way (or of the article's site when none is). */
  chain: StepCapacity[];
  /** 1-based step waited on while submitted or in review. */
  step: number | null;
  round: number;
  submittedBy: { id: number | null; name: string } | null;
  submittedAt: string | null;
  waitingSince: string | null;
  /** The hash of the current draft: an approval is bound to it. */
  contentHash: string;
  /** True when the current draft is what was submitted (or approved). */
  upToDate: boolean;
  /** True when the article may be published now: what the publish gate accepts. */
  publishable: boolean;
  /** Why it may not, when it may not. */
  publishBlock: PublishBlock | null;
  /**
   * Who may take the step waited on: the site's members in that step's capacity who are not
   * authors or submitter of the article and took no other step of this round, by full name.
   */
  waitingOn: string[];
  wordHits: WordHit[];
  /** Whether the draft, published as it is, would count in the ranking (review/counting.ts). */
  countFlags?: CountFlags;
  history: Decision[];
  /** What the caller may do now. */
  can: { submit: boolean; withdraw: boolean; approve: boolean; reject: boolean };
  /** Why the caller cannot decide, when they take a step of the site's chain but not this one now. */
  cannotDecideReason: string | null;
}

export interface QueueItem {
  documentId: string;
  title: string;
  site: { documentId: string; name: string; code: string; level: string };
  status: ReviewStatus;
  step: number | null;
  capacity: StepCapacity | null;
  stepCount: number;
  submittedBy: { id: number | null; name: string } | null;
  waitingSince: string | null;
  lastReason: string | null;
}

/** GET /governance/review/queue */
export interface QueueResponse {
  data: QueueItem[];
  meta: { total: number };
}

/** GET /governance/review/count: what the caller must act on. */
export interface ReviewCount {
  /** Articles waiting at a step the caller may take. */
  toReview: number;
  /** The caller's own articles sent back with a reason. */
  toRevise: number;
}

export interface SensitiveWordEntry {
  id: number;
  word: string;
  level: WordLevel;
  suggestion: string | null;
  note: string | null;
}

/** What a 规范表述 rule is about: a leader's name or title, a political expression, an institution's name. */
export const WORDING_CATEGORIES = ['leader', 'political', 'institution', 'other'] as const;
export type WordingCategory = (typeof WORDING_CATEGORIES)[number];

/** 外链名单: a host outside the group articles may link to, or must not; its subdomains too. */
export const LINK_HOST_LISTS = ['allow', 'deny'] as const;
export type LinkHostList = (typeof LINK_HOST_LISTS)[number];

export interface LinkHostRuleEntry {
  id: number;
  /** `www.gov.cn`; a rule covers the host and every host under it. */
  host: string;
  list: LinkHostList;
  note: string | null;
}

export interface WordingRuleEntry {
  id: number;
  /** The form a text must not use. */
  wrong: string;
  /** The form it must use instead. */
  right: string;
  category: WordingCategory;
  note: string | null;
}

/** What an import of the 规范表述 workbook did. */
export interface WordingImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

/** Why a published article does not count in the ranking. */
export type CountExclusion = 'trivial' | 'duplicate';

/** What the review shows of a draft's weight in the ranking: too slight, or a copy. */
export interface CountFlags {
  /** Set when the title or the body has fewer letters and digits than configured. */
  trivial: {
    title: boolean;
    body: boolean;
    titleChars: number;
    bodyChars: number;
    minTitleChars: number;
    minBodyChars: number;
  } | null;
  /** Published articles of the group it copies (SimHash within 3 bits), earliest first. */
  duplicates: Array<{
    documentId: string;
    title: string;
    siteName: string | null;
    firstPublishedAt: string;
    /** Bits the similarity hashes differ in: 0 for the same wording. */
    distance: number;
  }>;
}

/** GET /governance/rankings/excluded: a published article the ranking does not count. */
export interface ExcludedArticle {
  documentId: string;
  title: string;
  site: { documentId: string; name: string } | null;
  firstPublishedAt: string;
  reason: CountExclusion;
  /** For a copy: the original it copies. */
  duplicateOf: {
    documentId: string;
    title: string | null;
    siteName: string | null;
    distance: number | null;
  } | null;
}
