import { errors } from '@strapi/utils';
import type {
  ColumnChange,
  ColumnChangeAction,
  ColumnChangeInput,
  ColumnManagementSite,
  ColumnSettings,
  ColumnStanding,
  ReportCategory,
} from '../../../shared/contracts/columns';
import { REPORT_CATEGORY_BY_KIND } from '../../../shared/contracts/columns';
import type { ColumnKind } from '../../../shared/contracts/oversight';
import { COLUMN_MANAGEMENT_ERRORS as ERRORS } from './messages';

/** 栏目管理's rows, and how a change reads: what it sets, what it says, how the page shows it. */

const KIND_NAMES: Record<ColumnKind, string> = {
  news: '动态类',
  notice: '通知公告类',
  policy: '政策文件类',
  static: '静态类',
};

const REPORT_CATEGORY_NAMES: Record<ReportCategory, string> = {
  overview: '概况类信息',
  news: '政务动态信息',
  disclosure: '信息公开目录信息',
  none: '不单列',
};

export interface ColumnRecord {
  id: number;
  siteDocumentId: string;
  name: string;
  kind: ColumnKind;
  staleAfterDays: number | null;
  sortOrder: number | null;
  /** Null for a column set up before the form: its kind's (REPORT_CATEGORY_BY_KIND). */
  reportCategory: ReportCategory | null;
  retiredAt: string | Date | null;
  formerNames: string[] | null;
}

export interface ChangeRecord {
  id: number;
  siteDocumentId: string;
  columnId: number | null;
  action: ColumnChangeAction;
  status: ColumnChange['status'];
  proposal: Partial<ColumnSettings> | null;
  before: ColumnSettings | null;
  reason: string | null;
  proposedById: number | null;
  proposedByName: string | null;
  proposedAt: string | Date;
  decidedByName: string | null;
  decidedAt: string | Date | null;
  decisionReason: string | null;
  standing: ColumnStanding | null;
}

export type SiteRecord = ColumnManagementSite & { id: number };

/** A change as the service works on it: validated input without the confirmation. */
export type Requested = Omit<ColumnChangeInput, 'confirmAtRisk'>;

/** A change checked and described, ready to be made (the province) or proposed (a leader). */
export interface PreparedChange {
  site: SiteRecord;
  action: ColumnChangeAction;
  /** Null for an added column. */
  column: ColumnRecord | null;
  proposal: Partial<ColumnSettings>;
  before: ColumnSettings | null;
  standing: ColumnStanding | null;
  /** The act in words (describeAct). */
  act: string;
  reason: string;
  actorName: string;
  now: Date;
}

export const settingsOf = (c: ColumnRecord): ColumnSettings => ({
  name: c.name,
  kind: c.kind,
  staleAfterDays: c.staleAfterDays ?? null,
  sortOrder: c.sortOrder ?? 0,
  reportCategory: c.reportCategory ?? REPORT_CATEGORY_BY_KIND[c.kind],
});

/** What a change would set, only what differs from the column; refuses an empty change. */
export const proposalOf = (
  column: ColumnRecord | null,
  change: Requested
): Partial<ColumnSettings> => {
  if (change.action === 'retire') return {};
  const wanted: Partial<ColumnSettings> = {};
  if (change.name !== undefined) wanted.name = change.name;
  if (change.kind !== undefined) wanted.kind = change.kind;
  if (change.staleAfterDays !== undefined) wanted.staleAfterDays = change.staleAfterDays;
  if (change.sortOrder !== undefined) wanted.sortOrder = change.sortOrder;
  if (change.reportCategory !== undefined) wanted.reportCategory = change.reportCategory;
  if (!column) return wanted;
  const before = settingsOf(column);
  const differs = Object.fromEntries(
    Object.entries(wanted).filter(([key, value]) => before[key as keyof ColumnSettings] !== value)
  ) as Partial<ColumnSettings>;
  if (Object.keys(differs).length === 0) throw new errors.ValidationError(ERRORS.nothingChanged);
  return differs;
};

/** The act in words, to follow the actor's name in the 操作日志. */
export const describeAct = (
  site: SiteRecord,
  action: ColumnChangeAction,
  before: ColumnSettings | null,
  proposal: Partial<ColumnSettings>
) => {
  if (action === 'add') {
    const days = proposal.staleAfterDays ? `，${proposal.staleAfterDays} 天未更新即超期` : '';
    const category =
      REPORT_CATEGORY_NAMES[proposal.reportCategory ?? REPORT_CATEGORY_BY_KIND[proposal.kind!]];
    return `为${site.name}增设栏目“${proposal.name}”（${KIND_NAMES[proposal.kind!]}${days}，年度报表计入${category}）`;
  }
  if (action === 'retire') return `停用${site.name}的栏目“${before!.name}”`;
  const parts: string[] = [];
  if (proposal.name !== undefined) parts.push(`改名为“${proposal.name}”`);
  if (proposal.kind !== undefined) parts.push(`类型改为${KIND_NAMES[proposal.kind]}`);
  if (proposal.staleAfterDays !== undefined)
    parts.push(
      proposal.staleAfterDays === null
        ? '更新要求改为按类型默认'
        : `更新要求改为 ${proposal.staleAfterDays} 天`
    );
  if (proposal.sortOrder !== undefined) parts.push(`排序改为 ${proposal.sortOrder}`);
  if (proposal.reportCategory !== undefined)
    parts.push(`年度报表类别改为${REPORT_CATEGORY_NAMES[proposal.reportCategory]}`);
  return `将${site.name}的栏目“${before!.name}”${parts.join('，')}`;
};

/** A change as the page lists it; `names` finds an added column's name when the row has none. */
export const changeView = (row: ChangeRecord, names: Map<number, string>): ColumnChange => ({
  id: row.id,
  action: row.action,
  status: row.status,
  columnId: row.columnId,
  columnName:
    row.before?.name ??
    row.proposal?.name ??
    (row.columnId !== null ? (names.get(row.columnId) ?? '') : ''),
  proposal: row.proposal,
  before: row.before,
  reason: row.reason,
  proposedBy: row.proposedByName ?? '系统',
  proposedAt: new Date(row.proposedAt).toISOString(),
  decidedBy: row.decidedByName,
  decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
  decisionReason: row.decisionReason,
  standing: row.standing,
});
