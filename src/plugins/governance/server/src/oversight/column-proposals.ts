import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { AdminUser } from '../utils/document-middleware';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { COLUMN_CHANGE } from '../uids';
import { describeAct, settingsOf, type ChangeRecord, type PreparedChange } from './column-records';
import { columnStanding, describeStanding } from './column-standing';
import { columnStore } from './column-store';
import { COLUMN_MANAGEMENT_ERRORS as ERRORS } from './messages';

/**
 * A site leader's column changes: proposed, one waiting per column at most, and made only when
 * the province approves — as the change stands then, recording how the column stood.
 */
export const columnProposals = (strapi: Core.Strapi) => {
  const audit = () => getService(strapi, 'audit');
  const store = columnStore(strapi);
  const standings = columnStanding(strapi);

  return {
    /** Records the leader's change as waiting for the province; answers its id. */
    async propose(user: AdminUser, prepared: PreparedChange) {
      const { site, action, column, proposal, before, standing, act, reason, now } = prepared;
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
            action,
            status: 'pending',
            proposal,
            before,
            reason,
            proposedById: user.id,
            proposedByName: prepared.actorName,
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
      return Number(row.id);
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
      const site = await store.siteOf(row.siteDocumentId);
      if (!site) throw new errors.NotFoundError(ERRORS.noSuchSite);
      const column =
        row.action === 'add' ? null : await store.columnFor(site, row.columnId ?? undefined);
      const proposal = row.proposal ?? {};
      const standing = column ? await standings.standingOf(site, column) : null;
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
          columnId = await store.apply(site, row.action, column, proposal, now);
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
