import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ERRORS } from './messages';
import { SITE } from '../uids';

type Params = { data?: { code?: unknown }; documentId?: string };

/**
 * A site code names the site in URLs, exports and accounts: a duplicate is refused with a
 * message that says which site holds it (Strapi's own check only says "must be unique").
 */
export const siteRules =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== SITE || !['create', 'update'].includes(context.action)) return next();

    const { data, documentId } = context.params as Params;
    if (typeof data?.code === 'string') {
      const holder = await strapi.db.query(SITE).findOne({
        where: { code: data.code, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
        select: ['name'],
      });
      if (holder) {
        const message = ERRORS.codeTaken(data.code, holder.name);
        throw new errors.ValidationError(message, {
          errors: [{ path: ['code'], message, name: 'ValidationError', value: data.code }],
        });
      }
    }
    return next();
  };
