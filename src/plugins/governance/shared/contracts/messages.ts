/**
 * 留言办理 and 留言统计 (the /governance/messages routes): shared by the server's handling and
 * statistics services (server/src/replies) and the admin's pages.
 */
import type { SiteLevel } from './overview';
import type { Pagination } from './pagination';

/** 留言类别 */
export const CATEGORIES = ['consultation', 'complaint', 'suggestion', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
/** The categories' names in the server's texts (the admin's translations say the same). */
export const CATEGORY_NAMES: Record<Category, string> = {
  consultation: '咨询',
  complaint: '投诉',
  suggestion: '建议',
  other: '其他',
};

/** Where a message stands. */
export const MESSAGE_STATUSES = [
  'received',
  'accepted',
  'transferred',
  'replied',
  'closed',
  'rejected',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Still to be answered: the clock runs, and the message can be replied to, transferred or extended. */
export const OPEN_STATUSES = [
  'received',
  'accepted',
  'transferred',
] as const satisfies ReadonlyArray<MessageStatus>;

/**
 * The inbox's tabs (GET /governance/messages?tab=). They overlap: a message due soon or overdue
 * is also to sign or in progress; one waiting for an extension decision is open.
 */
export const INBOX_TABS = [
  'toSign',
  'toAccept',
  'inProgress',
  'dueSoon',
  'overdue',
  'pendingExtension',
  'replied',
  // 不予受理 awaiting the province's confirmation.
  'invalidPending',
] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

/** What narrows the inbox and its export: all in the page's address, so a link opens the list. */
export interface InboxFilters {
  tab: InboxTab;
  /** Subject or case number. */
  q?: string;
  /** A site's code. */
  site?: string;
  category?: Category;
  /** 收到时间 from and to, local dates (YYYY-MM-DD) in the group's time zone, both included. */
  from?: string;
  to?: string;
}

/**
 * Where a message stands against its deadline: due soon within two working days, overdue past
 * it, veto after three months unanswered (单项否决); answered in time or late.
 */
export type DeadlineState =
  'onTrack' | 'dueSoon' | 'overdue' | 'veto' | 'answered' | 'answeredLate';

/** What the server's reply check found: too short, only template phrases, no 答复单位. */
export const REPLY_FLAGS = ['tooShort', 'templatePhrase', 'noUnit'] as const;
export type ReplyFlag = (typeof REPLY_FLAGS)[number];

/**
 * The `error.details` of a reply refused for its flags (400, POST /governance/messages/:id/reply):
 * sent again with `acknowledgeFlags`, it goes through.
 */
export interface ReplyFlaggedDetails {
  code: 'REPLY_FLAGGED';
  flags: ReplyFlag[];
}

/**
 * Where a 不予受理 stands: marked by the site and waiting for the province (`pending`: the message
 * still counts as received and unanswered), or confirmed by the province. Null on a message never
 * refused, or refused before confirmation was needed (counted as confirmed).
 */
export const INVALIDATIONS = ['pending', 'confirmed'] as const;
export type Invalidation = (typeof INVALIDATIONS)[number];

/** POST /governance/messages/:id/invalid/decision: the province confirms or overturns a 不予受理. */
export interface InvalidDecision {
  confirm: boolean;
  comment?: string | null;
}

/** The citizen's rating of the answer. */
export const SATISFACTIONS = ['satisfied', 'neutral', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/** A provincial spot check's (抽查) judgement of an answer. */
export const VERDICTS = ['standard', 'substandard'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The acts a case's timeline records: staff's, the citizen's (rate, reopen), the system's (overdueNotice). */
export const CASE_ACTIONS = [
  'sign',
  'reply',
  'editReply',
  'transfer',
  'requestExtension',
  'approveExtension',
  'refuseExtension',
  'markInvalid',
  'close',
  'correctCategory',
  'rate',
  'reopen',
  'spotCheck',
  'overdueNotice',
  'makePublic',
  'makePrivate',
  // 不予受理 waits for the province: confirmed, or overturned back into handling.
  'confirmInvalid',
  'overturnInvalid',
  // An edit of a spot-checked reply voids the verdict.
  'voidSpotCheck',
  'acceptTransfer',
  'refuseTransfer',
  'assign',
  'misassigned',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface MessageSite {
  code: string;
  name: string;
}

/** An extension requested and not yet decided. */
export interface PendingExtension {
  workingDays: number;
  reason: string;
  requestedBy: number;
  requestedAt: string;
}

/**
 * A message in a list (the inbox, a spot-check sample): no contact data and no query code (the
 * citizen's key).
 */
export interface InboxItem {
  id: number;
  /** 留言编号, e.g. 2026-000123: what staff and the citizen call the message by. */
  caseNumber: string | null;
  site: MessageSite | null;
  category: Category;
  subject: string;
  status: MessageStatus;
  receivedAt: string;
  dueAt: string;
  repliedAt: string | null;
  deadline: DeadlineState;
  /** 剩余工作日: working days left to the deadline while open and not past it; else null. */
  workingDaysLeft: number | null;
  /** 超期天数: working days past the deadline while open and overdue; else null. */
  daysOverdue: number | null;
  /** An extension request waits for the province's decision. */
  extensionPending: boolean;
}

/** GET /governance/messages?tab=&q=&site=&category=&from=&to=&page= */
export interface InboxPage {
  data: InboxItem[];
  meta: {
    /** Every tab's count under the other filters, for the tabs' labels. */
    counts: Record<InboxTab, number>;
    pagination: Pagination;
    /** The group's time zone, in which the dates are local. */
    timezone: string;
    /** The sites the user's messages may come from, for the site filter. */
    sites: MessageSite[];
  };
}

/** POST /governance/messages/sign { ids }: 批量签收, each message checked on its own. */
export interface BulkSignResult {
  signed: number[];
  refused: Array<{ id: number; reason: string }>;
}

/** GET /governance/messages/todo: the menu badge, the user's sites' messages to sign or overdue (each once). */
export interface MessageTodo {
  count: number;
}

export interface CaseEvent {
  id: number;
  action: CaseAction;
  actor: string;
  at: string;
  text: string | null;
  workingDays: number | null;
  fromSite: MessageSite | null;
  toSite: MessageSite | null;
  /** The deadline before and after a transfer or an approved extension. */
  dueAtBefore: string | null;
  dueAtAfter: string | null;
  flags: ReplyFlag[] | null;
  verdict: Verdict | null;
  satisfaction: Satisfaction | null;
  /** The category before and after a correction. */
  categoryBefore: Category | null;
  categoryAfter: Category | null;
}

/** GET /governance/messages/:id: the whole case as staff see it (each read audited). */
export interface MessageCase {
  id: number;
  caseNumber: string | null;
  site: MessageSite | null;
  category: Category;
  /** The category the citizen chose, once staff corrected it. */
  originalCategory: Category | null;
  subject: string;
  body: string;
  citizen: { name: string; phone: string | null; email: string | null };
  /** The citizen's name as a printed form or a public page shows it (张**). */
  maskedName: string;
  status: MessageStatus;
  receivedAt: string;
  dueAt: string;
  deadline: DeadlineState;
  reply: string | null;
  replyingUnit: string | null;
  /** What the reply form offers as 答复单位 when none is given yet: the site's name. */
  suggestedUnit: string | null;
  repliedAt: string | null;
  repliedBy: string | null;
  /** Shown among the public replies (公开答复) once answered. */
  isPublic: boolean;
  pendingExtension: PendingExtension | null;
  /** A 不予受理 waiting for the province, or confirmed by it; null otherwise. */
  invalidation: Invalidation | null;
  /** The reply now standing was flagged and sent anyway: not counted as answered yet. */
  replyFlagged: boolean;
  /** When the reply was last edited after it was sent. */
  replyRevisedAt: string | null;
  satisfaction: Satisfaction | null;
  reopenedAt: string | null;
  spotCheck: { verdict: Verdict; comment: string | null; by: string; at: string } | null;
  /** A transfer (转办) asked for and not yet accepted or refused by the receiving site. */
  pendingTransfer: PendingTransfer | null;
  /** What the caller may do about the pending transfer: the receiving site's handlers (and the province) accept or refuse it. */
  canAnswerTransfer: boolean;
  /** Which sites held the message, from when to when, against which deadline (持有记录). */
  holdings: MessageHolding[];
  timeline: CaseEvent[];
  /** The group's time zone, in which the printed form gives its times. */
  timezone: string;
}

/** A transfer waiting for the receiving site (待接收): the sender keeps the message and its clock meanwhile. */
export interface PendingTransfer {
  from: MessageSite | null;
  to: MessageSite;
  reason: string | null;
  requestedAt: string;
}

/** How a site's holding of a message ended. */
export const HOLDING_ENDS = ['transferred', 'refused', 'replied', 'invalid', 'cancelled'] as const;
export type HoldingEnd = (typeof HOLDING_ENDS)[number];

/** One site's holding of a message, from its receipt or acceptance to its transfer or answer. */
export interface MessageHolding {
  site: MessageSite | null;
  startedAt: string;
  endedAt: string | null;
  endedBy: HoldingEnd | null;
  /** The holding's own deadline: the full handling time from acceptance, or the earlier one's for a return. */
  dueAt: string | null;
  /** The site held this message before (退回/回转): its earlier deadline continues. */
  isReturn: boolean;
  /** Held past its own deadline (now, or when it ended). */
  overdue: boolean;
}

/** GET /governance/messages/transfer-targets: the active sites a message can go to. */
export interface TransferTarget {
  code: string;
  name: string;
  level: SiteLevel;
  /** A county's city. */
  city: string | null;
}

/** The figures the annual notice gives of a site's citizen messages ("回复留言963条…"). */
export interface MessageFigures {
  /** Messages received in the year. */
  received: number;
  /**
   * Of them, refused as not valid (不予受理) and confirmed by the province: not counted against
   * the reply rate.
   */
  invalid: number;
  /**
   * Refused by the site and waiting for the province's confirmation: still counted as received
   * and unanswered (open, overdue, veto) until confirmed.
   */
  invalidPending: number;
  /** 不予受理率: (invalid + invalidPending) / received, 0 to 1; null when nothing was received. */
  invalidRate: number | null;
  /**
   * Replies flagged by the quality check and sent anyway, with no substantive reply after them:
   * counted as flagged, not as answered, in the reply and on-time rates.
   */
  flagged: number;
  /** Answered with a substantive (unflagged) reply, whenever. */
  replied: number;
  /** Of them, published on the site with the citizen's consent (公开答复). */
  publiclyAnswered: number;
  /**
   * Answered by the replying site's own deadline (the first reply): its holding's, so a site that
   * accepted a transfer is judged from its acceptance, not by the time the sender held it.
   */
  repliedOnTime: number;
  /**
   * Answered by the message's first deadline, the one the citizen was told (the first reply),
   * and the messages that deadline has put to the test (answered, or unanswered past it).
   */
  repliedByFirstDeadline: number;
  dueByFirstDeadline: number;
  /** Still to be answered. */
  open: number;
  /** Still to be answered and past their deadline now (超期未答复). */
  overdue: number;
  /**
   * Answered, or still unanswered past their deadline: the messages whose deadline has been put
   * to the test, counted once (a reopened message answered before is not counted twice).
   */
  due: number;
  /** Working days from receipt to the first reply, on average; null without replies. */
  averageWorkingDays: number | null;
  /** replied / (received − invalid), 0 to 1; null when nothing valid was received. */
  replyRate: number | null;
  /**
   * 按期答复率: repliedOnTime / due, 0 to 1 — answered on time out of those answered or overdue,
   * so a message left unanswered past its deadline lowers it; null when none is due yet.
   */
  onTimeRate: number | null;
  /**
   * 按首次期限按期率: repliedByFirstDeadline / dueByFirstDeadline, the citizen's view: a message
   * answered within the receiving site's time but after its first deadline was late for them.
   */
  firstDeadlineOnTimeRate: number | null;
  /** Ratings the citizens gave (评价数) = satisfied + neutral (基本满意) + unsatisfied. */
  rated: number;
  satisfied: number;
  neutral: number;
  unsatisfied: number;
  /** 满意率: satisfied / rated, 0 to 1; null without ratings. */
  satisfactionRate: number | null;
  /** Replies the province spot-checked (抽查), and how many it found substandard. */
  spotChecked: number;
  substandard: number;
  /**
   * 持有记录 (the site's own holdings of messages received in the period, whoever has them now):
   * transfers it made (转出), transfers it accepted (转入), messages it received back after
   * holding them before (退回, flagged: no fresh clock), holdings past their own deadline, now or
   * when they ended (超期持有), and transfers made after the holding's deadline (逾期转出): each
   * counts as late in the site's on-time rate.
   */
  transfersOut: number;
  transfersIn: number;
  returnsReceived: number;
  overdueHoldings: number;
  lateTransfers: number;
}

/** GET /governance/messages/statistics?year= */
export interface MessageStatistics {
  year: number;
  timezone: string;
  totals: MessageFigures;
  levels: Array<{
    level: SiteLevel;
    totals: MessageFigures;
    sites: Array<{
      site: { code: string; name: string; level: SiteLevel };
      figures: MessageFigures;
    }>;
  }>;
}
