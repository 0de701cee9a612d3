/**
 * 站群监测: shared by the server's oversight service and the admin's views. The national
 * inspection rules (国办秘函〔2019〕19号) fail a site outright (单项否决) on any of these; the
 * CMS reports, per site, how far each one is from tripping.
 */
import type { SiteLevel } from './overview';
import type { Pagination } from './pagination';
import type { VisitAnomaly } from './rankings';

export const COLUMN_KINDS = ['news', 'notice', 'policy', 'static'] as const;
/** news: 动态、要闻 (2 weeks); notice: 通知公告 and policy: 政策文件 (6 months); static: no rule. */
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export const VETO_RULES = [
  'homePage',
  'staleColumns',
  'longIdleColumns',
  'emptyColumns',
  'unansweredMessage',
  'seriousWording',
  'personalData',
] as const;
export type VetoRule = (typeof VETO_RULES)[number];

/**
 * The rules the content inspection (内容巡检) judges: a serious fault found online and still open
 * fails the site at once. Its alert goes out per finding when the inspection finds it.
 */
export const FINDING_RULES = ['seriousWording', 'personalData'] as const;
export type FindingRule = (typeof FINDING_RULES)[number];
export const isFindingRule = (rule: VetoRule): rule is FindingRule =>
  (FINDING_RULES as readonly string[]).includes(rule);

