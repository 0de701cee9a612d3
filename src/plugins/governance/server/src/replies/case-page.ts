import type { Core } from '@strapi/strapi';
import type {
  CaseEvent,
  MessageCase,
  MessageSite,
  Verdict,
} from '../../../shared/contracts/messages';
import { siteScope } from '../sites/scope';
import type { AdminUser } from '../utils/document-middleware';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { caseAccess } from './case-access';
import { holdings } from './holdings';
import { messageLabel } from './messages';
import { maskName, type MessageRow } from './service';
import { CITIZEN_MESSAGE, MESSAGE_EVENT, SITE } from '../uids';

/** An event of a message's timeline (plugin::governance.message-event), with its sites. */
type EventRow = Omit<CaseEvent, 'actor' | 'at'> & { actorName: string; createdAt: string };

/** 留言办理's case page (the desk's `getCase`): one message, its holdings and its timeline. */
export const casePage = (strapi: Core.Strapi) => {
  const { timezone, load, deadlineOf } = caseAccess(strapi);

  /**
   * The whole case as staff see it: the message with contact data (each read audited), its
   * timeline, its deadline state. Never the query code: it is the citizen's key.
   */
  return async (id: number, user: AdminUser): Promise<MessageCase> => {
    // The receiving site reads a transfer waiting for its acceptance, to accept or refuse it.
    const message = await load(id, user, { pending: true });
    const held = holdings(strapi);
    const now = new Date();
    const [pending, holdingList, scope] = await Promise.all([
      held.pending(id),
      held.list(id, now),
      siteScope(strapi, user),
    ]);
    const pendingSites = pending
      ? ((await strapi.db.query(SITE).findMany({
          where: { id: { $in: [pending.siteId, pending.fromSiteId ?? 0] } },
          select: ['id', 'code', 'name'],
        })) as Array<MessageSite & { id: number }>)
      : [];
    const siteOf = (siteId: number | null) => {
      const found = pendingSites.find((site) => site.id === siteId);
      return found ? { code: found.code, name: found.name } : null;
    };
    const full = (await strapi.db.query(CITIZEN_MESSAGE).findOne({
      where: { id },
      populate: {
        site: { select: ['code', 'name'] },
        repliedBy: { select: ['id', 'firstname', 'lastname'] },
      },
    })) as MessageRow & {
      site: MessageSite | null;
      repliedBy: { id: number; firstname: string | null; lastname: string | null } | null;
    };
    const events = (await strapi.db.query(MESSAGE_EVENT).findMany({
      where: { message: { id } },
      populate: { fromSite: { select: ['code', 'name'] }, toSite: { select: ['code', 'name'] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    })) as EventRow[];
    // The standing verdict: the last one, unless an edit of the reply voided it since.
    const spotCheck = full.spotCheck
      ? [...events]
          .reverse()
          .find(
            (e): e is EventRow & { verdict: Verdict } =>
              e.action === 'spotCheck' && e.verdict !== null
          )
      : undefined;
    // Staff reading a citizen's name and contact is on the record (PIPL).
    await getService(strapi, 'audit').record('personalData.read', {
      subject: `message ${id}`,
      summary: `查看${messageLabel(full)}的留言人姓名和联系方式`,
      actor: user,
    });
    return {
      id: full.id,
      caseNumber: full.caseNumber,
      site: full.site,
      category: full.category,
      originalCategory: full.originalCategory ?? null,
      subject: full.subject,
      body: full.body,
      citizen: { name: full.name, phone: full.phone, email: full.email },
      maskedName: maskName(full.name),
      status: full.status,
      receivedAt: full.receivedAt,
      dueAt: full.dueAt,
      deadline: deadlineOf(message, new Date()),
      reply: full.reply,
      replyingUnit: full.replyingUnit,
      suggestedUnit: full.site?.name ?? null,
      repliedAt: full.repliedAt,
      repliedBy: full.repliedBy ? personName(full.repliedBy) : null,
      isPublic: Boolean(full.isPublic),
      pendingExtension: full.pendingExtension,
      invalidation: full.invalidation ?? null,
      replyFlagged: Boolean(full.replyFlagged),
      replyRevisedAt: full.replyRevisedAt ?? null,
      satisfaction: full.satisfaction,
      reopenedAt: full.reopenedAt,
      spotCheck: spotCheck
        ? {
            verdict: spotCheck.verdict,
            comment: spotCheck.text ?? null,
            by: spotCheck.actorName,
            at: spotCheck.createdAt,
          }
        : null,
      pendingTransfer: pending
        ? {
            from: siteOf(pending.fromSiteId),
            to: siteOf(pending.siteId) ?? { code: '', name: '' },
            reason: pending.reason,
            requestedAt: new Date(pending.requestedAt ?? now).toISOString(),
          }
        : null,
      canAnswerTransfer: Boolean(pending && (scope.all || scope.siteIds.includes(pending.siteId))),
      holdings: holdingList,
      timeline: events.map((e) => ({
        id: e.id,
        action: e.action,
        // Written "系统 (system)" and "留言人 (citizen)" before 2026-12.
        actor: e.actorName.replace(/ \((?:system|citizen)\)$/, ''),
        at: e.createdAt,
        text: e.text ?? null,
        workingDays: e.workingDays ?? null,
        fromSite: e.fromSite ?? null,
        toSite: e.toSite ?? null,
        dueAtBefore: e.dueAtBefore ?? null,
        dueAtAfter: e.dueAtAfter ?? null,
        flags: e.flags ?? null,
        verdict: e.verdict ?? null,
        satisfaction: e.satisfaction ?? null,
        categoryBefore: e.categoryBefore ?? null,
        categoryAfter: e.categoryAfter ?? null,
      })),
      timezone: timezone(),
    };
  };
};
