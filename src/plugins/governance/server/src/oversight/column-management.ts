import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type {
  ColumnChangeInput,
  ColumnManagementSite,
  ColumnManagementSites,
  ColumnManager,
  ManagedColumn,
  SiteColumnManagement,
} from '../../../shared/contracts/columns';
import { memberSiteDocumentIds } from '../sites/scope';
import type { AdminUser } from '../utils/document-middleware';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { COLUMN_CHANGE, SITE } from '../uids';
import { columnProposals } from './column-proposals';
import {
  changeView,
  describeAct,
  proposalOf,
  settingsOf,
  type ChangeRecord,
  type PreparedChange,
} from './column-records';
import { columnStanding, describeStanding } from './column-standing';
import { columnStore } from './column-store';
import { COLUMN_MANAGEMENT_ERRORS as ERRORS } from './messages';

/**
 * 栏目管理: a site's columns (栏目) have owners. The province adds, changes and retires them; a
 * site's leader proposes, and the province approves or refuses with a reason (column-proposals.ts).
 * A retired column is kept (`retiredAt`) for history and for its articles, no longer offered nor
 * judged; a renamed one keeps its former names, under which its articles still count. What a site
 * could do to escape the staleness veto — retire a stale, nearly stale or empty column, or give it
 * more days — needs the province, whose decision records how the column stood (column-standing.ts).
 * Every change and decision is audited.
 */
const columnManagementService = ({ strapi }: { strapi: Core.Strapi }) => {
  const audit = () => getService(strapi, 'audit');
  const { siteFor, columnsOf, columnFor, assertNameFree, apply } = columnStore(strapi);
  const { standingsOf, standingOf, slackens } = columnStanding(strapi);
  const proposals = columnProposals(strapi);

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
      const prepared: PreparedChange = {
        site,
        action: change.action,
        column,
        proposal,
        before,
        standing,
        act: describeAct(site, change.action, before, proposal),
        reason: change.reason.trim(),
        actorName: personName(user),
        now,
      };

      if (as === 'leader')
        return { status: 'pending', id: await proposals.propose(user, prepared) };

      const { act, reason, actorName } = prepared;
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

    /** The province approves or refuses a leader's proposal, with a reason (column-proposals.ts). */
    decide: (user: AdminUser, id: number, input: { approve: boolean; reason: string }) =>
      proposals.decide(user, id, input),
  };
};

export default columnManagementService;
