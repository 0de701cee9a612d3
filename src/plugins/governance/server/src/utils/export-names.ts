import type { Context } from 'koa';
import { DateTime } from 'luxon';
import type { Readable } from 'stream';

/**
 * The name of the group's time zone as a reader says it: 北京时间 for China's UTC+8 (every
 * zone of the mainland), "UTC+7" style otherwise.
 */
export const zoneLabel = (timezone: string, at = new Date()) => {
  const offset = DateTime.fromJSDate(at).setZone(timezone).offset;
  if (offset === 480) return '北京时间';
  const hours = Math.trunc(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `UTC${offset < 0 ? '-' : '+'}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
};

/** "生成于 2026年12月4日 20:31（北京时间）": the stamp row of an export, in the group's time zone. */
export const generatedStamp = (timezone: string, at = new Date()) =>
  `生成于 ${DateTime.fromJSDate(at).setZone(timezone).toFormat('yyyy年M月d日 HH:mm')}（${zoneLabel(timezone, at)}）`;

/** "2026年12月4日": a local date for a file name or a heading. */
export const localDay = (timezone: string, at = new Date()) =>
  DateTime.fromJSDate(at).setZone(timezone).toFormat('yyyy年M月d日');

/** What a file type is sent as. */
const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * Answers a file under a Chinese name (`2014年留言统计.xlsx`): Koa's `attachment` writes the
 * name both as an ASCII fallback and as RFC 5987 `filename*=UTF-8''…`, which every browser
 * prefers. Slashes and quotes are taken out of the name, which comes partly from data.
 */
export const sendFile = (
  ctx: Context,
  name: string,
  type: keyof typeof TYPES,
  body: Buffer | Readable
) => {
  ctx.attachment(`${name.replace(/[\\/:*?"<>|\r\n]+/g, '')}.${type}`);
  ctx.set('Content-Type', TYPES[type]);
  ctx.body = body;
};
