/**
 * 节假日安排: the working-day calendar reply deadlines are counted on, shared by the server's
 * calendar concern and the admin. Dates are calendar days written yyyy-mm-dd (no time, no zone).
 * Routes (admin JWT, `plugin::governance.calendar.manage`):
 * - GET  /governance/calendar                 → { data: CalendarOverview }
 * - GET  /governance/calendar/status          → { data: CalendarStatus } (for the home page)
 * - POST /governance/calendar/parse           { year, text } → { data: CalendarInput }
 * - PUT  /governance/calendar/:year           CalendarInput → { data: CalendarYear }
 */

/** One holiday of the State Council's notice, with the weekend days worked for it (调休上班). */
export interface CalendarHoliday {
  /** 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 (or as the notice names it). */
  name: string;
  /** First and last day off, both included. */
  start: string;
  end: string;
  /** Days off, both ends included. */
  days: number;
  /** Weekend days that are working days for this holiday. */
  workdays: string[];
}

/** Where a year's arrangement comes from: entered by the province, or known to the software. */
export type CalendarSource = 'entered' | 'builtin' | 'missing';

export interface CalendarRecalculation {
  state: 'running' | 'done' | 'failed';
  /** Open messages looked at, and those whose deadline moved. */
  checked: number;
  changed: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface CalendarYear {
  year: number;
  source: CalendarSource;
  holidays: CalendarHoliday[];
  /** The notice it comes from, e.g. 国办发明电〔2026〕7号. */
  note: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  /** The last recomputation of open messages' deadlines after this year was entered. */
  recalculation: CalendarRecalculation | null;
}

export interface CalendarStatus {
  /** This year and next, local to the group's time zone. */
  year: number;
  nextYear: number;
  currentYearKnown: boolean;
  nextYearKnown: boolean;
  /**
   * True from 1 November (local) while next year's holidays are neither entered nor known to
   * the software: deadlines reaching into next year are counted without its holidays.
   */
  missingNextYear: boolean;
  /** True whenever this year's holidays are unknown (deadlines are counted on weekends only). */
  missingCurrentYear: boolean;
  /** The day the warning about next year starts, yyyy-mm-dd. */
  warnFrom: string;
  /** The last year the software itself knows. */
  builtinThrough: number;
}

export interface CalendarOverview {
  status: CalendarStatus;
  /** Entered years, the software's recent years, this year and next; newest first. */
  years: CalendarYear[];
  /** The years that may be entered. */
  minYear: number;
  maxYear: number;
}

/** What the province enters for a year (PUT), or what a pasted notice was read as. */
export interface CalendarInput {
  holidays: Array<{ name: string; start: string; end: string; workdays: string[] }>;
  note?: string | null;
}
