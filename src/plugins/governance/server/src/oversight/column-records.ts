import { errors } from '@strapi/utils';
import type {
  ColumnChange,
  ColumnChangeAction,
  ColumnChangeInput,
  ColumnManagementSite,
  ColumnSettings,
  ColumnStanding,
} from '../../../shared/contracts/columns';
import type { ColumnKind } from '../../../shared/contracts/oversight';
import { COLUMN_MANAGEMENT_ERRORS as ERRORS } from './messages';

/** 栏目管理's rows, and how a change reads: what it sets, what it says, how the page shows it. */

const KIND_NAMES: Record<ColumnKind, string> = {
  news: '动态类',
  notice: '通知公告类',
  policy: '政策文件类',
  static: '静态类',
};

export interface ColumnRecord {
  id: number;
  siteDocumentId: string;
  name: string;
  kind: ColumnKind;
  staleAfterDays: number | null;
  sortOrder: number | null;
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
    return `为${site.name}增设栏目“${proposal.name}”（${KIND_NAMES[proposal.kind!]}${days}）`;
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
