import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import type {
  ColumnChange,
  ColumnChangeAction,
  ColumnChangeInput,
  ColumnManagementSite,
  ColumnManagementSites,
  ColumnManager,
  ColumnSettings,
  ColumnStanding,
  ManagedColumn,
  SiteColumnManagement,
} from '../../../shared/contracts/columns';
import type { ColumnKind } from '../../../shared/contracts/oversight';
import type { GovernanceConfig } from '../config';
import { memberSiteDocumentIds } from '../sites/scope';
import type { AdminUser } from '../utils/document-middleware';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { COLUMN_CHANGE, SITE, SITE_COLUMN } from '../uids';
import { COLUMN_MANAGEMENT_ERRORS as ERRORS } from './messages';
import { publications } from './site-facts';
import { columnStates } from './standing';

const KIND_NAMES: Record<ColumnKind, string> = {
  news: '动态类',
  notice: '通知公告类',
  policy: '政策文件类',
  static: '静态类',
};

interface ColumnRecord {
  id: number;
  siteDocumentId: string;
  name: string;
  kind: ColumnKind;
  staleAfterDays: number | null;
  sortOrder: number | null;
  retiredAt: string | Date | null;
  formerNames: string[] | null;
}

interface ChangeRecord {
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

type SiteRecord = ColumnManagementSite & { id: number };

/** A change as the service works on it: validated input without the confirmation. */
type Requested = Omit<ColumnChangeInput, 'confirmAtRisk'>;

const settingsOf = (c: ColumnRecord): ColumnSettings => ({
  name: c.name,
  kind: c.kind,
  staleAfterDays: c.staleAfterDays ?? null,
  sortOrder: c.sortOrder ?? 0,
});

/** The days a column may go without an update; Infinity for a static one (never stale). */
const allowedDays = (
  c: Pick<ColumnSettings, 'kind' | 'staleAfterDays'>,
  defaults: Record<string, number>
) => (c.kind === 'static' ? Infinity : (c.staleAfterDays ?? defaults[c.kind]));

/** A column's standing in words, as the refusal, the audit entry and the page say it. */
export const describeStanding = (s: ColumnStanding) => {
  if (s.empty) return '该栏目从未发布过文章（空白栏目）';
  if (s.stale) return `该栏目已 ${s.idleDays} 天未更新，超过 ${s.staleAfterDays} 天的更新要求`;
  if (s.staleAfterDays !== null && s.idleDays !== null)
    return `该栏目已 ${s.idleDays} 天未更新，再过 ${s.staleAfterDays - s.idleDays} 天即超期`;
  return '该栏目目前按时更新';
};

/**
 * 栏目管理: a site's columns (栏目) have owners. The province adds, changes and retires them; a
 * site's leader proposes, and the province approves or refuses with a reason. A retired column is
 * kept (`retiredAt`) for history and for its articles, no longer offered nor judged; a renamed
 * one keeps its former names, under which its articles still count. What a site could do to
 * escape the staleness veto — retire a stale, nearly stale or empty column, or give it more
 * days — needs the province, whose decision records how the column stood. Every change and
 * decision is audited.
 */
const columnManagementService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;
  const audit = () => getService(strapi, 'audit');

  const siteOf = async (documentId: string) =>
    (await strapi.db.query(SITE).findOne({
      where: { documentId },
      select: ['id', 'documentId', 'name', 'code'],
    })) as SiteRecord | null;

  /** The site, if the user manages it as `as`: a leader reaches only the sites they lead (else 404). */
  const siteFor = async (user: AdminUser, as: ColumnManager, documentId: string) => {
    const site = await siteOf(documentId);
    if (!site) throw new errors.NotFoundError(ERRORS.noSuchSite);
    if (
      as === 'leader' &&
      !(await memberSiteDocumentIds(strapi, user.id, ['leader'])).has(documentId)
    )
      throw new errors.NotFoundError(ERRORS.noSuchSite);
    return site;
  };

  const columnsOf = async (siteDocumentId: string) =>
    (await strapi.db.query(SITE_COLUMN).findMany({
      where: { siteDocumentId },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    })) as ColumnRecord[];

