import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { localDate, localDateTime, localParts, zoneName } from '../../../shared/local-time';
import type { GovernanceConfig } from '../config';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jsonl: 'application/x-ndjson; charset=utf-8',
} as const;
export type ExportFormat = keyof typeof CONTENT_TYPES;

/** "生成于 2026年12月4日 20:31（北京时间）": the line an export carries under its title. */
export const stampLine = (at: Date, zone: string) =>
  `生成于 ${localDateTime(at, zone)}（${zoneName(zone)}）`;

/**
 * An export's file name: `操作日志-2026年12月4日.xlsx`, the day it was made in the group's
 * calendar; or the title alone when it names its own period (`2014年发布排名.xlsx`). Characters
 * no file system takes are dropped: a notice's title comes partly from data.
 */
export const exportFileName = (
  title: string,
  format: ExportFormat,
  dated: { at: Date; zone: string } | null
) =>
  `${title.replace(/[\\/:*?"<>|\r\n]+/g, '')}${dated ? `-${localDate(dated.at, dated.zone)}` : ''}.${format}`;

export interface ExportOptions {
  /** What the file is, in Chinese: 操作日志, 2014年发布排名. */
  title: string;
  format: ExportFormat;
  /** The same name in ASCII, for the rare client that cannot read `filename*` (e.g. `audit-log`). */
  asciiTitle: string;
  /** Whether the name carries the day it was made (default); false when the title names its period. */
  dated?: boolean;
  /** The moment the file was made: its name's day. */
  at?: Date;
}

/**
 * Every export of the plugin is named and stamped here, in the group's time zone (config
 * `timezone`), never in the server's zone or UTC: one helper, so that a spreadsheet made at
 * 00:30 on 5 December in Xi'an is not dated the 4th.
 */
export const exportFiles = (strapi: Core.Strapi) => {
  const zone = () => (strapi.config.get('plugin::governance') as GovernanceConfig).timezone;
  return {
    /** "生成于 2026年12月4日 20:31（北京时间）" */
    stamp: (at: Date = new Date()) => stampLine(at, zone()),

    /** The group's zone as a reader names it: 北京时间. */
    zoneName: () => zoneName(zone()),

    /** The group's day of a moment: 2026年12月4日. */
    date: (at: Date | string) => localDate(at, zone()),

    /** A moment in the group's time, as the exports write it: 2026年12月4日 20:31:37. */
    dateTime: (at: Date | string) => localDateTime(at, zone(), { seconds: true }),

    /**
     * Sets the type and the name of the download: the Chinese name as RFC 5987 `filename*`
     * (UTF-8, percent-encoded: what browsers, Excel and WPS read), an ASCII one in `filename`.
     */
    attach(
      ctx: Context,
      { title, format, asciiTitle, dated = true, at = new Date() }: ExportOptions
    ) {
      const when = dated ? { at, zone: zone() } : null;
      ctx.set('Content-Type', CONTENT_TYPES[format]);
      ctx.attachment(exportFileName(title, format, when), {
        fallback: `${asciiTitle}${when ? `-${localDateIso(at, zone())}` : ''}.${format}`,
      });
    },
  };
};

/** 2026-12-04 in the zone, for the ASCII name. */
const localDateIso = (at: Date, zone: string) => {
  const { year, month, day } = localParts(at, zone);
  return [year, month, day].map((n) => String(n).padStart(2, '0')).join('-');
};
