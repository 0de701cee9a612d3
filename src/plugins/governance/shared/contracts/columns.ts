/**
 * 栏目管理 (the /governance/column-management routes): a site's columns as the province manages
 * them and its leader proposes changes to them. Shared by the server (oversight/column-management.ts)
 * and the admin page (pages/columns).
 */
import type { ColumnKind } from './oversight';

export const COLUMN_CHANGE_ACTIONS = ['add', 'change', 'retire'] as const;
export type ColumnChangeAction = (typeof COLUMN_CHANGE_ACTIONS)[number];

export const COLUMN_CHANGE_STATUSES = ['pending', 'applied', 'refused'] as const;
export type ColumnChangeStatus = (typeof COLUMN_CHANGE_STATUSES)[number];

/**
 * Where a column's articles count in the 政府网站工作年度报表's 信息发布 (国办函〔2018〕12号):
 * 概况类, 政务动态 or 信息公开目录 信息; `none`: only in its total.
 */
export const REPORT_CATEGORIES = ['overview', 'news', 'disclosure', 'none'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/** A column's category when none was set: by its update kind. */
export const REPORT_CATEGORY_BY_KIND: Record<ColumnKind, ReportCategory> = {
  news: 'news',
  notice: 'disclosure',
  policy: 'disclosure',
  static: 'overview',
};

/** Who manages: the province changes and decides; a site's leader proposes. */
export type ColumnManager = 'province' | 'leader';

/** What a column is, as it is set (and as a change proposes it). */
export interface ColumnSettings {
  name: string;
  kind: ColumnKind;
  /** Its own days without an update before it is stale; null: the kind's default. */
  staleAfterDays: number | null;
  sortOrder: number;
  /** Where its articles count in the annual report form. */
  reportCategory: ReportCategory;
}

/** Where a column stands against its update rule now, as 站群监测 judges it. */
export interface ColumnStanding {
  /** The days it may go without an update (its own, else its kind's); null for a static column. */
  staleAfterDays: number | null;
  /** Local days since its last publication; null when it never had one. */
  idleDays: number | null;
  stale: boolean;
  /** Never published in: counts towards the empty-column veto. */
  empty: boolean;
  /** Stale, empty, or within the warning days of going stale: retiring it or giving it more days needs the province. */
  atRisk: boolean;
}

export interface ManagedColumn extends ColumnSettings {
  id: number;
  /** Names it had before a rename: its articles filed under them still count for it. */
  formerNames: string[];
  retiredAt: string | null;
  /** Null for a retired column: it is no longer judged. */
  standing: ColumnStanding | null;
}

export interface ColumnChange {
  id: number;
  action: ColumnChangeAction;
  status: ColumnChangeStatus;
  columnId: number | null;
  /** The column's name when the change was asked for (the new name for an added column). */
  columnName: string;
  proposal: Partial<ColumnSettings> | null;
  before: ColumnSettings | null;
  reason: string | null;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** The column's standing when the change was applied or refused. */
  standing: ColumnStanding | null;
}

export interface ColumnManagementSite {
  documentId: string;
  name: string;
  code: string;
}

/** GET /governance/column-management: the sites the user manages or leads. */
export interface ColumnManagementSites {
  as: ColumnManager;
  sites: ColumnManagementSite[];
  /** Proposals waiting for the province, per site document id (the province's view). */
  pending: Record<string, number>;
}

/** GET /governance/column-management/sites/:documentId */
export interface SiteColumnManagement {
  as: ColumnManager;
  site: ColumnManagementSite;
  columns: ManagedColumn[];
  changes: ColumnChange[];
}

/** POST /governance/column-management/sites/:documentId/changes */
export interface ColumnChangeInput {
  action: ColumnChangeAction;
  /** The column changed or retired; absent when adding. */
  column?: number;
  name?: string;
  kind?: ColumnKind;
  staleAfterDays?: number | null;
  sortOrder?: number;
  reportCategory?: ReportCategory;
  reason: string;
  /** The province retires or slackens a stale (or nearly stale, or empty) column knowingly. */
  confirmAtRisk?: boolean;
}

/** POST /governance/column-management/changes/:id/decision */
export interface ColumnDecisionInput {
  approve: boolean;
  reason: string;
}
