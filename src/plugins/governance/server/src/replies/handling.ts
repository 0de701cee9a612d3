import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  OPEN_STATUSES,
  type BulkSignResult,
  type Category,
  type InvalidDecision,
  type MessageStatus,
  type ReplyFlaggedDetails,
  type Verdict,
} from '../../../shared/contracts/messages';
import type { AdminUser } from '../utils/document-middleware';
import { forbidden } from '../utils/forbidden';
import { siteScope } from '../sites/scope';
import { caseActs } from './acts';
import { endOfWorkday, workingDaysBetween } from './deadlines';
import { ERRORS } from './messages';
import { replyFlags } from './quality';
import { SAMPLED_STATUSES } from './validity';
import { plainText } from './service';
import { MESSAGE_EVENT } from '../uids';

const OPEN: MessageStatus[] = [...OPEN_STATUSES];

/**
 * The handling flow of a citizen message (留言办理): sign for, reply and edit the reply, request
 * and decide an extension, refuse as invalid, close (transfers are in transfers.ts). Each act is
 * one transaction that records an event with its actor taken from the session, never from the
 * request; a message outside the actor's sites is "not found".
 */
const handlingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const { config, timezone, calendar, load, held, requireStatus, apply } = caseActs(strapi);

  /** 签收 */
  const sign = async (id: number, user: AdminUser) => {
    const message = await load(id, user);
    requireStatus(message, 'sign', ['received', 'transferred']);
    await apply(message, user, 'sign', { columns: { status: 'accepted' } });
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
     * reply date and whether it was on time (by the message's deadline, and by the replying
     * site's own); a reopened case's new reply does not move them.
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
      // The replying site is judged by its own holding's deadline (a site that accepted a
      // transfer has its full time from the acceptance); the citizen's, the message's, stays.
      const holding = await held.open(message.id);
      const holderDue = new Date(holding?.dueAt ?? message.dueAt);
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
        holderRepliedOnTime: now <= holderDue,
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
          ? {
              repliedAt: now,
              replyFlagged: true,
              workingDaysToReply: null,
              repliedOnTime: null,
              holderRepliedOnTime: null,
            }
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