  /** How the site's columns stand now, as 站群监测 judges them: one grouped query for the site. */
  const standingsOf = async (site: SiteRecord, columns: ColumnRecord[], now = new Date()) => {
    const settings = config();
    const since = DateTime.fromJSDate(now).minus({ days: 365 }).toJSDate();
    const published = await publications(strapi, since, now, [site.id]);
    const states = columnStates(settings, columns, published, now);
    const warn = settings.oversight.veto.warnDays;
    return new Map(
      columns.map((c, i): [number, ColumnStanding] => {
        const s = states[i];
        const near =
          s.staleAfterDays !== null && s.idleDays !== null && s.staleAfterDays - s.idleDays <= warn;
        return [
          c.id,
          {
            staleAfterDays: s.staleAfterDays,
            idleDays: s.idleDays,
            stale: s.stale,
            empty: s.empty,
            atRisk: s.stale || s.empty || near,
          },
        ];
      })
    );
  };

  const standingOf = async (site: SiteRecord, column: ColumnRecord) =>
    (await standingsOf(site, [column])).get(column.id)!;

  /** A retire, or more days (a longer rule, another kind, static): what escapes the staleness veto. */
  const slackens = (column: ColumnRecord, change: Requested) => {
    if (change.action === 'retire') return true;
    if (change.action !== 'change') return false;
    const defaults = config().oversight.staleAfterDays;
    const after = {
      kind: change.kind ?? column.kind,
      staleAfterDays:
        change.staleAfterDays !== undefined ? change.staleAfterDays : column.staleAfterDays,
    };
    return allowedDays(after, defaults) > allowedDays(column, defaults);
  };

  /** The column a change names, on the site, still in use. */
  const columnFor = async (site: SiteRecord, id: number | undefined) => {
    const column = (await strapi.db
      .query(SITE_COLUMN)
      .findOne({ where: { id, siteDocumentId: site.documentId } })) as ColumnRecord | null;
    if (!column) throw new errors.NotFoundError(ERRORS.noSuchColumn);
    if (column.retiredAt) throw new errors.ApplicationError(ERRORS.retired);
    return column;
  };

  /** A name no other column of the site has or had (a former name still counts its articles). */
  const assertNameFree = async (site: SiteRecord, name: string, except?: number) => {
    const taken = (await columnsOf(site.documentId)).some(
      (c) => c.id !== except && (c.name === name || (c.formerNames ?? []).includes(name))
    );
    if (taken) throw new errors.ValidationError(ERRORS.nameTaken(name));
  };

