import type { Core, Modules } from '@strapi/strapi';
import { SITE } from '../uids';
import { messageTables, publicationTables } from './tables';

/**
 * A deleted site takes its articles and messages out of every figure (its links are gone with
 * it): its entries and cells are removed in the same transaction, so the figures stay equal to
 * a recount. A site kept for history is closed (`active` false), not deleted.
 */
export const keptFiguresOfDeletedSites =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== SITE || context.action !== 'delete') return next();
    const { documentId } = context.params as { documentId?: string };
    return strapi.db.transaction(async ({ trx }) => {
      const rows = documentId
        ? ((await trx(strapi.db.metadata.get(SITE).tableName)
            .select('id')
            .where('document_id', documentId)) as Array<{ id: number }>)
        : [];
      const result = await next();
      const p = publicationTables(strapi);
      const m = messageTables(strapi);
      for (const { id } of rows)
        for (const names of [p.entry, p.day, p.month, p.column, m.entry, m.day, m.month])
          await trx(names.table).where(names.column('siteId'), id).delete();
      return result;
    });
  };
