import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import type { AuditInput } from '../audit/service';
import { SYSTEM_ACTOR } from '../audit/sentence';
import { localDate } from '../../../shared/local-time';
import { endOfWorkday, workingDaysBetween } from '../replies/deadlines';
import { OPEN_STATUSES } from '../../../shared/contracts/messages';
import type { HoldingRow } from '../replies/holdings';
import { CITIZEN_MESSAGE, MESSAGE_EVENT, MESSAGE_HOLDING, SITE } from '../uids';
import { getService } from '../utils/get-service';
import { yieldToEventLoop } from '../utils/yield';
import { firstDayOf } from './validation';
import type { WorkCalendar } from './work-calendar';

/** Messages read per query, and how long the main thread is held before others get their turn. */
const BATCH = 50;
const SLICE_MS = 40;

/**
 * The acts that set a message's own deadline anew (replies/service.ts, transfers.ts): a
 * reopening, and the province's ruling that the first assignment was a mistake, which gives the
 * message the accepting site's clock. A transfer starts only the receiving site's holding.
 */
const CLOCK_STARTS = ['reopen', 'misassigned'] as const;
const DEADLINE_ACTS = [...CLOCK_STARTS, 'approveExtension', 'deadlineRecalculated'] as const;

interface MessageRow {
  id: number;
  revision: number | null;
  receivedAt: string;
  dueAt: string;
  overdueNotifiedAt: string | null;
  subject: string;
  caseNumber: string | null;
  site: { name: string } | null;
}
/** What a message's recomputation reads of it (its subject and case number name it in the log). */
const MESSAGE_FIELDS = {
  select: ['id', 'revision', 'receivedAt', 'dueAt', 'overdueNotifiedAt', 'subject', 'caseNumber'],
  populate: { site: { select: ['name'] } },
};
interface EventRow {
  action: (typeof DEADLINE_ACTS)[number];
  workingDays: number | null;
  createdAt: string;
  message?: { id: number } | null;
  /** Set on a recomputation of a site's holding deadline (the message's own has none). */
  toSite: { id: number } | null;
}
/** The events a message's recomputation reads. */
const EVENT_FIELDS = {
  select: ['action', 'workingDays', 'createdAt'],
  populate: { message: { select: ['id'] }, toSite: { select: ['id'] } },
  orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }],
};
type Holding = Pick<HoldingRow, 'id' | 'messageId' | 'siteId' | 'state' | 'startedAt' | 'dueAt'> & {
  isReturn: boolean | null;
};

export interface DeadlinePlan {
  /** The instant the clock started: receipt, or the last reopening or misassignment ruling. */
  start: Date;
  /** Working days from the day after `start` to the deadline, extensions included. */
  workingDays: number;
}

/**
 * How many working days a message has, and from when: the clock starts at receipt, or at the
 * last reopening or misassignment ruling (each sets a fresh deadline; a ruling's clock runs
 * from the acceptance it names, `startsAt`); approved extensions add their days.
 * A recomputation records the days it counted, so later ones start from that record; before the
 * first, the days are counted on the calendar the deadline was set by (`before`).
 */
export const planOf = (
  message: { receivedAt: Date; dueAt: Date },
  events: Array<{ action: string; workingDays: number | null; createdAt: Date; startsAt?: Date }>,
  before: WorkCalendar,
  timezone: string
): DeadlinePlan => {
  let start = message.receivedAt;
  let known: number | null = null;
  let extensions = 0;
  for (const event of events) {
    if ((CLOCK_STARTS as readonly string[]).includes(event.action)) {
      start = event.startsAt ?? event.createdAt;
      known = null;
      extensions = 0;
    } else if (event.action === 'deadlineRecalculated' && event.workingDays) {
      known = event.workingDays;
      extensions = 0;
    } else if (event.action === 'approveExtension' && event.workingDays) {
      extensions += event.workingDays;
    }
  }
  return {
    start,
    workingDays:
      known === null
        ? workingDaysBetween(before, start, message.dueAt, timezone)
        : known + extensions,
  };
};

/**
 * When a site's holding's clock started: its acceptance (or the receipt, for the first), or, for
 * a return, the start of the site's earlier holding whose deadline it continues. `all` are the
 * message's holdings in the order they were made.
 */
export const holdingClockStart = (
  holding: Pick<Holding, 'id' | 'siteId' | 'startedAt' | 'isReturn'>,
  all: Array<Pick<Holding, 'id' | 'siteId' | 'startedAt' | 'isReturn'>>
): Date => {
  const own = new Date(holding.startedAt!);
  if (!holding.isReturn) return own;
  const earlier = all
    .filter((h) => h.siteId === holding.siteId && h.id < holding.id && !h.isReturn && h.startedAt)
    .at(-1);
  return earlier ? new Date(earlier.startedAt!) : own;
};

