/**
 * 站群监测: shared by the server's oversight service and the admin's views. The national
 * inspection rules (国办秘函〔2019〕19号) fail a site outright (单项否决) on any of these; the
 * CMS reports, per site, how far each one is from tripping.
 */
import type { SiteLevel } from './overview';

export const COLUMN_KINDS = ['news', 'notice', 'policy', 'static'] as const;
/** news: 动态、要闻 (2 weeks); notice: 通知公告 and policy: 政策文件 (6 months); static: no rule. */
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export const VETO_RULES = ['homePage', 'staleColumns', 'longIdleColumns', 'emptyColumns', 'unansweredMessage'] as const;
export type VetoRule = (typeof VETO_RULES)[number];

/** ok: more than the warning window left; warning: within it; tripped: the site fails now. */
export type RuleStatus = 'ok' | 'warning' | 'tripped';

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
  replies: { year: number; received: number; replyRate: number | null; onTimeRate: number | null; open: number; overdue: number };
  /** Articles waiting in review, and the local days the longest has waited. */
  reviewBacklog: { waiting: number; oldestDays: number | null };
  /** Articles first published in the last 365 days by kind of content (the 2014 notice found too little analysis). */
  mix: Record<PublishingMix, number>;
  /** Accounts of the site whose password is past its expiry. */
  expiredAccounts: number;
  /** 信息报送 this year: articles submitted upward (not withdrawn) and adopted. */
  submissions: { submitted: number; adopted: number };
}

export const PUBLISHING_MIX = ['workNews', 'analysis', 'disclosure', 'other'] as const;
/** workNews: 工作动态; analysis: 解读、调研、理论文章; disclosure: 信息公开、通知、政策; other: the rest. */
export type PublishingMix = (typeof PUBLISHING_MIX)[number];
