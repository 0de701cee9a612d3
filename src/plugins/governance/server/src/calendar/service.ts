import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import type {
  CalendarHoliday,
  CalendarInput,
  CalendarOverview,
  CalendarRecalculation,
  CalendarStatus,
  CalendarYear,
} from '../../../shared/contracts/calendar';
import type { GovernanceConfig } from '../config';
import type { AuditInput } from '../audit/service';
import { HOLIDAY_YEAR } from '../uids';
import type { AdminUser } from '../utils/document-middleware';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { ERRORS } from './messages';
import { parseNotice } from './notice';
import { recalculateDeadlines } from './recalculation';
import { checkArrangement, checkYear, yearBounds } from './validation';
import {
  arrangementOf,
  BUILTIN_CALENDAR,
  createCalendar,
  daysFrom,
  knowsYear,
  type WorkCalendar,
  type YearArrangement,
} from './work-calendar';

interface Row {
  id: number;
  year: number;
  holidays: YearArrangement['holidays'];
  note: string | null;
  revision: number | null;
  updatedByName: string | null;
  updatedAt: string | null;
  recalculation: (CalendarRecalculation & { previous?: YearArrangement['holidays'] | null }) | null;
}

/** How often an instance reads the entered years again (another instance may have changed them). */
const REFRESH_MS = 60 * 1000;
/** Next year's holidays are asked for from this day of the year on (local). */
const WARN_FROM = { month: 11, day: 1 };

const withDays = (holidays: YearArrangement['holidays']): CalendarHoliday[] =>
  holidays.map((holiday) => ({
    ...holiday,
    days: daysFrom(holiday.start, holiday.end).length,
  }));

/**
 * 节假日安排: the group's working-day calendar. One calendar per Strapi process, held in memory
 * (deadlines are counted synchronously in many places): `chinese-days`' years, overridden by the
 * years the province entered. Read at bootstrap, again after each entry here and every minute
 * (another instance's entry). When a year's entry lands, the open messages' deadlines are
 * recomputed on the new calendar, one run at a time.
 */
