import { randomUUID } from 'crypto';
import type { Core, Modules } from '@strapi/strapi';
import type { Knex } from 'knex';
import { dbNames } from '../utils/db-names';
import { getService } from '../utils/get-service';
import { ARTICLE, ARTICLE_BLOCK } from '../uids';
import { addToCell, type CellTable } from './cells';

/**
 * Row ids per block. A block's recount reads at most this many rows by the primary key, a few
 * milliseconds; the total sums one cell per block (about 500 at 1,000,000 articles).
 */
export const BLOCK_SIZE = 4096;
const blockOf = (id: number) => Math.floor(id / BLOCK_SIZE);

/** One kept block against its recount from the articles. */
export interface BlockDifference {
  block: number;
  kept: number;
  recounted: number;
}

type Row = { id: number; publishedAt: Date | string | null };
type Event = {
  params: { where?: Record<string, unknown>; data?: Record<string, unknown> };
  result?: { id?: number; ids?: number[] } | null;
  state: Record<string, unknown>;
};

/** Count parameters that do not narrow the list (paging, the one locale, the fields). */
const HARMLESS = new Set(['page', 'pageSize', 'start', 'limit', 'locale', 'fields', 'status']);
const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'object' && Object.keys(value as object).length === 0);

/**
 * The number of article documents, kept as their draft rows come and go (every document has
 * one), per block of row ids. The Content Manager's unfiltered list asks for it on every page:
 * a count of the archive's drafts held SQLite's thread 100 ms at 1,000,000 articles.
 */
