import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import {
  INBOX_TABS,
  OPEN_STATUSES,
  type InboxFilters,
  type InboxItem,
  type InboxPage,
  type InboxTab,
  type MessageTodo,
  type MessageSite,
  type MessageStatus,
} from '../../../shared/contracts/messages';
import { siteScope } from '../sites/scope';
import type { AdminUser } from '../utils/document-middleware';
import { getService } from '../utils/get-service';
import { caseAccess, LIST_FIELDS, type ListedMessage } from './case-access';
import { endOfWorkday, workingDaysBetween } from './deadlines';
import type { MessageRow } from './service';
import { paginationOf } from '../utils/paged';
import { yieldToEventLoop } from '../utils/yield';
import { stampLine } from '../utils/export-file';
import { workbookStream } from '../utils/spreadsheet';
import { CITIZEN_MESSAGE, SITE } from '../uids';
import { casePage } from './case-page';
import { inboxSheet } from './inbox-export';
import { holdings } from './holdings';
import { CATEGORY_NAMES, TAB_NAMES } from './messages';

const OPEN: MessageStatus[] = [...OPEN_STATUSES];
const PAGE_SIZE = 20;
/** The export reads the list in batches, giving way between them (never hold the main thread). */
const EXPORT_BATCH = 500;
/** An export beyond this many rows is cut there: narrow the filters (the sheet says so). */
export const EXPORT_LIMIT = 20000;

/** The inbox's row: a listed message with its extension request and replying unit. */
const INBOX_FIELDS = [...LIST_FIELDS, 'pendingExtension', 'replyingUnit'];
type ListRow = ListedMessage & Pick<MessageRow, 'pendingExtension' | 'replyingUnit'>;

/**
 * 留言办理's reading side: the inbox, and the whole case (case-page.ts). The acts on a case are in
 * handling.ts and transfers.ts.
 */