  /** What a change would set, only what differs from the column; refuses an empty change. */
  const proposalOf = (column: ColumnRecord | null, change: Requested): Partial<ColumnSettings> => {
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
  const describeAct = (
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

  /** Makes the change to the columns (inside the caller's transaction); answers the column's id. */
  const apply = async (
    site: SiteRecord,
    action: ColumnChangeAction,
    column: ColumnRecord | null,
    proposal: Partial<ColumnSettings>,
    now: Date
  ) => {
    if (action === 'add') {
      await assertNameFree(site, proposal.name!);
      const created = await strapi.db.query(SITE_COLUMN).create({
        data: {
          siteDocumentId: site.documentId,
          name: proposal.name,
          kind: proposal.kind,
          staleAfterDays: proposal.staleAfterDays ?? null,
          sortOrder: proposal.sortOrder ?? 0,
        },
      });
      return Number(created.id);
    }
    if (action === 'retire') {
      await strapi.db
        .query(SITE_COLUMN)
        .update({ where: { id: column!.id }, data: { retiredAt: now } });
      return column!.id;
    }
    const data: Record<string, unknown> = { ...proposal };
    if (proposal.name !== undefined && proposal.name !== column!.name) {
      await assertNameFree(site, proposal.name, column!.id);
      // The old name stays the column's: its articles filed under it still count for it.
      data.formerNames = [...new Set([...(column!.formerNames ?? []), column!.name])];
    }
    await strapi.db.query(SITE_COLUMN).update({ where: { id: column!.id }, data });
    return column!.id;
  };

  const changeView = (row: ChangeRecord, names: Map<number, string>): ColumnChange => ({
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

  return {
    /** The sites the user manages (the province: all) or leads, with the proposals waiting. */
    async sites(user: AdminUser, as: ColumnManager): Promise<ColumnManagementSites> {
      const led =
        as === 'leader' ? [...(await memberSiteDocumentIds(strapi, user.id, ['leader']))] : null;
      const sites = (await strapi.db.query(SITE).findMany({
        where: led ? { documentId: { $in: led } } : {},
        select: ['documentId', 'name', 'code'],
        orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
      })) as ColumnManagementSite[];
      const pendingRows = (await strapi.db.query(COLUMN_CHANGE).findMany({
        where: {
          status: 'pending',
          ...(led ? { siteDocumentId: { $in: led } } : {}),
        },
        select: ['siteDocumentId'],
      })) as Array<{ siteDocumentId: string }>;
      const pending: Record<string, number> = {};
      for (const row of pendingRows)
        pending[row.siteDocumentId] = (pending[row.siteDocumentId] ?? 0) + 1;
      return {
        as,
        sites: sites.map(({ documentId, name, code }) => ({ documentId, name, code })),
        pending,
      };
    },

    /** One site's columns (retired ones too), how each stands, and its changes, newest first. */
    async site(
      user: AdminUser,
      as: ColumnManager,
      documentId: string
    ): Promise<SiteColumnManagement> {
      const site = await siteFor(user, as, documentId);
      const columns = await columnsOf(site.documentId);
      const inUse = columns.filter((c) => !c.retiredAt);
      const standings = await standingsOf(site, inUse);
      const changes = (await strapi.db.query(COLUMN_CHANGE).findMany({
        where: { siteDocumentId: site.documentId },
        orderBy: [{ proposedAt: 'desc' }, { id: 'desc' }],
        limit: 100,
      })) as ChangeRecord[];
      const names = new Map(columns.map((c) => [c.id, c.name]));
      return {
        as,
        site: { documentId: site.documentId, name: site.name, code: site.code },
        columns: columns.map((c): ManagedColumn => ({
          id: c.id,
          ...settingsOf(c),
          formerNames: c.formerNames ?? [],
          retiredAt: c.retiredAt ? new Date(c.retiredAt).toISOString() : null,
          standing: standings.get(c.id) ?? null,
        })),
        changes: changes.map((row) => changeView(row, names)),
      };
    },

    /**
     * A change of the site's columns. The province's is made at once — but retiring or giving
     * more days to a column at risk (stale, nearly stale, empty) only once it confirms so; a
     * leader's waits for the province as a proposal.
     */
    async change(
      user: AdminUser,
      as: ColumnManager,
      documentId: string,
      input: ColumnChangeInput
    ): Promise<{ status: 'applied' | 'pending'; id: number }> {
      const site = await siteFor(user, as, documentId);
      const { confirmAtRisk, ...change } = input;
      const column = change.action === 'add' ? null : await columnFor(site, change.column);
      const proposal = proposalOf(column, change);
      if (change.action === 'add' || proposal.name !== undefined)
        await assertNameFree(site, proposal.name!, column?.id);
      const standing = column ? await standingOf(site, column) : null;
      const before = column ? settingsOf(column) : null;
      const now = new Date();
      const act = describeAct(site, change.action, before, proposal);
      const reason = change.reason.trim();
      const actorName = personName(user);

      if (as === 'leader') {
        if (column) {
          const waiting = await strapi.db
            .query(COLUMN_CHANGE)
            .count({ where: { columnId: column.id, status: 'pending' } });
          if (Number(waiting) > 0) throw new errors.ApplicationError(ERRORS.pendingExists);
        }
        const row = await strapi.db.transaction(async () => {
          const created = await strapi.db.query(COLUMN_CHANGE).create({
            data: {
              siteDocumentId: site.documentId,
              columnId: column?.id ?? null,
              action: change.action,
              status: 'pending',
              proposal,
              before,
              reason,
              proposedById: user.id,
              proposedByName: actorName,
              proposedAt: now,
              standing,
            },
          });
          await audit().record('column.propose', {
            summary: `申请${act}，待省厅审批${standing?.atRisk ? `（${describeStanding(standing)}）` : ''}：${reason}`,
            subject: site.name,
            details: {
              siteDocumentId: site.documentId,
              changeId: created.id,
              proposal,
              before,
              standing,
            },
            actor: user,
          });
          return created;
        });
        return { status: 'pending', id: Number(row.id) };
      }

      const guarded =
        column !== null && standing !== null && standing.atRisk && slackens(column, change);
      if (guarded && !confirmAtRisk)
        throw new errors.ValidationError(ERRORS.atRisk(describeStanding(standing)), {
          standing,
        });
      const row = await strapi.db.transaction(async () => {
        const columnId = await apply(site, change.action, column, proposal, now);
        const created = await strapi.db.query(COLUMN_CHANGE).create({
          data: {
            siteDocumentId: site.documentId,
            columnId,
            action: change.action,
            status: 'applied',
            proposal,
            before,
            reason,
            proposedById: user.id,
            proposedByName: actorName,
            proposedAt: now,
            decidedById: user.id,
            decidedByName: actorName,
            decidedAt: now,
            standing,
          },
        });
        await audit().record('column.change', {
          summary: `${act}${guarded ? `（${describeStanding(standing!)}，经省厅确认）` : ''}：${reason}`,
          subject: site.name,
          details: {
            siteDocumentId: site.documentId,
            changeId: created.id,
            columnId,
            proposal,
            before,
            standing,
            confirmedAtRisk: guarded,
          },
          actor: user,
        });
        return created;
      });
      return { status: 'applied', id: Number(row.id) };
    },

    /**
     * The province approves or refuses a leader's proposal, with a reason. An approval makes the
     * change as it stands now and records the column's standing at that moment (stale or not).
     */
    async decide(user: AdminUser, id: number, input: { approve: boolean; reason: string }) {
      const row = (await strapi.db
        .query(COLUMN_CHANGE)
        .findOne({ where: { id, status: 'pending' } })) as ChangeRecord | null;
      if (!row) throw new errors.NotFoundError(ERRORS.noSuchChange);
      const site = await siteOf(row.siteDocumentId);
      if (!site) throw new errors.NotFoundError(ERRORS.noSuchSite);
      const column = row.action === 'add' ? null : await columnFor(site, row.columnId ?? undefined);
      const proposal = row.proposal ?? {};
      const standing = column ? await standingOf(site, column) : null;
      const now = new Date();
      const reason = input.reason.trim();
      const act = describeAct(site, row.action, column ? settingsOf(column) : row.before, proposal);
      const stood = standing?.atRisk ? `（审批时${describeStanding(standing)}）` : '';
      const proposer = row.proposedByName ?? '站点负责人';

      await strapi.db.transaction(async () => {
        const { count } = await strapi.db.query(COLUMN_CHANGE).updateMany({
          where: { id, status: 'pending' },
          data: {
            status: input.approve ? 'applied' : 'refused',
            decidedById: user.id,
            decidedByName: personName(user),
            decidedAt: now,
            decisionReason: reason,
            standing,
          },
        });
        if (count !== 1) throw new errors.NotFoundError(ERRORS.noSuchChange);
        let columnId = row.columnId;
        if (input.approve) {
          columnId = await apply(site, row.action, column, proposal, now);
          if (row.action === 'add')
            await strapi.db.query(COLUMN_CHANGE).update({ where: { id }, data: { columnId } });
        }
        await audit().record(input.approve ? 'column.approve' : 'column.refuse', {
          summary: `${input.approve ? '批准' : '不批准'}${proposer}的栏目调整申请（${act}）${stood}：${reason}`,
          subject: site.name,
          details: {
            siteDocumentId: site.documentId,
            changeId: id,
            columnId,
            proposal,
            standing,
            approvedAtRisk: input.approve && Boolean(standing?.atRisk),
          },
          actor: user,
        });
      });
    },
  };
};

export default columnManagementService;
