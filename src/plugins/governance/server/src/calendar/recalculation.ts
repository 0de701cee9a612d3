import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import type { AuditInput } from '../audit/service';
import { SYSTEM_ACTOR } from '../audit/sentence';
import { localDate } from '../../../shared/local-time';
import { endOfWorkday, workingDaysBetween } from '../replies/deadlines';
import { OPEN_STATUSES } from '../../../shared/contracts/messages';
import { CITIZEN_MESSAGE, MESSAGE_EVENT } from '../uids';
import { getService } from '../utils/get-service';
import { yieldToEventLoop } from '../utils/yield';
import { firstDayOf } from './validation';
import type { WorkCalendar } from './work-calendar';

/** Messages read per query, and how long the main thread is held before others get their turn. */
const BATCH = 50;
const SLICE_MS = 40;

/** The acts that set a message's deadline anew, or move it (handling.ts, replies/service.ts). */
const CLOCK_STARTS = ['transfer', 'reopen'] as const;
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
  message: { id: number } | null;
}

export interface DeadlinePlan {
  /** The instant the clock started: receipt, or the last transfer or reopening. */
  start: Date;
  /** Working days from the day after `start` to the deadline, extensions included. */
  workingDays: number;
}

/**
 * How many working days a message has, and from when: the clock starts at receipt, or at the
 * last transfer or reopening (each sets a fresh deadline); approved extensions add their days.
 * A recomputation records the days it counted, so later ones start from that record; before the
 * first, the days are counted on the calendar the deadline was set by (`before`).
 */
export const planOf = (
  message: { receivedAt: Date; dueAt: Date },
  events: Array<{ action: string; workingDays: number | null; createdAt: Date }>,
  before: WorkCalendar,
  timezone: string
): DeadlinePlan => {
  let start = message.receivedAt;
  let known: number | null = null;
  let extensions = 0;
  for (const event of events) {
    if ((CLOCK_STARTS as readonly string[]).includes(event.action)) {
      start = event.createdAt;
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
 * December before it) once the year's holidays changed: each keeps its working days, counted
 * on the new calendar from the same start. Every moved deadline is one transaction: the message
 * (guarded by its revision, as every act on it), its timeline event and its audit entry. Works
 * through the messages in batches and gives way to other requests every ~40 ms.
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

  type Outcome = 'moved' | 'unchanged' | 'conflict';
  const recalculate = async (message: MessageRow, events: EventRow[]): Promise<Outcome> => {
    const timeline = events.map((e) => ({ ...e, createdAt: new Date(e.createdAt) }));
    const receivedAt = new Date(message.receivedAt);
    // Counted on the new calendar already: received, transferred, reopened or extended since.
    if (
      receivedAt >= run.effectiveAt ||
      timeline.some((e) => e.action !== 'deadlineRecalculated' && e.createdAt >= run.effectiveAt)
    )
      return 'unchanged';
    const before = new Date(message.dueAt);
    const plan = planOf({ receivedAt, dueAt: before }, timeline, run.before, run.timezone);
    const after = endOfWorkday(run.after, plan.start, plan.workingDays, run.timezone);
    if (after.getTime() === before.getTime()) return 'unchanged';
    const now = new Date();
    return strapi.db.transaction(async (): Promise<Outcome> => {
      const { count } = await strapi.db.query(CITIZEN_MESSAGE).updateMany({
        where: { id: message.id, revision: message.revision },
        data: {
          dueAt: after,
          revision: (message.revision ?? 0) + 1,
          updatedAt: now,
          // A deadline moved into the future gets its own overdue notice when it passes.
          ...(after > now ? { overdueNotifiedAt: null } : {}),
        },
      });
      if (count !== 1) return 'conflict';
      const text = `依据 ${run.year} 年节假日安排`;
      await strapi.db.query(MESSAGE_EVENT).create({
        data: {
          message: message.id,
          action: 'deadlineRecalculated',
          actorName: SYSTEM_ACTOR,
          workingDays: plan.workingDays,
          dueAtBefore: before,
          dueAtAfter: after,
          text,
        },
      });
      await audit.record('message.deadlineRecalculated', {
        subject: `message ${message.id}`,
        summary: `按${run.year}年节假日安排重算留言《${message.subject}》（${[message.caseNumber ? `编号 ${message.caseNumber}` : null, message.site?.name].filter(Boolean).join('，')}）的答复期限：${plan.workingDays} 个工作日，由${localDate(before, run.timezone)}改为${localDate(after, run.timezone)}`,
        details: {
          year: run.year,
          workingDays: plan.workingDays,
          dueAtBefore: before.toISOString(),
          dueAtAfter: after.toISOString(),
        },
        actor: run.actor,
      });
      return 'moved';
    });
  };

  for (;;) {
    const messages = (await strapi.db.query(CITIZEN_MESSAGE).findMany({
      where: { status: { $in: [...OPEN_STATUSES] }, dueAt: { $gte: from }, id: { $gt: lastId } },
      ...MESSAGE_FIELDS,
      orderBy: { id: 'asc' },
      limit: BATCH,
    })) as MessageRow[];
    if (messages.length === 0) break;
    lastId = messages[messages.length - 1].id;
    const events = (await strapi.db.query(MESSAGE_EVENT).findMany({
      where: {
        message: { id: { $in: messages.map((m) => m.id) } },
        action: { $in: [...DEADLINE_ACTS] },
      },
      select: ['action', 'workingDays', 'createdAt'],
      populate: { message: { select: ['id'] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    })) as EventRow[];
    for (const message of messages) {
      checked += 1;
      let outcome = await recalculate(
        message,
        events.filter((e) => e.message?.id === message.id)
      );
      if (outcome === 'conflict') {
        // Someone acted on it meanwhile (its revision moved): read it again, once.
        const fresh = (await strapi.db.query(CITIZEN_MESSAGE).findOne({
          where: { id: message.id, status: { $in: [...OPEN_STATUSES] } },
          ...MESSAGE_FIELDS,
        })) as MessageRow | null;
        if (fresh) {
          const freshEvents = (await strapi.db.query(MESSAGE_EVENT).findMany({
            where: { message: { id: message.id }, action: { $in: [...DEADLINE_ACTS] } },
            select: ['action', 'workingDays', 'createdAt'],
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          })) as EventRow[];
          outcome = await recalculate(fresh, freshEvents);
        }
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
