import type { Core } from '@strapi/strapi';
import {
  INBOX_TABS,
  OPEN_STATUSES,
  type CaseEvent,
  type InboxPage,
  type InboxTab,
  type MessageCase,
  type MessageSite,
  type Verdict,
} from '../../../shared/contracts/messages';
import { siteScope } from '../sites/scope';
import type { AdminUser } from '../utils/document-middleware';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { caseAccess } from './case-access';
import { endOfWorkday } from './deadlines';
import type { MessageRow } from './service';
import { CITIZEN_MESSAGE, MESSAGE_EVENT } from '../uids';

const OPEN = [...OPEN_STATUSES];

/** An event of a message's timeline (plugin::governance.message-event), with its sites. */
type EventRow = Omit<CaseEvent, 'actor' | 'at'> & { actorName: string; createdAt: string };

/** 留言办理's reading side: the inbox and the whole case. The acts on a case are in handling.ts. */
const deskService = ({ strapi }: { strapi: Core.Strapi }) => {
  const { timezone, calendar, load, deadlineOf } = caseAccess(strapi);

  return {
    /**
     * 留言办理 inbox: the caller's sites' messages in one of five tabs, searched by subject or case
     * number, with the count of every tab. Due soon: open with its deadline within the next two
     * working days. No contact data and no query code: those are on the case page, whose every
     * read is audited.
     */
    async inbox(
      user: AdminUser,
      filters: { tab: InboxTab; q?: string; site?: string; page?: number }
    ): Promise<InboxPage> {
      const scope = await siteScope(strapi, user);
      const now = new Date();
      const soon = endOfWorkday(calendar(), now, 2, timezone());
      const tabs: Record<InboxTab, Record<string, unknown>> = {
        toSign: { status: { $in: ['received', 'transferred'] } },
        inProgress: { status: 'accepted' },
        dueSoon: { status: { $in: OPEN }, dueAt: { $gte: now, $lte: soon } },
        overdue: { status: { $in: OPEN }, dueAt: { $lt: now } },
        replied: { status: { $in: ['replied', 'closed'] } },
      };
      const common: Record<string, unknown>[] = [];
      if (!scope.all) common.push({ site: { id: { $in: scope.siteIds } } });
      if (filters.site) common.push({ site: { code: filters.site } });
      if (filters.q) {
        const q = filters.q.trim();
        common.push({ $or: [{ subject: { $containsi: q } }, { caseNumber: { $contains: q } }] });
      }
      const where = (tab: InboxTab) => ({ $and: [...common, tabs[tab]] });
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
      const counts = Object.fromEntries(
        await Promise.all(
          INBOX_TABS.map(async (tab) => [
            tab,
            await strapi.db.query(CITIZEN_MESSAGE).count({ where: where(tab) }),
          ])
        )
      ) as Record<InboxTab, number>;
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
      const events = (await strapi.db.query(MESSAGE_EVENT).findMany({
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
  };
};

export default deskService;
