import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { dbNames } from '../utils/db-names';
import { updateInIdWindows } from '../utils/id-windows';
import { ARTICLE, CITIZEN_MESSAGE, SITE } from '../uids';

/**
 * The site key: every row of an article (draft and published) and of a citizen message holds
 * its site's id in a plain column, `siteKey`, beside Strapi's link table. A site-bound user's
 * lists filter on it (the own-site condition, site isolation) and the public list of one site
 * reads it through an index, where the relation would join the link table for every row of the
 * archive. Sites have no draft and publish: their ids never change.
 *
 * The key is the server's: no input sets it, and it is derived again from the site link after
 * every write through Strapi's query engine (the Document Service, the Content Manager, the
 * handling flow's `strapi.db.query` updates, publish, which recreates the published row, and
 * clone). Rows written by plain SQL (the demo loader, the benches) set it themselves; rows
 * imported without it get it at the next start (`fillMissing`).
 */
export const SITE_KEYED = [ARTICLE, CITIZEN_MESSAGE] as const;
export type SiteKeyedUid = (typeof SITE_KEYED)[number];

export const isSiteKeyed = (uid: string): uid is SiteKeyedUid =>
  (SITE_KEYED as readonly string[]).includes(uid);

const namesOf = (strapi: Core.Strapi, uid: SiteKeyedUid) => {
  const names = dbNames(strapi, uid);
  return { table: names.table, key: names.column('siteKey'), link: names.joinTable('site') };
};

/** What a query-engine lifecycle event carries, as far as the keeper reads it. */
interface WriteEvent {
  model: { uid: string };
  params: { data?: Record<string, unknown> | Array<Record<string, unknown>> };
  result?: { id?: number; ids?: number[]; siteKey?: number | null } | null;
}

/** Input never sets the key, on any path: drops it from what is about to be written. */
const dropKey = (event: WriteEvent) => {
  for (const row of [event.params.data ?? []].flat()) delete row.siteKey;
};

/**
 * Sets the key of the rows `ids` from their site links, inside the caller's transaction if there
 * is one, and answers each row's key (null for a row without a site).
 */
const deriveKeys = async (
  strapi: Core.Strapi,
  uid: SiteKeyedUid,
  ids: number[],
  known: Map<number, number | null | undefined> = new Map()
) => {
  const { table, key, link } = namesOf(strapi, uid);
  return strapi.db.transaction(async ({ trx }) => {
    const links = (await trx(link.table)
      .select({ id: link.ownerColumn, site: link.targetColumn })
      .whereIn(link.ownerColumn, ids)) as Array<{ id: number | string; site: number | string }>;
    const keys = new Map<number, number | null>(ids.map((id) => [id, null]));
    for (const row of links) keys.set(Number(row.id), Number(row.site));
    // One statement per key; none when the row already holds it (most updates keep the site).
    const stale = new Map<number | null, number[]>();
    for (const [id, site] of keys) {
      if (known.get(id) === site) continue;
      const rows = stale.get(site);
      if (rows) rows.push(id);
      else stale.set(site, [id]);
    }
    for (const [site, rows] of stale)
      await trx(table)
        .whereIn('id', rows)
        .update({ [key]: site });
    return keys;
  });
};

/** After a single-row write: the row's key, also in the result its caller gets back. */
const keepRow = async (strapi: Core.Strapi, event: WriteEvent) => {
  const result = event.result;
  if (!result?.id || !isSiteKeyed(event.model.uid)) return;
  const keys = await deriveKeys(
    strapi,
    event.model.uid,
    [result.id],
    new Map([[result.id, result.siteKey]])
  );
  // Only when the caller read the key: a `select` without it stays without it.
  if ('siteKey' in result) result.siteKey = keys.get(result.id) ?? null;
};

/**
 * Subscribes the keeper to the query engine: beneath the Document Service and every
 * `strapi.db.query` write, in the writing transaction. A site deleted takes its key off its
 * former rows (their links go with it).
 */
