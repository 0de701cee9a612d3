import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CATEGORIES, CATEGORY_NAMES, type Category } from '../../../shared/contracts/messages';
import type { GovernanceConfig } from '../config';
import { NATIONAL_MAX_WORKING_DAYS, type ReplyWorkingDays } from './deadlines';
import { SITE } from '../uids';

/** What the site's reply days answer when they cannot be kept, in Chinese on every write path. */
export const WORKING_DAYS_ERRORS = {
  malformed: (limits: ReplyWorkingDays) =>
    `本站答复期限须写成 {"consultation": 3} 的形式：类别为 consultation（咨询）、complaint（投诉）、suggestion（建议）、other（其他），天数为整数个工作日，咨询最长 ${limits.consultation} 个，投诉最长 ${limits.complaint} 个，建议最长 ${limits.suggestion} 个，其他最长 ${limits.other} 个；不填则用全省默认`,
  tooLong: (category: Category, days: number, limit: number) =>
    `${CATEGORY_NAMES[category]}类留言的答复期限最长 ${limit} 个工作日（国家规定），不能设为 ${days} 个工作日；个别留言确需更多时间的，由办理人申请延期、省厅批准`,
} as const;

/** The first category whose days are a whole number above the limit, if any. */
const firstTooLong = (value: Record<string, unknown>, limits: ReplyWorkingDays) =>
  CATEGORIES.find(
    (category) =>
      Number.isInteger(value[category]) &&
      (value[category] as number) >= 1 &&
      (value[category] as number) > limits[category]
  );

/**
 * Why a site's own working days (`replyWorkingDays`) cannot be kept, or null when they can:
 * some categories, each a whole number from 1 to the national limit (config
 * `replies.maxWorkingDays`: consultation 5, others 15).
 */
export const overrideProblem = (value: unknown, limits: ReplyWorkingDays): string | null => {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value))
    return WORKING_DAYS_ERRORS.malformed(limits);
  const entries = Object.entries(value as Record<string, unknown>);
  const wellFormed = entries.every(
    ([category, days]) =>
      (CATEGORIES as readonly string[]).includes(category) &&
      Number.isInteger(days) &&
      (days as number) >= 1
  );
  if (!wellFormed) return WORKING_DAYS_ERRORS.malformed(limits);
  const tooLong = firstTooLong(value as Record<string, unknown>, limits);
  return tooLong
    ? WORKING_DAYS_ERRORS.tooLong(
        tooLong,
        (value as Record<string, number>)[tooLong],
        limits[tooLong]
      )
    : null;
};

/** What a site may set: its own working days for some categories, within the national limits. */
export const isValidOverride = (
  value: unknown,
  limits: ReplyWorkingDays = NATIONAL_MAX_WORKING_DAYS
): boolean => overrideProblem(value, limits) === null;

/**
 * The working days a message of `category` gets at `site`: the site's own, else the group's.
 * A site's days stored before the limits (or by SQL) never give more than the limit.
 */
export const workingDaysFor = (
  defaults: ReplyWorkingDays,
  site: { replyWorkingDays?: unknown },
  category: Category,
  limits: ReplyWorkingDays = NATIONAL_MAX_WORKING_DAYS
): number => {
  const own = (site.replyWorkingDays as Partial<Record<Category, unknown>> | null | undefined)?.[
    category
  ];
  const days = Number.isInteger(own) && (own as number) >= 1 ? (own as number) : defaults[category];
  return Math.min(days, limits[category]);
};

/**
 * Refuses a site whose reply days are malformed or longer than the national limits, on every
 * write path (Content Manager, REST, the Document Service), with what to write instead.
 */
export const siteWorkingDaysRule =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== SITE || !['create', 'update'].includes(context.action)) return next();
    const data = (context.params as { data?: Record<string, unknown> }).data;
    if (!data || !('replyWorkingDays' in data) || data.replyWorkingDays === undefined)
      return next();
    const { replies } = strapi.config.get('plugin::governance') as GovernanceConfig;
    const problem = overrideProblem(data.replyWorkingDays, replies.maxWorkingDays);
    if (problem) {
      throw new errors.ValidationError(problem, {
        errors: [{ path: ['replyWorkingDays'], message: problem, name: 'ValidationError' }],
      });
    }
    return next();
  };