export interface RecalculationRun {
  year: number;
  before: WorkCalendar;
  after: WorkCalendar;
  /** When the new calendar took effect here: deadlines set since were counted on it already. */
  effectiveAt: Date;
  actor: AuditInput['actor'];
  timezone: string;
}

/**
 * Recomputes the deadlines of the open messages due in or after `year` (from the last week of
 * December before it) once the year's holidays changed: the message's own deadline, and its
 * holder's (the open holding's), each keeping its working days, counted on the new calendar from
 * the same start. Every message is one transaction: the message (guarded by its revision, as
 * every act on it), its holding, their timeline events and audit entries. Works through the
 * messages in batches and gives way to other requests every ~40 ms.
 */
export const recalculateDeadlines = async (
  strapi: Core.Strapi,
  run: RecalculationRun
): Promise<{ checked: number; changed: number }> => {
  const from = DateTime.fromISO(firstDayOf(run.year), { zone: run.timezone }).toJSDate();
  let lastId = 0;
  let checked = 0;
  let changed = 0;
  let sliceStart = Date.now();
  const audit = getService(strapi, 'audit');
  // Open, or answered only with a flagged placeholder: its holder's time still runs.
  const open = {
    $or: [{ status: { $in: [...OPEN_STATUSES] } }, { status: 'replied', replyFlagged: true }],
  };

  type Outcome = 'moved' | 'unchanged' | 'conflict';
  type Timeline = Array<Omit<EventRow, 'createdAt'> & { createdAt: Date }>;
  interface Move {
    before: Date;
    after: Date;
    workingDays: number;
  }

  /** The message's own deadline on the new calendar, or null when it stays. */
  const messageMove = (
    message: MessageRow,
    timeline: Timeline,
    holdings: Holding[]
  ): Move | null => {
    const receivedAt = new Date(message.receivedAt);
    const before = new Date(message.dueAt);
    // Counted on the new calendar already: received, reopened, ruled or extended since.
    if (
      before < from ||
      receivedAt >= run.effectiveAt ||
      timeline.some((e) => e.action !== 'deadlineRecalculated' && e.createdAt >= run.effectiveAt)
    )
      return null;
    // A misassignment ruling gave the message the clock of the holding it named.
    const clocks = timeline.map((e) => {
      if (e.action !== 'misassigned') return e;
      const named = holdings.filter((h) => h.startedAt && new Date(h.startedAt) <= e.createdAt);
      const startedAt = named.at(-1)?.startedAt;
      return startedAt ? { ...e, startsAt: new Date(startedAt) } : e;
    });
    const plan = planOf({ receivedAt, dueAt: before }, clocks, run.before, run.timezone);
    const after = endOfWorkday(run.after, plan.start, plan.workingDays, run.timezone);
    return after.getTime() === before.getTime()
      ? null
      : { before, after, workingDays: plan.workingDays };
  };

  /** The holder's deadline on the new calendar (extensions are in it already), or null. */
  const holdingMove = (
    holding: Holding | undefined,
    timeline: Timeline,
    holdings: Holding[]
  ): Move | null => {
    if (!holding?.dueAt || !holding.startedAt) return null;
    const before = new Date(holding.dueAt);
    const start = holdingClockStart(holding, holdings);
    if (
      before < from ||
      start >= run.effectiveAt ||
      timeline.some((e) => e.action === 'approveExtension' && e.createdAt >= run.effectiveAt)
    )
      return null;
    const workingDays = workingDaysBetween(run.before, start, before, run.timezone);
    const after = endOfWorkday(run.after, start, workingDays, run.timezone);
    return after.getTime() === before.getTime() ? null : { before, after, workingDays };
  };

  const recalculate = async (
    message: MessageRow,
    events: EventRow[],
    holdings: Holding[]
  ): Promise<Outcome> => {
    const timeline = events.map((e) => ({ ...e, createdAt: new Date(e.createdAt) }));
    // A holding's recomputation names its site; the message's own clock ignores it.
    const own = messageMove(
      message,
      timeline.filter((e) => !e.toSite),
      holdings
    );
    const holding = holdings.find((h) => h.state === 'open');
    const held = holdingMove(holding, timeline, holdings);
    if (!own && !held) return 'unchanged';
    const now = new Date();
    const site = held
      ? ((await strapi.db
          .query(SITE)
          .findOne({ where: { id: holding!.siteId }, select: ['name'] })) as {
          name: string;
        } | null)
      : null;
    return strapi.db.transaction(async (): Promise<Outcome> => {
      const { count } = await strapi.db.query(CITIZEN_MESSAGE).updateMany({
        where: { id: message.id, revision: message.revision },
        data: {
          ...(own ? { dueAt: own.after } : {}),
          revision: (message.revision ?? 0) + 1,
          updatedAt: now,
          // A deadline moved into the future gets its own overdue notice when it passes.
          ...((own ?? held)!.after > now ? { overdueNotifiedAt: null } : {}),
        },
      });
      if (count !== 1) return 'conflict';
      const text = `依据 ${run.year} 年节假日安排`;
      const named = [message.caseNumber ? `编号 ${message.caseNumber}` : null, message.site?.name]
        .filter(Boolean)
        .join('，');
      const record = async (move: Move, holder: { id: number; name: string } | null) => {
        await strapi.db.query(MESSAGE_EVENT).create({
          data: {
            message: message.id,
            action: 'deadlineRecalculated',
            actorName: SYSTEM_ACTOR,
            workingDays: move.workingDays,
            dueAtBefore: move.before,
            dueAtAfter: move.after,
            // The holder's deadline names its site, as its acceptance did.
            ...(holder ? { toSite: holder.id } : {}),
            text,
          },
        });
        await audit.record('message.deadlineRecalculated', {
          subject: `message ${message.id}`,
          summary: `按${run.year}年节假日安排重算留言《${message.subject}》（${named}）${holder ? `在${holder.name}的持有期限` : '的答复期限'}：${move.workingDays} 个工作日，由${localDate(move.before, run.timezone)}改为${localDate(move.after, run.timezone)}`,
          details: {
            year: run.year,
            workingDays: move.workingDays,
            dueAtBefore: move.before.toISOString(),
            dueAtAfter: move.after.toISOString(),
            ...(holder ? { holding: holding!.id } : {}),
          },
          actor: run.actor,
        });
      };
      if (own) await record(own, null);
      if (held) {
        await strapi.db
          .query(MESSAGE_HOLDING)
          .update({ where: { id: holding!.id }, data: { dueAt: held.after } });
        await record(held, { id: holding!.siteId, name: site?.name ?? '承办网站' });
      }
      return 'moved';
    });
  };

  const eventsOf = async (ids: number[]) =>
    (await strapi.db.query(MESSAGE_EVENT).findMany({
      where: { message: { id: { $in: ids } }, action: { $in: [...DEADLINE_ACTS] } },
      ...EVENT_FIELDS,
    })) as EventRow[];
  const holdingsOf = async (ids: number[]) =>
    (await strapi.db.query(MESSAGE_HOLDING).findMany({
      where: { messageId: { $in: ids }, startedAt: { $notNull: true } },
      select: ['id', 'messageId', 'siteId', 'state', 'startedAt', 'dueAt', 'isReturn'],
      orderBy: [{ id: 'asc' }],
    })) as Holding[];

  for (;;) {
    // The open messages due in the year, or whose holder is: a message past its first deadline
    // may have been accepted by a site whose own deadline falls in it. Both lists in id order,
    // merged up to where both are complete.
    const [dueIds, heldIds] = await Promise.all([
      strapi.db.query(CITIZEN_MESSAGE).findMany({
        where: { ...open, dueAt: { $gte: from }, id: { $gt: lastId } },
        select: ['id'],
        orderBy: { id: 'asc' },
        limit: BATCH,
      }) as Promise<Array<{ id: number }>>,
      strapi.db.query(MESSAGE_HOLDING).findMany({
        where: { state: 'open', dueAt: { $gte: from }, messageId: { $gt: lastId } },
        select: ['messageId'],
        orderBy: { messageId: 'asc' },
        limit: BATCH,
      }) as Promise<Array<{ messageId: number }>>,
    ]);
    const upTo = Math.min(
      dueIds.length === BATCH ? dueIds[BATCH - 1].id : Infinity,
      heldIds.length === BATCH ? heldIds[BATCH - 1].messageId : Infinity
    );
    const ids = [...new Set([...dueIds.map((m) => m.id), ...heldIds.map((h) => h.messageId)])]
      .filter((id) => id <= upTo)
      .sort((a, b) => a - b);
    if (ids.length === 0) break;
    lastId = ids[ids.length - 1];
    const [messages, events, holdings] = await Promise.all([
      strapi.db.query(CITIZEN_MESSAGE).findMany({
        where: { ...open, id: { $in: ids } },
        ...MESSAGE_FIELDS,
        orderBy: { id: 'asc' },
      }) as Promise<MessageRow[]>,
      eventsOf(ids),
      holdingsOf(ids),
    ]);
    for (const message of messages) {
      checked += 1;
      let outcome = await recalculate(
        message,
        events.filter((e) => e.message?.id === message.id),
        holdings.filter((h) => h.messageId === message.id)
      );
      if (outcome === 'conflict') {
        // Someone acted on it meanwhile (its revision moved): read it again, once.
        const fresh = (await strapi.db.query(CITIZEN_MESSAGE).findOne({
          where: { ...open, id: message.id },
          ...MESSAGE_FIELDS,
        })) as MessageRow | null;
        if (fresh)
          outcome = await recalculate(
            fresh,
            await eventsOf([fresh.id]),
            await holdingsOf([fresh.id])
          );
      }
      if (outcome === 'moved') changed += 1;
      if (Date.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = Date.now();
      }
    }
    await yieldToEventLoop();
    sliceStart = Date.now();
  }
  return { checked, changed };
};
