import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { MessageStatus } from '../../../shared/contracts/messages';
import type { AuditAction } from '../../../shared/contracts/audit';
import type { AdminUser } from '../utils/document-middleware';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { caseAccess, type HandledMessage } from './case-access';
import { holdings } from './holdings';
import {
  ACTION_NAMES,
  categoryName,
  ERRORS,
  messageLabel,
  STATUS_NAMES,
  type StaffAction,
} from './messages';
import { CITIZEN_MESSAGE, MESSAGE_EVENT, SITE } from '../uids';

/** The acts the audit trail records (reading a case is recorded by getCase). */
const AUDITED: Partial<Record<StaffAction, AuditAction>> = {
  reply: 'message.reply',
  editReply: 'message.reply',
  transfer: 'message.transfer',
  acceptTransfer: 'message.transfer',
  refuseTransfer: 'message.transfer',
  assign: 'message.transfer',
  misassigned: 'message.transfer',
  correctCategory: 'message.correctCategory',
  makePublic: 'message.publicity',
  makePrivate: 'message.publicity',
  markInvalid: 'message.markInvalid',
  confirmInvalid: 'message.invalidDecision',
  overturnInvalid: 'message.invalidDecision',
  voidSpotCheck: 'message.spotCheckVoided',
};

/** Acts whose reason (the event's text) the audit entry keeps. */
const REASONED: ReadonlySet<StaffAction> = new Set<StaffAction>([
  'markInvalid',
  'confirmInvalid',
  'overturnInvalid',
]);

/**
 * What every act on a case shares (the handling flow in handling.ts, transfers in
 * transfers.ts): the case loaded within the user's sites, its holdings, the state an act needs,
 * and `apply`, which writes the act, its event and its audit entry in one transaction.
 */
export const caseActs = (strapi: Core.Strapi) => {
  const { config, timezone, calendar, load } = caseAccess(strapi);
  const held = holdings(strapi);

  const requireStatus = (
    message: HandledMessage,
    action: StaffAction,
    allowed: MessageStatus[]
  ) => {
    if (!allowed.includes(message.status))
      throw new errors.ApplicationError(
        ERRORS.wrongState(ACTION_NAMES[action], STATUS_NAMES[message.status])
      );
  };

  /**
   * Writes what an act changes, guarded by the state the actor saw (a second act on the same
   * state fails), and records the event. Relations go in a plain update: the guarded updateMany
   * writes columns only.
   */
  const apply = async (
    message: HandledMessage,
    user: AdminUser,
    action: StaffAction,
    change: { columns?: Record<string, unknown>; relations?: Record<string, unknown> },
    event: Record<string, unknown> = {},
    /** What else the act writes (its holdings), in the same transaction. */
    also?: () => Promise<void>
  ) =>
    strapi.db.transaction(async () => {
      const { count } = await strapi.db.query(CITIZEN_MESSAGE).updateMany({
        where: { id: message.id, revision: message.revision },
        data: { ...change.columns, revision: (message.revision ?? 0) + 1, updatedAt: new Date() },
      });
      if (count !== 1) throw new errors.ApplicationError(ERRORS.concurrent);
      if (change.relations)
        await strapi.db
          .query(CITIZEN_MESSAGE)
          .update({ where: { id: message.id }, data: change.relations });
      if (also) await also();
      await strapi.db.query(MESSAGE_EVENT).create({
        data: {
          message: message.id,
          action,
          actor: user.id,
          actorName: personName(user),
          ...event,
        },
      });
      const audited = AUDITED[action];
      if (audited) {
        await getService(strapi, 'audit').record(audited, {
          subject: `message ${message.id}`,
          summary: await auditSummary(message, action, event),
          details: {
            action,
            ...(event.fromSite ? { fromSite: event.fromSite } : {}),
            ...(event.toSite ? { toSite: event.toSite } : {}),
            ...(event.dueAtAfter && action === 'misassigned'
              ? { dueAtBefore: event.dueAtBefore, dueAtAfter: event.dueAtAfter, reason: event.text }
              : {}),
            ...(event.categoryAfter
              ? {
                  categoryBefore: event.categoryBefore,
                  categoryAfter: event.categoryAfter,
                  reason: event.text,
                }
              : {}),
            ...(REASONED.has(action) && event.text ? { reason: event.text } : {}),
            ...(event.verdict ? { verdict: event.verdict } : {}),
          },
          actor: user,
        });
      }
    });

  /** What the log says an audited act did: 答复留言《…》, 将留言《…》转办至宝鸡市. */
  const auditSummary = async (
    message: HandledMessage,
    action: StaffAction,
    event: Record<string, unknown>
  ) => {
    const label = messageLabel(message);
    const siteName = async (siteId: unknown) =>
      (
        (await strapi.db.query(SITE).findOne({ where: { id: siteId }, select: ['name'] })) as {
          name: string;
        } | null
      )?.name ?? '其他网站';
    if (action === 'transfer')
      return `将${label}转办至${await siteName(event.toSite)}（待对方接收）：${String(event.text ?? '')}`;
    if (action === 'assign')
      return `将${label}指定由${await siteName(event.toSite)}承办：${String(event.text ?? '')}`;
    if (action === 'acceptTransfer')
      return `${await siteName(event.toSite)}接收${await siteName(event.fromSite)}转办的${label}`;
    if (action === 'refuseTransfer')
      return `${await siteName(event.fromSite)}退回${label}：${String(event.text ?? '')}`;
    if (action === 'misassigned')
      return `认定${label}初次交办为误派，答复期限自接收时起算：${String(event.text ?? '')}`;
    if (action === 'correctCategory')
      return `将${label}的类别由${categoryName(event.categoryBefore)}更正为${categoryName(event.categoryAfter)}：${String(event.text ?? '')}`;
    if (REASONED.has(action) && event.text)
      return `${ACTION_NAMES[action]}${label}：${String(event.text)}`;
    if (action === 'voidSpotCheck')
      return `修改已抽查的答复，${label}的抽查结论（${event.verdict === 'substandard' ? '不合格' : '合格'}）作废，重新进入抽查范围`;
    return `${ACTION_NAMES[action]}${label}`;
  };
  return { config, timezone, calendar, load, held, requireStatus, apply };
};
