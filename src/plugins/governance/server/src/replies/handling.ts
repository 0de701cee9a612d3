import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GovernanceConfig } from '../config';
import {
  INBOX_TABS,
  OPEN_STATUSES,
  type CaseAction,
  type Category,
  type InboxPage,
  type InboxTab,
  type MessageCase,
  type MessageSite,
  type MessageStatus,
  type ReplyFlag,
  type ReplyFlaggedDetails,
  type Satisfaction,
  type TransferTarget,
  type Verdict,
} from '../../../shared/contracts/messages';
import { SITE_LEVELS, type SiteLevel } from '../../../shared/contracts/overview';
import { siteScope } from '../sites/scope';
import type { AdminUser } from '../utils/document-middleware';
import type { AuditAction } from '../audit/service';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { deadlineState, dueAt, endOfWorkday, workingDaysBetween } from './deadlines';
import { ERRORS } from './messages';
import { replyFlags } from './quality';
import { plainText, type MessageRow } from './service';
import { workingDaysFor } from './site-working-days';
import { CITIZEN_MESSAGE, MESSAGE_EVENT, SITE } from '../uids';

const EVENT = MESSAGE_EVENT;

/** The acts of staff (the citizen rates and reopens, the system sends the overdue notice). */
type Action = Exclude<CaseAction, 'rate' | 'reopen' | 'overdueNotice'>;

const STATUS_NAMES: Record<MessageStatus, string> = {
  received: '待签收',
  accepted: '办理中',
  transferred: '已转办',
  replied: '已答复',
  closed: '已办结',
  rejected: '不予受理',
};
const ACTION_NAMES: Record<Action, string> = {
  sign: '签收',
  reply: '答复',
  editReply: '修改答复',
  transfer: '转办',
  requestExtension: '申请延期',
  approveExtension: '批准延期',
  refuseExtension: '不批准延期',
  markInvalid: '不予受理',
  close: '办结',
  correctCategory: '更正类别',
  spotCheck: '抽查',
};
/** The acts the audit trail records (reading a case is recorded by getCase). */
const AUDITED: Partial<Record<Action, AuditAction>> = {
  reply: 'message.reply',
  editReply: 'message.reply',
  transfer: 'message.transfer',
  correctCategory: 'message.correctCategory',
};

const OPEN: MessageStatus[] = [...OPEN_STATUSES];

/** A message being handled, with the site that holds it. */
type HandledMessage = MessageRow & { site: (MessageSite & { id: number }) | null };

/** An event of a message's timeline (plugin::governance.message-event), with its sites. */
interface EventRow {
  id: number;
  action: CaseAction;
  actorName: string;
  createdAt: string;
  text: string | null;
  workingDays: number | null;
  fromSite: MessageSite | null;
  toSite: MessageSite | null;
  dueAtBefore: string | null;
  dueAtAfter: string | null;
  flags: ReplyFlag[] | null;
  verdict: Verdict | null;
  satisfaction: Satisfaction | null;
  categoryBefore: Category | null;
  categoryAfter: Category | null;
}

/**
 * The handling flow of a citizen message (留言办理): sign for, reply and edit the reply, transfer
 * to another site, request and decide an extension, refuse as invalid, close. Each act is one
 * transaction that records an event with its actor taken from the session, never from the
 * request; a message outside the actor's sites is "not found".
 */
const handlingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;
  const timezone = () => config().timezone;
  /** The group's working-day calendar, as entered by the province (calendar/service.ts). */
  const calendar = () => getService(strapi, 'calendar').current();

  const load = async (id: number, user: AdminUser): Promise<HandledMessage> => {
    const scope = await siteScope(strapi, user);
    const message = (await strapi.db.query(CITIZEN_MESSAGE).findOne({
      where: { id },
      populate: { site: { select: ['id', 'code', 'name'] } },
    })) as HandledMessage | null;
    if (!message || (!scope.all && !(message.site && scope.siteIds.includes(message.site.id)))) {
      throw new errors.NotFoundError(ERRORS.noSuchMessage(id));
    }
    return message;
  };

  /** A reopened message has a reply and runs against its new deadline: only a closed case is answered. */
  const deadlineOf = (
    row: Pick<MessageRow, 'status' | 'receivedAt' | 'dueAt' | 'repliedAt'>,
    now: Date
  ) =>
    deadlineState(
      calendar(),
      {
        receivedAt: new Date(row.receivedAt),
        dueAt: new Date(row.dueAt),
        repliedAt: row.repliedAt && !OPEN.includes(row.status) ? new Date(row.repliedAt) : null,
      },
      now,
      timezone()
    );

  const requireStatus = (message: HandledMessage, action: Action, allowed: MessageStatus[]) => {
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
    action: Action,
    change: { columns?: Record<string, unknown>; relations?: Record<string, unknown> },
    event: Record<string, unknown> = {}
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
      await strapi.db.query(EVENT).create({
        data: {
          message: message.id,
          action,
          actor: user.id,
          actorName: personName(user),
          ...event,
        },
      });
      if (AUDITED[action]) {
        await getService(strapi, 'audit').record(AUDITED[action]!, {
          subject: `message ${message.id}`,
          summary: `${ACTION_NAMES[action]}留言 ${message.id}（${message.site?.name ?? '—'}）`,
          details: {
            action,
            ...(event.toSite ? { toSite: event.toSite } : {}),
            ...(event.categoryAfter
              ? {
                  categoryBefore: event.categoryBefore,
                  categoryAfter: event.categoryAfter,
                  reason: event.text,
                }
              : {}),
          },
          actor: { id: user.id, name: personName(user) },
        });
      }
    });

  /**
   * The conditions of each inbox tab within the caller's sites, a site and a search. Due soon:
   * open with its deadline within the next two working days.
   */
  const inboxConditions = async (
    user: AdminUser,
    filters: { q?: string; site?: string },
    now: Date
  ) => {
    const scope = await siteScope(strapi, user);
    const soon = endOfWorkday(calendar(), now, 2, timezone());
    const tabs: Record<InboxTab, Record<string, unknown>> = {
      toSign: { status: { $in: ['received', 'transferred'] } },
      inProgress: { status: 'accepted' },
      dueSoon: { status: { $in: OPEN }, dueAt: { $gte: now, $lte: soon } },
      overdue: { status: { $in: OPEN }, dueAt: { $lt: now } },
      extension: { status: { $in: OPEN }, pendingExtension: { $notNull: true } },
      replied: { status: { $in: ['replied', 'closed'] } },
    };
    const common: Record<string, unknown>[] = [];
    if (!scope.all) common.push({ site: { id: { $in: scope.siteIds } } });
    if (filters.site) common.push({ site: { code: filters.site } });
    if (filters.q) {
      const q = filters.q.trim();
      common.push({ $or: [{ subject: { $containsi: q } }, { caseNumber: { $contains: q } }] });
    }
    return (tab: InboxTab) => ({ $and: [...common, tabs[tab]] });
  };

  /** How many messages of the caller's sites are in each of `tabs`: one count query per tab. */
  const countTabs = async <T extends InboxTab>(
    user: AdminUser,
    tabs: readonly T[],
    filters: { q?: string; site?: string } = {},
    now = new Date()
  ) => {
    const where = await inboxConditions(user, filters, now);
    return Object.fromEntries(
      await Promise.all(
        tabs.map(async (tab) => [
          tab,
          await strapi.db.query(CITIZEN_MESSAGE).count({ where: where(tab) }),
        ])
      )
    ) as Record<T, number>;
  };

  const service = {
    countTabs,

    /**
     * 留言办理 inbox: the caller's sites' messages in one of its tabs, searched by subject or case
     * number, with the count of every tab. No contact data and no query code: those are on the
     * case page, whose every read is audited.
     */
    async inbox(
      user: AdminUser,
      filters: { tab: InboxTab; q?: string; site?: string; page?: number }
    ): Promise<InboxPage> {
      const now = new Date();
      const where = await inboxConditions(user, filters, now);
      const pageSize = 20;
      const page = filters.page ?? 1;
      const rows = (await strapi.db.query(CITIZEN_MESSAGE).findMany({
        where: where(filters.tab),
        populate: { site: { select: ['code', 'name'] } },
        orderBy:
          filters.tab === 'replied'
            ? [{ repliedAt: 'desc' }, { id: 'desc' }]
            : [{ dueAt: 'asc' }, { id: 'asc' }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
      })) as Array<MessageRow & { site: MessageSite | null }>;
      const counts = await countTabs(user, INBOX_TABS, filters, now);
      return {
        data: rows.map((row) => ({
          id: row.id,
          caseNumber: row.caseNumber,
          site: row.site,
          category: row.category,
          subject: row.subject,
          status: row.status,
          receivedAt: row.receivedAt,
          dueAt: row.dueAt,
          repliedAt: row.repliedAt,
          deadline: deadlineOf(row, now),
        })),
        meta: { counts, pagination: { page, pageSize, total: counts[filters.tab] } },
      };
    },

    /**
     * The whole case as staff see it: the message with contact data (each read audited), its
     * timeline, its deadline state. Never the query code: it is the citizen's key.
     */
    async getCase(id: number, user: AdminUser): Promise<MessageCase> {
      const message = await load(id, user);
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
      const events = (await strapi.db.query(EVENT).findMany({
        where: { message: { id } },
        populate: { fromSite: { select: ['code', 'name'] }, toSite: { select: ['code', 'name'] } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })) as EventRow[];
      const spotCheck = events.find(
        (e): e is EventRow & { verdict: Verdict } => e.action === 'spotCheck' && e.verdict !== null
      );
      // Staff reading a citizen's name and contact is on the record (PIPL).
      await getService(strapi, 'audit').record('personalData.read', {
        subject: `message ${id}`,
        summary: `查看留言 ${id} 的留言人信息（${full.site?.name ?? '—'}）`,
        actor: { id: user.id, name: personName(user) },
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
        status: full.status,
        receivedAt: full.receivedAt,
        dueAt: full.dueAt,
        deadline: deadlineOf(message, new Date()),
        reply: full.reply,
        replyingUnit: full.replyingUnit,
        repliedAt: full.repliedAt,
        repliedBy: full.repliedBy ? personName(full.repliedBy) : null,
        pendingExtension: full.pendingExtension,
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
        timeline: events.map((e) => ({
          id: e.id,
          action: e.action,
          actor: e.actorName,
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
      };
    },

    /** 签收 */
    async sign(id: number, user: AdminUser) {
      const message = await load(id, user);
      requireStatus(message, 'sign', ['received', 'transferred']);
      await apply(message, user, 'sign', { columns: { status: 'accepted' } });
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
      if (message.status === 'replied') {
        // The event keeps the new wording; the one before is in the event of the reply before.
        await apply(
          message,
          user,
          'editReply',
          { columns: { reply, replyingUnit: unit } },
          recorded
        );
        return;
      }
      requireStatus(message, 'reply', OPEN);
      const now = new Date();
      const first = message.repliedAt
        ? {}
        : {
            repliedAt: now,
            workingDaysToReply: workingDaysBetween(
              calendar(),
              new Date(message.receivedAt),
              now,
              timezone()
            ),
            repliedOnTime: now <= new Date(message.dueAt),
          };
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
        recorded
      );
    },

    /** 转办: the same case goes to another site, whose clock starts at the transfer. */
    async transfer(id: number, user: AdminUser, input: { site: string; reason: string }) {
      const message = await load(id, user);
      requireStatus(message, 'transfer', OPEN);
      const target = await strapi.db
        .query(SITE)
        .findOne({ where: { code: input.site, active: true }, select: ['id', 'replyWorkingDays'] });
      if (!target) throw new errors.ValidationError(ERRORS.transferTarget(input.site));
      if (target.id === message.site?.id) throw new errors.ValidationError(ERRORS.sameSite);
      const { workingDays } = config().replies;
      const newDue = dueAt(
        calendar(),
        new Date(),
        workingDaysFor(workingDays, target, message.category),
        timezone()
      );
      await apply(
        message,
        user,
        'transfer',
        {
          columns: {
            status: 'transferred',
            dueAt: newDue,
            pendingExtension: null,
            overdueNotifiedAt: null,
          },
          relations: { site: target.id },
        },
        {
          fromSite: message.site?.id ?? null,
          toSite: target.id,
          text: input.reason.trim(),
          dueAtBefore: new Date(message.dueAt),
          dueAtAfter: newDue,
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
        }
      );
    },

    /** 不予受理: not a valid message (no question, abuse, another authority's matter), with the reason. */
    async markInvalid(id: number, user: AdminUser, reason: string) {
      const message = await load(id, user);
      requireStatus(message, 'markInvalid', OPEN);
      await apply(
        message,
        user,
        'markInvalid',
        { columns: { status: 'rejected', pendingExtension: null } },
        { text: reason.trim() }
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
     * 抽查: a provincial admin judges a replied message's answer standard or substandard, once;
     * the statistics count the substandard ones against the site.
     */
    async spotCheck(
      id: number,
      user: AdminUser,
      input: { verdict: Verdict; comment?: string | null }
    ) {
      const message = await load(id, user);
      requireStatus(message, 'spotCheck', ['replied', 'closed']);
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