const documentFigures = ({ strapi }: { strapi: Core.Strapi }) => {
  const tables = () => {
    const block = dbNames(strapi, ARTICLE_BLOCK);
    const article = dbNames(strapi, ARTICLE);
    return {
      article: article.table,
      blocks: {
        table: block.table,
        keys: [block.column('block')],
        counts: [block.column('drafts')],
      } satisfies CellTable,
      block: block.column('block'),
      drafts: block.column('drafts'),
    };
  };

  /** Each block's change from `before` to `after` (the draft rows' ids then and now). */
  const applyChange = async (before: number[], after: number[]) => {
    const delta = new Map<number, number>();
    for (const id of before) delta.set(blockOf(id), (delta.get(blockOf(id)) ?? 0) - 1);
    for (const id of after) delta.set(blockOf(id), (delta.get(blockOf(id)) ?? 0) + 1);
    const changes = [...delta].filter(([, n]) => n !== 0).sort(([a], [b]) => a - b);
    if (changes.length === 0) return;
    const t = tables();
    // Joins the writing transaction (Strapi's transaction context).
    await strapi.db.transaction(async ({ trx }) => {
      for (const [block, n] of changes)
        await addToCell(trx, t.blocks, { [t.block]: block }, { [t.drafts]: n });
    });
  };

  const rowsWhere = async (where: Record<string, unknown>) =>
    (await strapi.db.query(ARTICLE).findMany({ where, select: ['id', 'publishedAt'] })) as Row[];
  const draftIds = (rows: Row[]) =>
    rows.filter((row) => row.publishedAt === null).map((row) => Number(row.id));

  /** The block's drafts kept and recounted (`repair`: the kept one set to the recount). */
  const recountBlock = async (
    trx: Knex.Transaction,
    block: number,
    repair: boolean
  ): Promise<BlockDifference | null> => {
    const t = tables();
    const cell = () => trx(t.blocks.table).where(t.block, block);
    if (repair && strapi.db.dialect.client === 'postgres') {
      // The cell locked before the recount: a draft written meanwhile adds to it after the
      // repair (its row not counted) or commits before the recount (its row counted).
      await trx(t.blocks.table)
        .insert(blockRow(t, block, 0))
        .onConflict(t.blocks.keys)
        .ignore();
      await cell().forUpdate().select('id');
    }
    const [keptRow] = (await cell().select({ n: t.drafts })) as Array<{ n: number }>;
    const [{ n: recountedN }] = (await trx(t.article)
      .count({ n: '*' })
      .whereNull('published_at')
      .where('id', '>=', block * BLOCK_SIZE)
      .where('id', '<', (block + 1) * BLOCK_SIZE)) as Array<{ n: number | string }>;
    const kept = Number(keptRow?.n ?? 0);
    const recounted = Number(recountedN);
    if (repair && (kept !== recounted || (keptRow && recounted === 0))) {
      if (recounted === 0) await cell().delete();
      else
        await trx(t.blocks.table)
          .insert(blockRow(t, block, recounted))
          .onConflict(t.blocks.keys)
          .merge([t.drafts, 'updated_at']);
    }
    return kept === recounted ? null : { block, kept, recounted };
  };

  const service = {
    /** Every article document: the kept blocks summed (sites × nothing: a few hundred rows). */
    async total() {
      const t = tables();
      const [row] = (await strapi.db.connection(t.blocks.table).sum({ n: t.drafts })) as Array<{
        n: number | string | null;
      }>;
      return Number(row?.n ?? 0);
    },

    /** The blocks a rebuild or check goes through: every block of the articles' ids and cells. */
    async blocks() {
      const t = tables();
      const db = strapi.db.connection;
      const [last] = (await db(t.article).select('id').orderBy('id', 'desc').limit(1)) as Array<{
        id: number;
      }>;
      const kept = (await db(t.blocks.table).select({ block: t.block })) as Array<{
        block: number;
      }>;
      const through = last ? blockOf(Number(last.id)) : -1;
      const beyond = kept.map((row) => Number(row.block)).filter((block) => block > through);
      return [...Array.from({ length: through + 1 }, (_, block) => block), ...beyond];
    },

    recountBlock,

    /**
     * Keeps the blocks on every write through the query engine, beneath the Document Service: a
     * row created, deleted, or moved between draft and published. Bulk writes name their rows by
     * a condition, so the rows are read before the write.
     */
    subscribe() {
      const before = async (event: Event) => {
        event.state.rows = await rowsWhere(event.params.where ?? {});
      };
      const beforeUpdate = async (event: Event) => {
        // Only a write of the publication date changes what is a draft.
        if (event.params.data && 'publishedAt' in event.params.data) await before(event);
      };
      const after = async (event: Event) => {
        const earlier = (event.state.rows as Row[] | undefined) ?? [];
        const created = event.result as Partial<Row> | null | undefined;
        if (!event.state.rows && created?.id && 'publishedAt' in created) {
          // A row just created, as written: nothing to read again.
          if (created.publishedAt === null) await applyChange([], [Number(created.id)]);
          return;
        }
        const ids = [
          ...earlier.map((row) => Number(row.id)),
          ...(event.result?.id ? [Number(event.result.id)] : []),
          ...(event.result?.ids ?? []).map(Number),
        ];
        if (ids.length === 0) return;
        const now = await rowsWhere({ id: { $in: [...new Set(ids)] } });
        await applyChange(draftIds(earlier), draftIds(now));
      };
      strapi.db.lifecycles.subscribe({
        models: [ARTICLE],
        afterCreate: after,
        afterCreateMany: after,
        beforeUpdate,
        afterUpdate: (event: Event) => (event.state.rows ? after(event) : undefined),
        beforeUpdateMany: beforeUpdate,
        afterUpdateMany: (event: Event) => (event.state.rows ? after(event) : undefined),
        beforeDelete: before,
        afterDelete: after,
        beforeDeleteMany: before,
        afterDeleteMany: after,
      } as unknown as Parameters<typeof strapi.db.lifecycles.subscribe>[0]);
    },
  };
  return service;
};

const blockRow = (t: { block: string; drafts: string }, block: number, drafts: number) => {
  const now = new Date();
  return {
    document_id: randomUUID(),
    [t.block]: block,
    [t.drafts]: drafts,
    created_at: now,
    updated_at: now,
    published_at: now,
  };
};

/**
 * The Content Manager's unfiltered article list asks for every draft (one per document): the
 * kept total answers. Registered last, so a site-bound user's own-site filter (added by the
 * isolation middleware) is seen, and anything that narrows the list is counted as before.
 */
export const keptArticleTotal =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE || context.action !== 'count') return next();
    const params = (context.params ?? {}) as Record<string, unknown>;
    const whole =
      (params.status === undefined || params.status === 'draft') &&
      isEmpty(params.filters) &&
      Object.entries(params).every(
        ([key, value]) => value === undefined || HARMLESS.has(key) || key === 'filters'
      );
    // A localized type counts one locale's drafts: not what the blocks keep.
    const localized = (strapi.getModel(ARTICLE).pluginOptions as { i18n?: { localized?: boolean } })
      ?.i18n?.localized;
    if (!whole || localized) return next();
    return getService(strapi, 'documentFigures').total();
  };

export default documentFigures;