export const keepSiteKeys = (strapi: Core.Strapi) => {
  strapi.db.lifecycles.subscribe({
    models: [...SITE_KEYED],
    beforeCreate: (event) => dropKey(event as unknown as WriteEvent),
    beforeUpdate: (event) => dropKey(event as unknown as WriteEvent),
    beforeCreateMany: (event) => dropKey(event as unknown as WriteEvent),
    beforeUpdateMany: (event) => dropKey(event as unknown as WriteEvent),
    afterCreate: (event) => keepRow(strapi, event as unknown as WriteEvent),
    afterUpdate: (event) => keepRow(strapi, event as unknown as WriteEvent),
    // createMany writes no relations, but a key is never taken from input.
    async afterCreateMany(event) {
      const { model, result } = event as unknown as WriteEvent;
      if (result?.ids?.length && isSiteKeyed(model.uid))
        await deriveKeys(strapi, model.uid, result.ids.map(Number));
    },
  });
  strapi.db.lifecycles.subscribe({
    models: [SITE],
    async afterDelete(event) {
      const site = (event as unknown as WriteEvent).result?.id;
      if (!site) return;
      await strapi.db.transaction(async ({ trx }) => {
        for (const uid of SITE_KEYED) {
          const { table, key } = namesOf(strapi, uid);
          await trx(table)
            .where(key, site)
            .update({ [key]: null });
        }
      });
    },
  });
};

/**
 * Keys the rows that have a site but no key (imported by SQL, or stored before the key existed)
 * and answers how many. One look through the key's index when there are none; otherwise the
 * table in windows of ids (utils/id-windows.ts).
 */
export const fillMissing = async (strapi: Core.Strapi, uid: SiteKeyedUid) => {
  const { table, key, link } = namesOf(strapi, uid);
  const knex = strapi.db.connection;
  const hasLink = (q: Knex.QueryBuilder, row: string) =>
    q
      .select(knex.raw('1'))
      .from(link.table)
      .where(link.ownerColumn, knex.ref(`${row}.id`));
  const missing = await knex(`${table} as r`)
    .whereNull(`r.${key}`)
    .whereExists((q) => hasLink(q, 'r'))
    .first('r.id');
  if (!missing) return 0;

  return updateInIdWindows(strapi, table, (trx, from, to) =>
    trx(table)
      .where('id', '>', from)
      .where('id', '<=', to)
      // `+`: not by the key's index, which would walk every row still without a key for each
      // window (SQLite chose it); the window's ids are the way in, on both databases.
      .whereRaw('+?? is null', [key])
      .whereExists((q: Knex.QueryBuilder) => hasLink(q, table))
      .update({
        [key]: trx(link.table)
          .select(link.targetColumn)
          .where(link.ownerColumn, trx.ref(`${table}.id`))
          .limit(1),
      })
  );
};

/**
 * The public list's site filter: `filters[site][code][$eq]=xian`, `filters[site][code]=xian`, or
 * the same by the site's document id. Answers the field and the value, or null for anything else.
 */
const siteFilterOf = (site: unknown): { field: 'code' | 'documentId'; value: string } | null => {
  if (!site || typeof site !== 'object' || Array.isArray(site)) return null;
  const keys = Object.keys(site);
  const field = keys[0];
  if (keys.length !== 1 || (field !== 'code' && field !== 'documentId')) return null;
  const value = (site as Record<string, unknown>)[field];
  if (typeof value === 'string') return { field, value };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const ops = Object.keys(value);
  const eq = (value as { $eq?: unknown }).$eq;
  return ops.length === 1 && typeof eq === 'string' ? { field, value: eq } : null;
};

/**
 * Filters with a site filter on the top level made a filter on the site key: the same rows,
 * read from the key's index instead of through the link table. Anything else, and a site that
 * does not exist (the relation finds nothing either), is left as it was.
 */
export const filtersBySiteKey = async (strapi: Core.Strapi, filters: unknown): Promise<unknown> => {
  if (!filters || typeof filters !== 'object' || Array.isArray(filters)) return filters;
  const { site, ...rest } = filters as Record<string, unknown>;
  const filter = siteFilterOf(site);
  if (filter === null) return filters;
  const found = (await strapi.db
    .query(SITE)
    .findOne({ where: { [filter.field]: filter.value }, select: ['id'] })) as {
    id: number;
  } | null;
  if (!found) return filters;
  return { ...rest, siteKey: { $eq: found.id } };
};

/** The site key as the rest of the application asks for it. */
export const siteKeysService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** From now on, every write through Strapi's query engine keeps the key. Once, at start-up. */
  keep: () => keepSiteKeys(strapi),

  /** Keys the rows of every keyed type that have a site and no key; answers how many. */
  async fillMissing() {
    let filled = 0;
    for (const uid of SITE_KEYED) filled += await fillMissing(strapi, uid);
    return filled;
  },

  /** The public list's filters, with a site filter read through the site key. */
  publicFilters: (filters: unknown) => filtersBySiteKey(strapi, filters),
});