const deskService = ({ strapi }: { strapi: Core.Strapi }) => {
  const { timezone, calendar, deadlineOf } = caseAccess(strapi);

  /**
   * Open, with its holder's deadline (the open holding's, else the message's) in [from, to): a
   * site that accepted an old message is judged by the time it was given, not the sender's.
   */
  const heldDueWithin = async (from: Date | null, to: Date) => {
    const { leaving, joining } = await holdings(strapi).differing(from, to);
    // Empty lists are left out: an empty $notIn matches nothing on PostgreSQL.
    const byMessage = {
      dueAt: from ? { $gte: from, $lt: to } : { $lt: to },
      ...(leaving.length ? { id: { $notIn: leaving } } : {}),
    };
    return {
      status: { $in: OPEN },
      ...(joining.length ? { $or: [byMessage, { id: { $in: joining } }] } : byMessage),
    };
  };
  const overdueWhere = (now: Date) => heldDueWithin(null, now);

  /**
   * The inbox's conditions: the user's sites and the filters, and each tab's own. Due soon: open
   * with its deadline within the next two working days. Dates are local days in the group's
   * time zone, both ends included.
   */
  const conditions = async (user: AdminUser, filters: Omit<InboxFilters, 'tab'>, now: Date) => {
    const scope = await siteScope(strapi, user);
    const zone = timezone();
    const soon = endOfWorkday(calendar(), now, 2, zone);
    // 待接收: transfers to the user's sites waiting for their acceptance (the sender still has them).
    const toAccept = await holdings(strapi).pendingFor(scope.all ? 'all' : scope.siteIds);
    const overdue = await overdueWhere(now);
    const tabs: Record<InboxTab, Record<string, unknown>> = {
      toSign: { status: { $in: ['received', 'transferred'] } },
      toAccept: { id: { $in: toAccept }, status: { $in: OPEN } },
      inProgress: { status: 'accepted' },
      dueSoon: await heldDueWithin(now, new Date(soon.getTime() + 1)),
      overdue,
      pendingExtension: { status: { $in: OPEN }, pendingExtension: { $notNull: true } },
      replied: { status: { $in: ['replied', 'closed'] } },
      // 不予受理 waiting for the province's confirmation (the province acts on them from here).
      invalidPending: { status: 'rejected', invalidation: 'pending' },
    };
    const common: Record<string, unknown>[] = [];
    const mine = scope.all ? [] : [{ site: { id: { $in: scope.siteIds } } }];
    if (filters.site) common.push({ site: { code: filters.site } });
    if (filters.category) common.push({ category: filters.category });
    if (filters.from)
      common.push({
        receivedAt: { $gte: DateTime.fromISO(filters.from, { zone }).startOf('day').toJSDate() },
      });
    if (filters.to)
      common.push({
        receivedAt: { $lte: DateTime.fromISO(filters.to, { zone }).endOf('day').toJSDate() },
      });
    const q = filters.q?.trim();
    if (q) common.push({ $or: [{ subject: { $containsi: q } }, { caseNumber: { $contains: q } }] });
    return (tab: InboxTab) => ({
      $and: [...(tab === 'toAccept' ? [] : mine), ...common, tabs[tab]],
    });
  };

  const orderOf = (tab: InboxTab) =>
    tab === 'replied'
      ? [{ repliedAt: 'desc' as const }, { id: 'desc' as const }]
      : [{ dueAt: 'asc' as const }, { id: 'asc' as const }];

  /**
   * A list row with where it stands: 剩余工作日 while open and in time (0: due today), 超期天数
   * while open and past the deadline, in working days on the group's calendar (at least 1 once
   * past: a deadline missed over a weekend is still missed).
   */
  const itemOf = (row: ListRow, now: Date): InboxItem => {
    const open = OPEN.includes(row.status);
    const due = new Date(row.dueAt);
    const late = open && now > due;
    return {
      id: row.id,
      caseNumber: row.caseNumber,
      site: row.site ? { code: row.site.code, name: row.site.name } : null,
      category: row.category,
      subject: row.subject,
      status: row.status,
      receivedAt: row.receivedAt,
      dueAt: row.dueAt,
      repliedAt: row.repliedAt,
      deadline: deadlineOf(row, now),
      workingDaysLeft: open && !late ? workingDaysBetween(calendar(), now, due, timezone()) : null,
      daysOverdue: late ? Math.max(1, workingDaysBetween(calendar(), due, now, timezone())) : null,
      extensionPending: open && row.pendingExtension !== null,
    };
  };

  /** A page of rows, each with its holder's deadline (the site's own) as `dueAt`. */
  const findRows = async (
    where: Record<string, unknown>,
    tab: InboxTab,
    offset: number,
    limit: number
  ) => {
    const rows = (await strapi.db.query(CITIZEN_MESSAGE).findMany({
      where,
      select: INBOX_FIELDS,
      populate: { site: { select: ['code', 'name'] } },
      orderBy: orderOf(tab),
      offset,
      limit,
    })) as ListRow[];
    const held = await holdings(strapi).openDue(rows.map((row) => row.id));
    return rows.map((row) =>
      held.has(row.id) ? { ...row, dueAt: held.get(row.id)!.toISOString() } : row
    );
  };

  /** How many messages are in each of `tabs` under the conditions: one count query per tab. */
  const countsOf = async <T extends InboxTab>(
    where: (tab: InboxTab) => Record<string, unknown>,
    tabs: readonly T[]
  ) => {
    const counts = await Promise.all(
      tabs.map(
        async (tab) =>
          [tab, await strapi.db.query(CITIZEN_MESSAGE).count({ where: where(tab) })] as const
      )
    );
    return Object.fromEntries(counts) as Record<T, number>;
  };

  return {
    /** How many messages of the caller's sites are in each of `tabs` (工作台's figures). */
    async countTabs<T extends InboxTab>(
      user: AdminUser,
      tabs: readonly T[],
      filters: Omit<InboxFilters, 'tab'> = {},
      now = new Date()
    ) {
      return countsOf(await conditions(user, filters, now), tabs);
    },

    /**
     * 留言办理 inbox: the caller's sites' messages in one of the tabs, narrowed by site, category,
     * days received and a search of subject or case number, a page at a time, with every tab's
     * count under the same filters. No contact data and no query code: those are on the case
     * page, whose every read is audited.
     */
    async inbox(user: AdminUser, filters: InboxFilters & { page?: number }): Promise<InboxPage> {
      const now = new Date();
      const where = await conditions(user, filters, now);
      const page = filters.page ?? 1;
      const scope = await siteScope(strapi, user);
      const [rows, countOf, sites] = await Promise.all([
        findRows(where(filters.tab), filters.tab, (page - 1) * PAGE_SIZE, PAGE_SIZE),
        countsOf(where, INBOX_TABS),
        // The sites the filter offers: the user's own, or the group's for the province.
        strapi.db.query(SITE).findMany({
          where: scope.all ? {} : { id: { $in: scope.siteIds } },
          select: ['code', 'name'],
          orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
        }) as Promise<MessageSite[]>,
      ]);
      return {
        data: rows.map((row) => itemOf(row, now)),
        meta: {
          counts: countOf,
          pagination: paginationOf(page, PAGE_SIZE, countOf[filters.tab]),
          timezone: timezone(),
          sites: sites.map(({ code, name }) => ({ code, name })),
        },
      };
    },

    /**
     * Every row of the list under the filters, for the Excel export, read in batches; at most
     * EXPORT_LIMIT rows, and whether more were left out.
     */
    async listAll(
      user: AdminUser,
      filters: InboxFilters
    ): Promise<{ rows: Array<InboxItem & { replyingUnit: string | null }>; cut: boolean }> {
      const now = new Date();
      const where = (await conditions(user, filters, now))(filters.tab);
      const rows: Array<InboxItem & { replyingUnit: string | null }> = [];
      for (let offset = 0; offset < EXPORT_LIMIT; offset += EXPORT_BATCH) {
        const batch = await findRows(where, filters.tab, offset, EXPORT_BATCH);
        rows.push(...batch.map((row) => ({ ...itemOf(row, now), replyingUnit: row.replyingUnit })));
        if (batch.length < EXPORT_BATCH) return { rows, cut: false };
        await yieldToEventLoop();
      }
      const more = await strapi.db.query(CITIZEN_MESSAGE).count({ where });
      return { rows, cut: more > rows.length };
    },

    /**
     * 导出: the list under the filters as an Excel workbook, with what it was narrowed to and
     * when it was made; the export is on the audit trail.
     */
    async exportInbox(user: AdminUser, filters: InboxFilters) {
      const now = new Date();
      const { rows, cut } = await this.listAll(user, filters);
      const site = filters.site
        ? ((await strapi.db
            .query(SITE)
            .findOne({ where: { code: filters.site }, select: ['name'] })) as {
            name: string;
          } | null)
        : null;
      const description = [
        `页签：${TAB_NAMES[filters.tab]}`,
        filters.site ? `网站：${site?.name ?? filters.site}` : null,
        filters.category ? `类别：${CATEGORY_NAMES[filters.category]}` : null,
        filters.from || filters.to
          ? `收到时间：${filters.from ?? '不限'} 至 ${filters.to ?? '不限'}`
          : null,
        filters.q?.trim() ? `搜索：${filters.q.trim()}` : null,
      ]
        .filter(Boolean)
        .join('；');
      const workbook = workbookStream(
        { title: '留言办理清单', notes: [description, stampLine(now, timezone())] },
        [inboxSheet(rows, { timezone: timezone(), cut })]
      );
      await getService(strapi, 'audit').record('message.export', {
        summary: `导出留言清单 ${rows.length} 条（${description}）`,
        details: { ...filters, rows: rows.length },
        actor: user,
      });
      return { title: '留言办理清单', workbook, at: now };
    },

    /**
     * The menu badge: the user's sites' messages to sign or past their deadline, each once, and
     * the transfers waiting for their acceptance.
     */
    async todo(user: AdminUser): Promise<MessageTodo> {
      const scope = await siteScope(strapi, user);
      const now = new Date();
      const count = await strapi.db.query(CITIZEN_MESSAGE).count({
        where: {
          $and: [
            ...(scope.all ? [] : [{ site: { id: { $in: scope.siteIds } } }]),
            {
              $or: [{ status: { $in: ['received', 'transferred'] } }, await overdueWhere(now)],
            },
          ],
        },
      });
      // Transfers waiting for the user's sites to accept them are theirs to act on too.
      const toAccept = await holdings(strapi).pendingFor(scope.all ? 'all' : scope.siteIds);
      return { count: count + (scope.all ? 0 : toAccept.length) };
    },

    getCase: casePage(strapi),
  };
};

export default deskService;
