import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  OPEN_STATUSES,
  type BulkSignResult,
  type Category,
  type InvalidDecision,
  type MessageStatus,
  type ReplyFlaggedDetails,
  type TransferTarget,
  type Verdict,
} from '../../../shared/contracts/messages';
import { SITE_LEVELS, type SiteLevel } from '../../../shared/contracts/overview';
import type { AdminUser } from '../utils/document-middleware';
import type { AuditAction } from '../../../shared/contracts/audit';
import { forbidden } from '../utils/forbidden';
import { getService } from '../utils/get-service';
import { siteScope } from '../sites/scope';
import { caseAccess, type HandledMessage } from './case-access';
import { holdings, type HoldingRow } from './holdings';
import { personName } from '../utils/person-name';
import { dueAt, endOfWorkday, workingDaysBetween } from './deadlines';
import {
  ACTION_NAMES,
  categoryName,
  ERRORS,
  messageLabel,
  STATUS_NAMES,
  type StaffAction,
} from './messages';
import { replyFlags } from './quality';
import { SAMPLED_STATUSES } from './validity';
import { plainText } from './service';
import { workingDaysFor } from './site-working-days';
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

const OPEN: MessageStatus[] = [...OPEN_STATUSES];

/**
 * The handling flow of a citizen message (留言办理): sign for, reply and edit the reply, transfer
 * to another site, request and decide an extension, refuse as invalid, close. Each act is one
 * transaction that records an event with its actor taken from the session, never from the
 * request; a message outside the actor's sites is "not found".
 */