const calendarService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;
  const timezone = () => config().timezone;
  const localNow = (now = new Date()) => DateTime.fromJSDate(now, { zone: timezone() });

  let calendar: WorkCalendar = BUILTIN_CALENDAR;
  let rows: Row[] = [];
  /** Recomputations run one after the other, each against the calendar its entry replaced. */
  let queue: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  const readRows = async () =>
    (await strapi.db.query(HOLIDAY_YEAR).findMany({ orderBy: { year: 'asc' } })) as Row[];
  const calendarOf = (entries: Row[]) =>
    createCalendar(entries.map((row) => ({ year: row.year, holidays: row.holidays })));

  const yearView = (year: number): CalendarYear => {
    const row = rows.find((r) => r.year === year);
    if (row) {
      const recalculation = row.recalculation;
      return {
        year,
        source: 'entered',
        holidays: withDays(row.holidays),
        note: row.note ?? null,
        updatedAt: row.updatedAt ? new Date(row.updatedAt).toISOString() : null,
        updatedBy: row.updatedByName ?? null,
        recalculation: recalculation
          ? {
              state: recalculation.state,
              checked: recalculation.checked,
              changed: recalculation.changed,
              startedAt: recalculation.startedAt,
              finishedAt: recalculation.finishedAt,
            }
          : null,
      };
    }
    const builtin = BUILTIN_CALENDAR.builtinYears.has(year);
    return {
      year,
      source: builtin ? 'builtin' : 'missing',
      holidays: builtin ? arrangementOf(BUILTIN_CALENDAR, year) : [],
      note: null,
      updatedAt: null,
      updatedBy: null,
      recalculation: null,
    };
  };

  const setRecalculation = (id: number, recalculation: Row['recalculation']) =>
    strapi.db.query(HOLIDAY_YEAR).update({ where: { id }, data: { recalculation } });

  /** Queues the recomputation that follows an entry of `year`, replacing the calendar `before`. */
  const recalculateAfter = (
    row: Pick<Row, 'id' | 'year'>,
    before: WorkCalendar,
    effectiveAt: Date,
    actor: AuditInput['actor'],
    previous: Row['holidays'] | null
  ) => {
    const startedAt = effectiveAt.toISOString();
    const after = calendar;
    queue = queue.then(async () => {
      try {
        const { checked, changed } = await recalculateDeadlines(strapi, {
          year: row.year,
          before,
          after,
          effectiveAt,
          actor,
          timezone: timezone(),
        });
        await setRecalculation(row.id, {
          state: 'done',
          checked,
          changed,
          startedAt,
          finishedAt: new Date().toISOString(),
        });
        strapi.log.info(
          `governance: ${row.year} holidays entered: ${changed} of ${checked} open message deadline(s) recomputed`
        );
      } catch (error) {
        strapi.log.error(`governance: recomputing deadlines after ${row.year}: ${String(error)}`);
        await setRecalculation(row.id, {
          state: 'failed',
          checked: 0,
          changed: 0,
          startedAt,
          finishedAt: new Date().toISOString(),
          previous,
        }).catch(() => undefined);
      }
      rows = await readRows().catch(() => rows);
    });
    return queue;
  };

  const service = {
    /** The calendar deadlines are counted on now. */
    current: (): WorkCalendar => calendar,

    /** Reads the entered years and makes the calendar of them. */
    async load() {
      rows = await readRows();
      calendar = calendarOf(rows);
      return calendar;
    },

    /**
     * At bootstrap: the calendar, its refresh every minute, and any recomputation a stop cut
     * short (its entry kept the arrangement it replaced, to count the remaining deadlines by).
     */
    async start() {
      await service.load();
      for (const row of rows.filter((r) => r.recalculation?.state !== 'done' && r.recalculation)) {
        const previous = row.recalculation?.previous ?? null;
        const before = calendarOf(
          previous
            ? rows.map((r) => (r.id === row.id ? { ...r, holidays: previous } : r))
            : rows.filter((r) => r.id !== row.id)
        );
        void recalculateAfter(
          row,
          before,
          new Date(row.recalculation!.startedAt),
          'system',
          previous
        );
      }
      timer = setInterval(() => {
        service.load().catch((error) => strapi.log.warn(`governance: calendar: ${error}`));
      }, REFRESH_MS);
      timer.unref();
    },

    /** At shutdown: no more refreshes; a recomputation under way finishes first. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await queue.catch(() => undefined);
    },

    /** Resolves once every queued recomputation has finished (for tests and scripts). */
    idle: () => queue.then(() => undefined),

    /** Whether this year's and next year's holidays are known; next year's is asked for from 1 November. */
    status(now = new Date()): CalendarStatus {
      const local = localNow(now);
      const nextYear = local.year + 1;
      const warnFrom = DateTime.fromObject(
        { year: local.year, ...WARN_FROM },
        { zone: timezone() }
      );
      const nextYearKnown = knowsYear(calendar, nextYear);
      return {
        year: local.year,
        nextYear,
        currentYearKnown: knowsYear(calendar, local.year),
        nextYearKnown,
        missingNextYear: !nextYearKnown && local >= warnFrom,
        missingCurrentYear: !knowsYear(calendar, local.year),
        warnFrom: warnFrom.toISODate()!,
        builtinThrough: Math.max(...BUILTIN_CALENDAR.builtinYears),
      };
    },

    /** The years to show: entered ones, the software's recent ones, this year and next. */
    async overview(now = new Date()): Promise<CalendarOverview> {
      rows = await readRows();
      const current = localNow(now).year;
      const years = new Set<number>([
        ...rows.map((row) => row.year),
        ...[...BUILTIN_CALENDAR.builtinYears].filter((year) => year >= current - 1),
        current,
        current + 1,
      ]);
      return {
        status: service.status(now),
        years: [...years].sort((a, b) => b - a).map(yearView),
        ...yearBounds(current),
      };
    },

    /** A pasted notice read as a year's arrangement, checked, not saved. */
    parse(yearValue: unknown, text: unknown): CalendarInput {
      const year = checkYear(yearValue, yearBounds(localNow().year));
      if (typeof text !== 'string' || !text.trim() || text.length > 10000)
        throw new errors.ValidationError(ERRORS.text);
      const { holidays } = checkArrangement(year, parseNotice(year, text));
      return { holidays };
    },

    /**
     * Enters (or enters again) a year's holidays: checked, saved with who and when, on the
     * audit trail; the calendar changes at once and the open messages' deadlines are recomputed
     * after, one batch at a time.
     */
    async save(yearValue: unknown, body: unknown, user: AdminUser): Promise<CalendarYear> {
      const year = checkYear(yearValue, yearBounds(localNow().year));
      const arrangement = checkArrangement(year, body);
      const existing = (await strapi.db
        .query(HOLIDAY_YEAR)
        .findOne({ where: { year } })) as Row | null;
      const before = calendar;
      const previous = existing?.holidays ?? null;
      const actor = { id: user.id, name: personName(user) };
      const now = new Date();
      const data = {
        holidays: arrangement.holidays,
        note: arrangement.note,
        updatedByName: actor.name,
        updatedAt: now,
        recalculation: {
          state: 'running',
          checked: 0,
          changed: 0,
          startedAt: now.toISOString(),
          finishedAt: null,
          previous,
        },
      };
      const saved = (await strapi.db.transaction(async () => {
        const row = existing
          ? await strapi.db.query(HOLIDAY_YEAR).update({
              where: { id: existing.id },
              data: { ...data, revision: (existing.revision ?? 0) + 1 },
            })
          : await strapi.db.query(HOLIDAY_YEAR).create({ data: { ...data, year, revision: 1 } });
        const days = arrangement.holidays.reduce(
          (sum, holiday) => sum + daysFrom(holiday.start, holiday.end).length,
          0
        );
        await getService(strapi, 'audit').record('calendar.update', {
          subject: `calendar ${year}`,
          summary: `${existing ? '修改' : '录入'}${year}年节假日安排：${arrangement.holidays.length} 个节日，放假 ${days} 天，调休上班 ${arrangement.holidays.reduce((sum, h) => sum + h.workdays.length, 0)} 天`,
          details: { year, holidays: arrangement.holidays, previous, note: arrangement.note },
          actor,
        });
        return row;
      })) as Row;
      await service.load();
      // Deadlines set from here on are counted on the new calendar already.
      void recalculateAfter(saved, before, new Date(), actor, previous);
      return yearView(year);
    },
  };
  return service;
};

export default calendarService;