/** ok: more than the warning window left; warning: within it; tripped: the site fails now. */
export const RULE_STATUSES = ['ok', 'warning', 'tripped'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

export interface RuleVerdict {
  rule: VetoRule;
  status: RuleStatus;
  /** What is measured now: days since the home page changed, stale columns, days a message waits… */
  value: number | null;
  /** Where the rule trips (null for a message rule with no message waiting). */
  threshold: number | null;
  /** Days until it trips at this pace (0 once tripped); null when time alone does not trip it. */
  daysLeft: number | null;
}

export interface ColumnState {
  name: string;
  kind: ColumnKind;
  /** Days the column may go without an update (null for static columns). */
  staleAfterDays: number | null;
  lastPublishedAt: string | null;
  /** Local days since the last publication in it; null when it never had one. */
  idleDays: number | null;
  published: number;
  stale: boolean;
  empty: boolean;
}

export interface SiteOversight {
  site: { documentId: string; code: string; name: string; level: SiteLevel; city: string | null };
  /** The worst of the rules. */
  status: RuleStatus;
  rules: RuleVerdict[];
  lastPublishedAt: string | null;
  columns: ColumnState[];
  /** The oldest valid message still unanswered. */
  oldestUnanswered: { id: number; subject: string; receivedAt: string; ageDays: number } | null;
  /** The current year's citizen messages (rates 0–1, null with nothing to divide). */
  replies: {
    year: number;
    received: number;
    replyRate: number | null;
    onTimeRate: number | null;
    open: number;
    overdue: number;
  };
  /** Articles waiting in review, and the local days the longest has waited. */
  reviewBacklog: { waiting: number; oldestDays: number | null };
  /** Articles first published in the last 365 days by kind of content (the 2014 notice found too little analysis). */
  mix: Record<PublishingMix, number>;
  /** Accounts of the site whose password is past its expiry. */
  expiredAccounts: number;
  /** 不可用链接: open findings of the content inspection's link check (a figure, no veto rule). */
  brokenLinks: number;
  /** 信息报送 this year: articles submitted upward (not withdrawn) and adopted. */
  submissions: { submitted: number; adopted: number };
  /**
   * This year's days whose visits were far above the site's own pattern (oldest first): the
   * ranking counts `counted` for each, `visits` were recorded.
   */
  visitAnomalies?: Array<Omit<VisitAnomaly, 'site'>>;
}

export const PUBLISHING_MIX = ['workNews', 'analysis', 'disclosure', 'other'] as const;
/** workNews: 工作动态; analysis: 解读、调研、理论文章; disclosure: 信息公开、通知、政策; other: the rest. */
export type PublishingMix = (typeof PUBLISHING_MIX)[number];

/** `GET /governance/oversight` (provincial admins). */
export interface OversightListResponse {
  data: SiteOversight[];
  meta: {
    computedAt: string;
    veto: VetoThresholds;
    staleAfterDays: Record<Exclude<ColumnKind, 'static'>, number>;
  };
}

/** A valid message of the site still waiting for its answer: the evidence behind the message rule. */
export interface OpenMessageEvidence {
  id: number;
  documentId: string;
  subject: string;
  category: string;
  status: string;
  receivedAt: string;
  dueAt: string | null;
  /** Local days since it arrived. */
  ageDays: number;
  overdue: boolean;
}

/**
 * One alert: a rule of a site entered a warning or tripped (the daily job), or the content
 * inspection found serious faults online (`finding`: one alert per run, site and rule).
 */
export interface OversightAlert {
  id: number;
  site: { documentId: string; code: string; name: string };
  rule: VetoRule;
  status: Exclude<RuleStatus, 'ok'>;
  value: number | null;
  threshold: number | null;
  daysLeft: number | null;
  raisedAt: string;
  /** The people told: the site's leaders (第一责任人) and the provincial admins, by name. */
  notified: string[];
  emailed: boolean;
  /**
   * The inspection's findings: the first, 《标题》正文：“找到的文字”（应为：……）, and how many of
   * this kind it found on the site in the same run (`count`).
   */
  finding: { id: number; detail: string; count: number } | null;
}

/** `GET /governance/oversight/alerts?site=&page=&pageSize=`: newest first. */
export interface OversightAlertPage {
  data: OversightAlert[];
  meta: { pagination: Pagination };
}

export const RECTIFICATION_STATUSES = ['open', 'submitted', 'closed'] as const;
/** open: to fix; submitted: the site reported its fix with evidence; closed: the province accepted it. */
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** 整改任务: a site named in a published inspection notice must fix what it was named for. */
export interface Rectification {
  id: number;
  site: { documentId: string; code: string; name: string };
  notice: { id: number; title: string; articleDocumentId: string };
  /** What the notice named the site for, one sentence each, with figures. */
  problems: string[];
  /** Local date, YYYY-MM-DD. */
  deadline: string;
  status: RectificationStatus;
  /** Past its deadline and not closed. */
  overdue: boolean;
  evidence: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  /** The province's comment when it accepted or returned the evidence. */
  reviewComment: string | null;
  closedAt: string | null;
  closedBy: string | null;
  createdAt: string;
}

/** `GET /governance/oversight/sites/:documentId`: one site with the evidence behind each verdict. */
/** 催办: the province urged the site to act on what monitoring found. */
export interface OversightUrge {
  id: number;
  note: string | null;
  urgedBy: string;
  urgedAt: string;
  /** The site leaders told (by name). */
  notified: string[];
  emailed: boolean;
}

export interface SiteOversightDetail extends SiteOversight {
  /** The warning window of the verdicts (veto.warnDays): a column this close to its rule is about to go stale. */
  warnDays: number;
  openMessages: OpenMessageEvidence[];
  alerts: OversightAlert[];
  rectifications: Rectification[];
  /** The province's urges, newest first. */
  urges: OversightUrge[];
}

/** A site named in a notice, and for what. */
export interface NamedSite {
  site: { documentId: string; code: string; name: string; level: SiteLevel };
  problems: string[];
}

/** `GET /governance/oversight/notices/draft?from=&to=`: the inspection notice (通报) generated for a period. */
export interface InspectionNoticeDraft {
  /** Local dates, YYYY-MM-DD, both included. */
  period: { from: string; to: string };
  title: string;
  /** 一、总体情况; 二、表扬; 三、存在的问题; 四、工作要求: every sentence from the data. */
  sections: Array<{ heading: string; paragraphs: string[] }>;
  praised: Array<{ site: NamedSite['site']; reasons: string[] }>;
  named: NamedSite[];
  /** The suggested rectification deadline (local date). */
  deadline: string;
}

/** `POST /governance/oversight/notices` and `GET /governance/oversight/notices`. */
export interface InspectionNotice {
  id: number;
  title: string;
  period: { from: string; to: string };
  /** The portal article carrying the notice: edited in the Content Manager, reviewed, published. */
  articleDocumentId: string;
  named: NamedSite[];
  deadline: string;
  createdBy: string | null;
  createdAt: string;
  /** Set when the article is published: the rectification tasks exist from then on. */
  publishedAt: string | null;
  rectifications: { total: number; closed: number };
}

/** The 单项否决 thresholds: what fails a site outright, and how close to it is a warning. */
export interface VetoThresholds {
  /** Days without any publication on the site (首页不更新: 2 weeks). */
  homePageDays: number;
  /** Columns past their update rule that fail the site (5). */
  staleColumns: number;
  /** Updatable columns idle this long… */
  longIdleDays: number;
  /** …fail the site when there are this many (10). */
  longIdleColumns: number;
  /** Columns with nothing ever published that fail the site (5). */
  emptyColumns: number;
  /** A rule this many days or fewer from tripping is a warning. */
  warnDays: number;
}

/** The article's 栏目 field: a custom field (`plugin::governance.column`), a string in the database. */
export const COLUMN_FIELD = { name: 'column', uid: 'plugin::governance.column' } as const;

/**
 * GET /governance/columns: the columns (栏目) an article may be filed under, the ones its site
 * has set up and oversight judges. `site` is the site they belong to (null when the article has
 * none yet and the caller works for more than one site).
 */
export interface ArticleColumns {
  site: { documentId: string; name: string } | null;
  columns: Array<{ name: string; kind: ColumnKind }>;
}