const handlingService = ({ strapi }: { strapi: Core.Strapi }) => {
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

  /** 签收 */
  const sign = async (id: number, user: AdminUser) => {
    const message = await load(id, user);
    requireStatus(message, 'sign', ['received', 'transferred']);
    await apply(message, user, 'sign', { columns: { status: 'accepted' } });
  };

  /** A message with a transfer pending to one of the user's sites (the province: any). */
  const loadPending = async (id: number, user: AdminUser) => {
    const message = await load(id, user, { pending: true });
    const pending = await held.pending(message.id);
    if (!pending) throw new errors.ApplicationError(ERRORS.noPendingTransfer);
    const scope = await siteScope(strapi, user);
    if (!scope.all && !scope.siteIds.includes(pending.siteId))
      throw new errors.ForbiddenError(ERRORS.notYourTransfer);
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

  const service = {
    sign,

    /**
     * 批量签收: each message signed as on its own (the user's sites, its state, its event), one
     * after the other; one refused does not stop the others. Answers which were signed, and
     * why the others were not.
     */
    async signMany(ids: number[], user: AdminUser): Promise<BulkSignResult> {
      const result: BulkSignResult = { signed: [], refused: [] };
      for (const id of [...new Set(ids)]) {
        try {
          await sign(id, user);
          result.signed.push(id);
        } catch (error) {
          // Not found (another site's, or none) and a wrong state are answers; anything else fails.
          if (!(error instanceof errors.ApplicationError)) throw error;
          result.refused.push({ id, reason: error.message });
        }
      }
      return result;
    },

    /**
     * 公开: whether the answer is shown among the public replies (masked name, no contact), chosen
     * in the case; recorded in its timeline and the audit trail. A refused message is never shown.
     */
    async setPublic(id: number, user: AdminUser, isPublic: boolean) {
      const message = await load(id, user);
      const action = isPublic ? 'makePublic' : 'makePrivate';
      requireStatus(message, action, [...OPEN, 'replied', 'closed']);
      if (Boolean(message.isPublic) === isPublic) return;
      await apply(message, user, action, { columns: { isPublic } });
    },

    /**
     * 答复, or 修改答复 once replied: every version stays in the timeline. A reply that looks
     * substandard (too short, set phrases only, no replying unit) is refused with its flags
     * until its author confirms it; the flags stay on the event. The first reply fixes the
     * reply date and whether it was on time; a reopened case's new reply does not move them.
     */
    async reply(
      id: number,
      user: AdminUser,
      input: { text: string; unit?: string | null; acknowledgeFlags?: boolean }
    ) {
      const message = await load(id, user);
      const reply = plainText(input.text);
      if ([...reply].length < 10 || [...reply].length > 10000)
        throw new errors.ValidationError(ERRORS.replyText);
      const unit = input.unit ? plainText(input.unit) || null : null;
      const flags = replyFlags(reply, unit, config().replies.quality);
      if (flags.length > 0 && !input.acknowledgeFlags) {
        const details: ReplyFlaggedDetails = { code: 'REPLY_FLAGGED', flags };
        throw new errors.ValidationError(ERRORS.replyFlagged(flags), details);
      }
      const recorded = { text: reply, flags: flags.length > 0 ? flags : null };
      const now = new Date();
      // What the figures count: the first substantive reply's date. A flagged reply sent anyway
      // (a placeholder) is "flagged", not answered, until a substantive one replaces it.
      const counted = {
        replyFlagged: false,
        workingDaysToReply: workingDaysBetween(
          calendar(),
          new Date(message.receivedAt),
          now,
          timezone()
        ),
        repliedOnTime: now <= new Date(message.dueAt),
      };
      const answersPlaceholder = flags.length === 0 && Boolean(message.replyFlagged);
      // The site holds the message until a substantive answer: a placeholder does not end its
      // holding, so its time still runs for the veto (a pending transfer is withdrawn either way).
      const stillFlagged = message.repliedAt
        ? Boolean(message.replyFlagged) && !answersPlaceholder
        : flags.length > 0;
      const endHolding = () =>
        stillFlagged
          ? held.withdrawPending(message.id, now)
          : held.endOpen(message.id, 'replied', now);
      if (message.status === 'replied') {
        // The event keeps the new wording; the one before is in the event of the reply before.
        // An edit voids a spot check's verdict: the message goes back into the pool.
        await strapi.db.transaction(async () => {
          await apply(
            message,
            user,
            'editReply',
            {
              columns: {
                reply,
                replyingUnit: unit,
                replyRevisedAt: now,
                ...(message.spotCheck ? { spotCheck: null } : {}),
                ...(answersPlaceholder ? counted : {}),
              },
            },
            recorded,
            answersPlaceholder ? endHolding : undefined
          );
          if (message.spotCheck)
            await apply(
              { ...message, revision: (message.revision ?? 0) + 1 },
              user,
              'voidSpotCheck',
              {},
              { verdict: message.spotCheck }
            );
        });
        return;
      }
      requireStatus(message, 'reply', OPEN);
      const first = message.repliedAt
        ? answersPlaceholder
          ? counted
          : {}
        : flags.length > 0
          ? { repliedAt: now, replyFlagged: true, workingDaysToReply: null, repliedOnTime: null }
          : { repliedAt: now, ...counted };
      await apply(
        message,
        user,
        'reply',
        {
          columns: {
            reply,
            replyingUnit: unit,
            status: 'replied',
            pendingExtension: null,
            ...first,
          },
          relations: message.repliedAt ? undefined : { repliedBy: user.id },
        },
        recorded,
        endHolding
      );
    },

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
      if (!(await siteScope(strapi, user)).all)
        throw new errors.ForbiddenError(ERRORS.provinceOnly);
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

    /** 申请延期: waits for a provincial admin's decision; the deadline stands meanwhile. */
    async requestExtension(
      id: number,
      user: AdminUser,
      input: { workingDays: number; reason: string }
    ) {
      const message = await load(id, user);
      requireStatus(message, 'requestExtension', OPEN);
      if (message.pendingExtension) throw new errors.ApplicationError(ERRORS.extensionPending);
      const pendingExtension = {
        workingDays: input.workingDays,
        reason: input.reason.trim(),
        requestedBy: user.id,
        requestedAt: new Date().toISOString(),
      };
      await apply(
        message,
        user,
        'requestExtension',
        { columns: { pendingExtension } },
        { workingDays: input.workingDays, text: pendingExtension.reason }
      );
    },

    /** 批准 / 不批准延期: an approved extension moves the deadline by its working days. */
    async decideExtension(
      id: number,
      user: AdminUser,
      input: { approve: boolean; comment?: string | null }
    ) {
      const message = await load(id, user);
      const pending = message.pendingExtension;
      if (!pending) throw new errors.ApplicationError(ERRORS.noExtension);
      requireStatus(message, input.approve ? 'approveExtension' : 'refuseExtension', OPEN);
      if (!input.approve) {
        await apply(
          message,
          user,
          'refuseExtension',
          { columns: { pendingExtension: null } },
          { workingDays: pending.workingDays, text: input.comment?.trim() || null }
        );
        return;
      }
      const extended = endOfWorkday(
        calendar(),
        new Date(message.dueAt),
        pending.workingDays,
        timezone()
      );
      await apply(
        message,
        user,
        'approveExtension',
        // A new deadline: its own overdue notice when it passes.
        { columns: { dueAt: extended, pendingExtension: null, overdueNotifiedAt: null } },
        {
          workingDays: pending.workingDays,
          text: input.comment?.trim() || null,
          dueAtBefore: new Date(message.dueAt),
          dueAtAfter: extended,
        },
        // The holder's own deadline moves by the same working days.
        async () => {
          const holding = await held.open(message.id);
          if (holding?.dueAt)
            await held.update(holding.id, {
              dueAt: endOfWorkday(
                calendar(),
                new Date(holding.dueAt),
                pending.workingDays,
                timezone()
              ),
            });
        }
      );
    },

    /**
     * 不予受理: not a valid message (no question, abuse, another authority's matter), with the
     * reason. It waits for the province's confirmation, counted meanwhile as received and
     * unanswered (statistics, the veto); every refused message is in the 抽查 pool.
     */
    async markInvalid(id: number, user: AdminUser, reason: string) {
      const message = await load(id, user);
      requireStatus(message, 'markInvalid', OPEN);
      await apply(
        message,
        user,
        'markInvalid',
        { columns: { status: 'rejected', invalidation: 'pending', pendingExtension: null } },
        { text: reason.trim() }
      );
    },

    /**
     * 确认 / 撤销不予受理: the province (group-wide) confirms a site's refusal, or overturns it: the
     * message goes back into handling with its original deadline. Nobody decides a refusal of
     * their own; a site's staff never decide their site's.
     */
    async decideInvalid(id: number, user: AdminUser, input: InvalidDecision) {
      const message = await load(id, user);
      if (!(await siteScope(strapi, user)).all) throw forbidden(ERRORS.invalidDecider);
      if (message.status !== 'rejected' || message.invalidation !== 'pending')
        throw new errors.ApplicationError(ERRORS.noInvalidPending);
      const marked = (await strapi.db.query(MESSAGE_EVENT).findOne({
        where: { message: { id }, action: 'markInvalid' },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        populate: { actor: { select: ['id'] } },
      })) as { actor: { id: number } | null } | null;
      if (marked?.actor?.id === user.id) throw forbidden(ERRORS.ownInvalidation);
      const text = input.comment ? plainText(input.comment) || null : null;
      if (input.confirm) {
        await apply(
          message,
          user,
          'confirmInvalid',
          { columns: { invalidation: 'confirmed' } },
          { text },
          // Confirmed, the refusal ends the site's holding: until then it counts as held (the veto).
          () => held.endOpen(message.id, 'invalid', new Date())
        );
        return;
      }
      // Back to handling, signed, against the deadline it had: the time refused is not given back.
      await apply(
        message,
        user,
        'overturnInvalid',
        { columns: { status: 'accepted', invalidation: null } },
        { text }
      );
    },

    /** 办结 */
    async close(id: number, user: AdminUser) {
      const message = await load(id, user);
      requireStatus(message, 'close', ['replied']);
      await apply(message, user, 'close', { columns: { status: 'closed' } });
    },

    /**
     * 更正类别: a message filed under the wrong category is corrected by staff, with the reason;
     * the category the citizen chose stays (`originalCategory`, and the event). The deadline
     * stands: moving it is an extension's business.
     */
    async correctCategory(
      id: number,
      user: AdminUser,
      input: { category: Category; reason: string }
    ) {
      const message = await load(id, user);
      if (input.category === message.category)
        throw new errors.ValidationError(ERRORS.sameCategory);
      await apply(
        message,
        user,
        'correctCategory',
        {
          columns: {
            category: input.category,
            originalCategory: message.originalCategory ?? message.category,
          },
        },
        {
          categoryBefore: message.category,
          categoryAfter: input.category,
          text: input.reason.trim(),
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

    /**
     * 抽查: a provincial admin judges a replied message's answer (or a refusal, 不予受理) standard
     * or substandard, once; the statistics count the substandard ones against the site. An edit
     * of the reply voids the verdict (see `reply`).
     */
    async spotCheck(
      id: number,
      user: AdminUser,
      input: { verdict: Verdict; comment?: string | null }
    ) {
      const message = await load(id, user);
      requireStatus(message, 'spotCheck', [...SAMPLED_STATUSES]);
      if (message.spotCheck) throw new errors.ApplicationError(ERRORS.spotChecked);
      const comment = input.comment ? plainText(input.comment) : '';
      if (input.verdict === 'substandard' && [...comment].length < 5)
        throw new errors.ValidationError(ERRORS.spotCheckComment);
      await apply(
        message,
        user,
        'spotCheck',
        { columns: { spotCheck: input.verdict } },
        { verdict: input.verdict, text: comment || null }
      );
    },
  };
  return service;
};

export default handlingService;
