import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  OPEN_STATUSES,
  type MessageStatus,
  type TransferTarget,
} from '../../../shared/contracts/messages';
import { SITE_LEVELS, type SiteLevel } from '../../../shared/contracts/overview';
import { forbidden } from '../utils/forbidden';
import type { AdminUser } from '../utils/document-middleware';
import { siteScope } from '../sites/scope';
import { caseActs } from './acts';
import type { HandledMessage } from './case-access';
import type { HoldingRow } from './holdings';
import { dueAt } from './deadlines';
import { ERRORS } from './messages';
import { workingDaysFor } from './site-working-days';
import { SITE } from '../uids';

const OPEN: MessageStatus[] = [...OPEN_STATUSES];

/**
 * 转办 and what follows it: a site's request to another site, the receiver's 接收 or 退回, the
 * province's direct assignment (指定承办) and its ruling that a first assignment was a mistake
 * (认定误派). Each act is one transaction through `apply` (acts.ts), like the rest of handling.
 */
const transfersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const { config, timezone, calendar, load, held, requireStatus, apply } = caseActs(strapi);

  /** A message with a transfer pending to one of the user's sites (the province: any). */
  const loadPending = async (id: number, user: AdminUser) => {
    const message = await load(id, user, { pending: true });
    const pending = await held.pending(message.id);
    if (!pending) throw new errors.ApplicationError(ERRORS.noPendingTransfer);
    const scope = await siteScope(strapi, user);
    if (!scope.all && !scope.siteIds.includes(pending.siteId))
      throw forbidden(ERRORS.notYourTransfer);
    return { message, pending };
  };

  /**
   * The case passes to `target` (acceptance of a pending transfer, or the province's
   * assignment): the holder's holding ends now, the receiver's starts now with the full handling
   * time, or, for a site that held it before (a return), with its earlier deadline. The
   * message's own deadline does not move.
   */
  const handOver = async (
    message: HandledMessage,
    user: AdminUser,
    action: 'acceptTransfer' | 'assign',
    target: { id: number; replyWorkingDays?: unknown },
    text: string | null,
    pending: HoldingRow | null
  ) => {
    const now = new Date();
    const earlier = await held.earlier(message.id, target.id);
    const holdingDue = earlier?.dueAt
      ? new Date(earlier.dueAt)
      : dueAt(
          calendar(),
          now,
          workingDaysFor(
            config().replies.workingDays,
            target,
            message.category,
            config().replies.maxWorkingDays
          ),
          timezone()
        );
    const fromSite = message.site?.id ?? null;
    await apply(
      message,
      user,
      action,
      {
        columns: {
          status: action === 'assign' ? 'transferred' : 'accepted',
          pendingExtension: null,
          // The receiver's leader is told when its own holding's deadline passes (overdue.ts).
          overdueNotifiedAt: null,
        },
        relations: { site: target.id },
      },
      { fromSite, toSite: target.id, text, dueAtAfter: holdingDue },
      async () => {
        await held.endOpen(message.id, 'transferred', now);
        const opened = { state: 'open', startedAt: now, dueAt: holdingDue, isReturn: !!earlier };
        if (pending) await held.update(pending.id, opened);
        else await held.start(message.id, target.id, fromSite, now, holdingDue, !!earlier);
      }
    );
  };
  return {
    /**
     * 转办: asks another site to take the case. The message stays with the sender, and the
     * sender's clock keeps running, until the receiving site accepts it (接收) or refuses it
     * (退回); the province assigns directly (指定承办). The message's own deadline stays the
     * first receipt's.
     */
    async transfer(id: number, user: AdminUser, input: { site: string; reason: string }) {
      const message = await load(id, user);
      requireStatus(message, 'transfer', OPEN);
      const target = await strapi.db
        .query(SITE)
        .findOne({ where: { code: input.site, active: true }, select: ['id', 'replyWorkingDays'] });
      if (!target) throw new errors.ValidationError(ERRORS.transferTarget(input.site));
      if (target.id === message.site?.id) throw new errors.ValidationError(ERRORS.sameSite);
      if (await held.pending(message.id)) throw new errors.ApplicationError(ERRORS.transferPending);
      const reason = input.reason.trim();
      if ((await siteScope(strapi, user)).all) {
        await handOver(message, user, 'assign', target, reason, null);
        return;
      }
      await apply(
        message,
        user,
        'transfer',
        {},
        { fromSite: message.site?.id ?? null, toSite: target.id, text: reason },
        () => held.request(message.id, target.id, message.site?.id ?? null, reason)
      );
    },

    /** 接收转办: the receiving site's handler (or the province) takes the case; its clock starts now. */
    async acceptTransfer(id: number, user: AdminUser) {
      const { message, pending } = await loadPending(id, user);
      requireStatus(message, 'acceptTransfer', OPEN);
      const target = await strapi.db
        .query(SITE)
        .findOne({ where: { id: pending.siteId }, select: ['id', 'replyWorkingDays'] });
      if (!target) throw new errors.ApplicationError(ERRORS.noPendingTransfer);
      await handOver(message, user, 'acceptTransfer', target, null, pending);
    },

    /** 退回转办: the receiving site refuses, with the reason; the case stays with the sender. */
    async refuseTransfer(id: number, user: AdminUser, reason: string) {
      const { message, pending } = await loadPending(id, user);
      await apply(
        message,
        user,
        'refuseTransfer',
        {},
        { fromSite: pending.siteId, toSite: message.site?.id ?? null, text: reason.trim() },
        () => held.update(pending.id, { state: 'ended', endedBy: 'refused', endedAt: new Date() })
      );
    },

    /**
     * 认定误派 (province only): the first assignment was a mistake, so the message's own deadline
     * is recomputed from the receiving site's acceptance (its holding's deadline).
     */
    async misassigned(id: number, user: AdminUser, reason: string) {
      if (!(await siteScope(strapi, user)).all) throw forbidden(ERRORS.provinceOnly);
      const message = await load(id, user);
      requireStatus(message, 'misassigned', OPEN);
      const holding = await held.open(message.id);
      if (!holding?.dueAt || holding.fromSiteId === null || holding.isReturn)
        throw new errors.ApplicationError(ERRORS.notTransferred);
      const recomputed = new Date(holding.dueAt);
      if (recomputed.getTime() === new Date(message.dueAt).getTime())
        throw new errors.ApplicationError(ERRORS.alreadyMisassigned);
      await apply(
        message,
        user,
        'misassigned',
        { columns: { dueAt: recomputed, overdueNotifiedAt: null } },
        {
          text: reason.trim(),
          dueAtBefore: new Date(message.dueAt),
          dueAtAfter: recomputed,
        }
      );
    },

    /** Where a message can be transferred: every active site, portal first, in the group's order. */
    async transferTargets(): Promise<TransferTarget[]> {
      const sites = (await strapi.db.query(SITE).findMany({
        where: { active: true },
        select: ['code', 'name', 'level', 'sortOrder'],
        populate: { parent: { select: ['name'] } },
        orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
      })) as Array<{
        code: string;
        name: string;
        level: SiteLevel;
        parent: { name: string } | null;
      }>;
      return sites
        .sort((a, b) => SITE_LEVELS.indexOf(a.level) - SITE_LEVELS.indexOf(b.level))
        .map((site) => ({
          code: site.code,
          name: site.name,
          level: site.level,
          city: site.parent?.name ?? null,
        }));
    },
  };
};

export default transfersService;
