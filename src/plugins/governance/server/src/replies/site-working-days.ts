import type { Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CATEGORIES, type Category } from '../../../shared/contracts/messages';
import type { ReplyWorkingDays } from './deadlines';
import { SITE } from '../uids';

const MESSAGE =
  '每网站答复期限须写成 {"consultation": 3} 的形式：类别为 consultation、complaint、suggestion、other，天数为 1 至 60 个工作日 (a site’s reply days are {"category": working days}, 1 to 60)';

/** What a site may set: its own working days for some categories (`replyWorkingDays`). */
export const isValidOverride = (value: unknown): boolean =>
  value === null ||
  (typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.entries(value as Record<string, unknown>).every(
      ([category, days]) =>
        (CATEGORIES as readonly string[]).includes(category) &&
        Number.isInteger(days) &&
        (days as number) >= 1 &&
        (days as number) <= 60
    ));

/** The working days a message of `category` gets at `site`: the site's own, else the group's. */
export const workingDaysFor = (
  defaults: ReplyWorkingDays,
  site: { replyWorkingDays?: unknown },
  category: Category
): number =>
  (isValidOverride(site.replyWorkingDays) &&
    (site.replyWorkingDays as Partial<ReplyWorkingDays> | null)?.[category]) ||
  defaults[category];

/** Refuses a site whose reply days are malformed, on every write path, with what to write. */
export const siteWorkingDaysRule =
  (): Modules.Documents.Middleware.Middleware => async (context, next) => {
    if (context.uid !== SITE || !['create', 'update'].includes(context.action)) return next();
    const data = (context.params as { data?: Record<string, unknown> }).data;
    if (
      data &&
      'replyWorkingDays' in data &&
      data.replyWorkingDays !== undefined &&
      !isValidOverride(data.replyWorkingDays)
    ) {
      throw new errors.ValidationError(MESSAGE, {
        errors: [{ path: ['replyWorkingDays'], message: MESSAGE, name: 'ValidationError' }],
      });
    }
    return next();
  };
