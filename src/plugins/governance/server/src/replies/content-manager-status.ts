import type { Core } from '@strapi/strapi';
import { HANDLING_STATUS } from '../../../shared/contracts/content-manager';
import { CITIZEN_MESSAGE } from '../uids';
import { adminRoutesOf } from '../utils/route-policies';

type Next = () => Promise<unknown>;
interface Context {
  params?: { model?: string };
  body?: unknown;
}
type Row = { documentId?: unknown } & Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null;

/** The Content Manager's routes that read citizen messages, as it declares them. */
const ROUTES = [
  { method: 'GET', path: '/collection-types/:model' },
  { method: 'GET', path: '/collection-types/:model/:id' },
];

const statusesOf = async (strapi: Core.Strapi, documentIds: string[]) => {
  const rows = (await strapi.db.query(CITIZEN_MESSAGE).findMany({
    where: { documentId: { $in: documentIds } },
    select: ['documentId', 'status'],
  })) as Array<{ documentId: string; status: string | null }>;
  return new Map(rows.map((row) => [row.documentId, row.status]));
};

/**
 * Strapi 5's Content Manager writes its own draft/publish status over a field named `status`
 * of a type without draft/publish: the list answers every message "published" (shown as
 * 已发布 in the 办理状态 column) and the edit view gets none. The messages' own status is handed
 * over beside it, under {@link HANDLING_STATUS}: on each listed row, and in the `meta` of one
 * message (not in its data: the edit form would send it back as the document status, which
 * Strapi refuses). Only for documents the user was already given, read after Strapi answered.
 */
export const handOverMessageStatus =
  (strapi: Core.Strapi) =>
  async (ctx: Context, next: Next): Promise<void> => {
    await next();
    if (ctx.params?.model !== CITIZEN_MESSAGE || !isRow(ctx.body)) return;
    const { results, data, meta } = ctx.body;
    if (Array.isArray(results)) {
      const rows = results.filter(isRow);
      const ids = rows.flatMap((row) =>
        typeof row.documentId === 'string' ? [row.documentId] : []
      );
      if (ids.length === 0) return;
      const statuses = await statusesOf(strapi, ids);
      for (const row of rows)
        if (typeof row.documentId === 'string')
          row[HANDLING_STATUS] = statuses.get(row.documentId) ?? null;
    } else if (isRow(data) && typeof data.documentId === 'string' && isRow(meta)) {
      meta[HANDLING_STATUS] =
        (await statusesOf(strapi, [data.documentId])).get(data.documentId) ?? null;
    }
  };

/** Adds the hand-over to the Content Manager's read routes; a renamed route stops the boot. */
export const showMessageStatusInContentManager = (strapi: Core.Strapi) => {
  const routes = adminRoutesOf(strapi, 'content-manager');
  for (const target of ROUTES) {
    const route = routes.find((r) => r.method === target.method && r.path === target.path);
    if (!route)
      throw new Error(
        `governance: the Content Manager has no ${target.method} ${target.path}; review replies/content-manager-status.ts`
      );
    route.config = {
      ...route.config,
      middlewares: [...(route.config?.middlewares ?? []), handOverMessageStatus(strapi)],
    };
  }
};
