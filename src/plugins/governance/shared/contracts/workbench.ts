/**
 * 工作台 (GET /governance/workbench): the admin's home page, what waits for the caller in each
 * part of their job. A part the caller does not hold is `null`: the server leaves out what their
 * permissions and sites do not cover, the page shows what it receives.
 */
import type { Capacity } from './sites';

/** The articles of the caller's sites by review state (站点编辑): each a filter of the article list. */
export interface ArticleTodos {
  /** 已退回: sent back by a reviewer, to be revised. */
  rejected: number;
  /** 草稿: written or changed and not sent for review. */
  draft: number;
  /** 已撤回: taken back out of review. */
  withdrawn: number;
}

/** 待我审核 (审核员, 终审人, 站点负责人). */
export interface ReviewTodos {
  /** Articles waiting at a step the caller may take now. */
  toReview: number;
  /** Since when the longest of them has waited; null when none waits. */
  oldestWaitingSince: string | null;
}

/** 留言办理 of the caller's sites: each an inbox tab (GET /governance/messages?tab=). */
export interface MessageTodos {
  toSign: number;
  dueSoon: number;
  overdue: number;
  /** Extension requests not yet decided by the province. */
  pendingExtension: number;
}

/** The daily oversight check's verdicts (站群监测): sites by their worst rule. */
export interface SiteStanding {
  /** Sites with a rule tripped (否决). */
  tripped: number;
  /** Sites with a rule near its limit and none tripped (预警). */
  warning: number;
  /**
   * When the daily check last finished, whose verdicts these are; null before its first run,
   * when the sites are judged as the request is answered.
   */
  checkedAt: string | null;
}

/** Passwords by expiry (账号安全): each an accounts filter. */
export interface PasswordExpiries {
  /** Expiring within `withinDays` days (the first reminder's). */
  dueSoon: number;
  expired: number;
  withinDays: number;
}

/** The province's: the whole group. Each part needs its own permission. */
export interface GroupTodos {
  sites: SiteStanding | null;
  /** Messages past their deadline across the group. */
  overdueMessages: number | null;
  /** Extension requests waiting for the province's decision. */
  extensions: number | null;
  /** Null too where passwords do not expire (the NIST profile). */
  passwords: PasswordExpiries | null;
}

/** Who the caller is, as the greeting names them. */
export interface WorkbenchProfile {
  /** 姓名, as one field: 王建国. */
  name: string;
  /** Role names, as the 账号安全 page lists them (Strapi's own are named in Chinese there). */
  roles: string[];
  /** A provincial admin: every site. */
  groupWide: boolean;
  /** The sites the caller works for, in which capacity. */
  sites: Array<{ code: string; name: string; capacity: Capacity }>;
}

export interface Workbench {
  profile: WorkbenchProfile;
  /** The group's time zone, in which the page writes times (Asia/Shanghai). */
  timezone: string;
  articles: ArticleTodos | null;
  review: ReviewTodos | null;
  messages: MessageTodos | null;
  group: GroupTodos | null;
}
