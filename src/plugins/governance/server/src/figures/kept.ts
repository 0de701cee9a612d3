import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { GovernanceConfig } from '../config';
import { runWithLease, type LeaseRun } from '../jobs/lease';
import { dayOf } from '../time/local-day';
import { dbNames } from '../utils/db-names';
import { getService } from '../utils/get-service';
import { yieldToEventLoop } from '../utils/yield';
import { ARTICLE, CITIZEN_MESSAGE, SITE } from '../uids';
import { cellRecount, type CellDifference } from './cell-recount';
import type { KeptPhase, KeptProgress, KeptReport } from '../../../shared/contracts/kept-figures';
import { messageTables, publicationTables } from './tables';

export const KEPT_FIGURES_CHECK_JOB = 'governance-kept-figures-check';
/** Rows read per query; a transaction stops once it has run `sliceMs`. */
const BATCH = 200;
/** Entries per range in the search for entries whose source is gone (two index range scans). */
const RANGE = 2000;
/**
 * How long one transaction holds the main thread (and, on PostgreSQL, the judgement lock), its
 * commit aside: on SQLite a commit waits for the disk (a few ms, 10 on a busy machine).
 */
const SLICE_MS = 30;
/** Before the server answers anyone (start-up, the demo loader): fewer, longer transactions. */
export const OFFLINE_SLICE_MS = 1000;
const HOLD_MS = 2 * 60 * 1000;
/** Differences named in a report; the rest are counted. */
const SAMPLES = 20;

export interface KeptOptions {
  signal?: AbortSignal;
  onProgress?: (progress: KeptProgress) => void;
  /** How long a transaction runs (default `SLICE_MS`; `OFFLINE_SLICE_MS` when nobody waits). */
  sliceMs?: number;
}

const PHASE_NAMES: Record<KeptPhase, string> = {
  articles: 'articles',
  articleEntries: 'article entries',
  messages: 'messages',
  messageEntries: 'message entries',
  publicationCells: 'publication cells',
  messageCells: 'message cells',
  articleBlocks: 'article blocks',
};

/** Start-up progress in the server log: a line per phase and per tenth of it. */
export const keptFiguresProgress = (strapi: Core.Strapi) => {
  let last = '';
  return ({ phase, done, total }: KeptProgress) => {
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (`${phase}:${tenth}` === last) return;
    last = `${phase}:${tenth}`;
    strapi.log.info(`governance: building kept figures, ${PHASE_NAMES[phase]} ${tenth * 10}%`);
  };
};

/** The plugin store key marking that the kept figures were built (and for which time zone). */
const BUILT_KEY = 'kept-figures';

/**
 * The cells' layout: raised when a version keeps a figure the cells built before it lack (2: the
 * column cells count every published article too), so start-up builds them again.
 */
const LAYOUT = 2;
/** The article blocks (figures/documents.ts) came after layout 2: built alone when missing. */
const BLOCKS_LAYOUT = 1;

const emptyReport = (repaired: boolean): KeptReport => ({
  repaired,
  articles: 0,
  messages: 0,
  cells: 0,
  samples: [],
  stopped: false,
});

/**
 * Rebuilds the kept figures from the archive, or checks them against it (ARCHITECTURE.md,
 * Scale). Three steps, each in short transactions by id or by site and month: each published
 * article and each message compared with its entry (what it added to the figures), then the
 * entries no longer matching an article or a message, then every cell recounted from the
 * entries. A rebuild repairs what differs as it goes; a check only reports it.
 */
const keptFigures = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;
  const store = () => strapi.store({ type: 'plugin', name: 'governance', key: BUILT_KEY });

  /**
   * The span of ids of `table`, for progress: two look-ups at the ends of its key (min and max in
   * one statement would make SQLite read the whole table).
   */
  const idSpan = async (table: string) => {
    const end = async (order: 'asc' | 'desc') =>
      (
        (await strapi.db.connection(table).select('id').orderBy('id', order).first()) as
          { id: number } | undefined
      )?.id;
    const [first, last] = [await end('asc'), await end('desc')];
    return first === undefined || last === undefined
      ? { first: 0, size: 0 }
      : { first: Number(first), size: Number(last) - Number(first) + 1 };
  };

  /**
   * Runs `batch` until it answers that nothing is left, in transactions of `sliceMs` each with a
   * turn of the event loop between them; `afterSlice` hears whether it finished. Answers whether
   * `signal` stopped it first.
   */
  const inSlices = async (
    batch: (trx: Knex.Transaction) => Promise<boolean>,
    afterSlice: (finished: boolean) => void,
    { signal, sliceMs = SLICE_MS }: KeptOptions
  ) => {
    for (;;) {
      if (signal?.aborted) return true;
      const started = Date.now();
      let finished = false;
      await strapi.db.transaction(async ({ trx }) => {
        while (!finished && Date.now() - started < sliceMs) finished = await batch(trx);
      });
      afterSlice(finished);
      if (finished) return false;
      await yieldToEventLoop();
    }
  };

  /**
   * Runs `work` per batch of ids of `table` (with `where`), each in one transaction; `progress`
   * gets the id of the last row read.
   */
  const byIds = async (
    table: string,
    idColumn: string,
    where: (query: Knex.QueryBuilder) => void,
    work: (keys: Array<string | number>, rowIds: number[]) => Promise<number>,
    progress: (done: number) => void,
    options: KeptOptions
  ) => {
    let cursor = 0;
    return inSlices(
      async (trx) => {
        const rows = (await trx(table)
          .select({ id: 'id', key: idColumn })
          .where('id', '>', cursor)
          .modify(where)
          .orderBy('id')
          .limit(BATCH)) as Array<{ id: number; key: string | number }>;
        if (rows.length === 0) return true;
        await work(
          rows.map((row) => row.key),
          rows.map((row) => Number(row.id))
        );
        cursor = rows.at(-1)!.id;
        return false;
      },
      () => progress(cursor),
      options
    );
  };

  /**
   * The entries whose source row is gone (an article or a message deleted by SQL), handed to
   * `step`. The entries' keys are walked in order, a range at a time, against the same range of
   * the source's keys: two index range scans, where a look-up of each entry's source by key read
   * a large index at random (hours at 10,000,000 articles on PostgreSQL). Only the keys without
   * a source row are left: the first step has settled every source row already.
   */
  const orphanedEntries = async (
    phase: KeptPhase,
    entries: { table: string; key: string },
    source: { table: string; key: string; where?: (query: Knex.QueryBuilder) => void },
    step: (keys: Array<string | number>) => Promise<number>,
    options: KeptOptions
  ) => {
    // Progress against the span of entry ids: a count would read the whole table.
    const { size } = await idSpan(entries.table);
    let cursor: string | number | undefined;
    let done = 0;
    return inSlices(
      async (trx) => {
        const keys = (
          (await trx(entries.table)
            .select({ key: entries.key })
            .modify(
              (query: Knex.QueryBuilder) =>
                cursor !== undefined && query.where(entries.key, '>', cursor)
            )
            .orderBy(entries.key)
            .limit(RANGE)) as Array<{ key: string | number }>
        ).map((row) => row.key);
        if (keys.length === 0) return true;
        const present = new Set(
          (
            (await trx(source.table)
              .distinct({ key: source.key })
              .whereBetween(source.key, [keys[0], keys.at(-1)!])
              .modify((query: Knex.QueryBuilder) => source.where?.(query))) as Array<{
              key: string | number;
            }>
          ).map((row) => String(row.key))
        );
        const gone = keys.filter((key) => !present.has(String(key)));
        if (gone.length > 0) await step(gone);
        cursor = keys.at(-1)!;
        done += keys.length;
        return false;
      },
      (finished) =>
        options.onProgress?.({ phase, done: finished ? size : Math.min(done, size), total: size }),
      options
    );
  };

  const run = async (repair: boolean, options: KeptOptions = {}) => {
    const { onProgress } = options;
    const dryRun = !repair;
    const report = emptyReport(repair);
    const { samples } = report;
    const note = (lines: string[]) => samples.push(...lines.slice(0, SAMPLES - samples.length));
    const article = dbNames(strapi, ARTICLE);
    const message = dbNames(strapi, CITIZEN_MESSAGE);
    const p = publicationTables(strapi);
    const m = messageTables(strapi);
    const publications = getService(strapi, 'publicationFigures');
    const messages = getService(strapi, 'messageFigures');
    // 1. Articles, then entries left by articles gone by other ways (deleted by SQL).
    const articleStep = async (ids: Array<string | number>, publishedRowIds?: number[]) => {
      let changed = await publications.refresh(ids as string[], {
        dryRun,
        entriesOnly: repair,
        publishedRowIds,
      });
      // Read again: a publication committed between the two reads is no difference.
      if (dryRun && changed.length > 0) changed = await publications.refresh(changed, { dryRun });
      report.articles += changed.length;
      note(changed.map((id) => `文章 ${id} 的计数登记与实际不符`));
      return changed.length;
    };
    // Progress by position in the span of ids of the table a phase reads (KeptProgress).
    const position = async (phase: KeptPhase, table: string) => {
      const { first, size } = await idSpan(table);
      return (cursor: number) =>
        onProgress?.({
          phase,
          done: Math.min(Math.max(cursor - first + 1, 0), size),
          total: size,
        });
    };
    report.stopped ||= await byIds(
      article.table,
      'document_id',
      (query) => query.whereNotNull('published_at'),
      // The rows read are the articles' published rows.
      (documentIds, rowIds) => articleStep(documentIds, rowIds),
      await position('articles', article.table),
      options
    );
    // The entries just written: the planner must not look them up as the empty table it saw.
    if (repair) await analyze([p.entry.table]);
    if (!report.stopped)
      report.stopped = await orphanedEntries(
        'articleEntries',
        { table: p.entry.table, key: p.entry.column('articleDocumentId') },
        {
          table: article.table,
          key: 'document_id',
          where: (query) => query.whereNotNull('published_at'),
        },
        (documentIds) => articleStep(documentIds),
        options
      );

    // 2. Messages, then their entries.
    const messageStep = async (ids: Array<string | number>) => {
      let changed = await messages.refresh(ids as number[], { dryRun, entriesOnly: repair });
      if (dryRun && changed.length > 0) changed = await messages.refresh(changed, { dryRun });
      report.messages += changed.length;
      note(changed.map((id) => `留言 ${id} 的计数登记与实际不符`));
      return changed.length;
    };
    if (!report.stopped)
      report.stopped = await byIds(
        message.table,
        'id',
        () => {},
        messageStep,
        await position('messages', message.table),
        options
      );
    if (repair) await analyze([m.entry.table]);
    if (!report.stopped)
      report.stopped = await orphanedEntries(
        'messageEntries',
        { table: m.entry.table, key: m.entry.column('messageId') },
        { table: message.table, key: 'id' },
        messageStep,
        options
      );

    // 3. Every cell against the entries, by site and month.
    if (!report.stopped) report.stopped = await cells(repair, report, note, options);
    // 4. The article documents, by block of ids.
    if (!report.stopped) report.stopped = await articleBlocks(repair, report, note, options);
    return report;
  };

  /** A raw query's rows: better-sqlite3 answers them, node-postgres a result holding them. */
  const rowsOf = <T>(result: T[] | { rows: T[] }) => (Array.isArray(result) ? result : result.rows);

  /**
   * The distinct months of a site in `table`, one index probe per month (a loose index scan on
   * an index beginning with site and month): `select distinct` read every entry of the site, and
   * PostgreSQL chose to read the whole table for it (1.7 s a site at 10,000,000 articles).
   */
  const distinctMonths = async (table: string, site: string, month: string, siteId: number) =>
    rowsOf<{ month: string | Date | null }>(
      await strapi.db.connection.raw(
        `with recursive months(month) as (
           select min(??) from ?? where ?? = ?
           union all
           select (select min(e.??) from ?? as e where e.?? = ? and e.?? > months.month)
           from months where months.month is not null
         )
         select month from months where month is not null`,
        [month, table, site, siteId, month, table, site, siteId, month]
      )
    );

  /** The months of a site that have entries or cells (the entries' and the month cells' indexes begin with site and month). */
  const monthsOf = async (
    siteId: number,
    tables: { entry: string; month: string; site: string; monthColumn: string }
  ) => {
    const [entered, kept] = await Promise.all([
      distinctMonths(tables.entry, tables.site, tables.monthColumn, siteId),
      distinctMonths(tables.month, tables.site, tables.monthColumn, siteId),
    ]);
    return [...new Set([...entered, ...kept].map((row) => dayOf(row.month!)))].sort();
  };

  /** Every site: the sites table's, and any the cells still name (a site deleted since). */
  const siteIdsOf = async (...cellTables: Array<{ table: string; site: string }>) => {
    const db = strapi.db.connection;
    const site = dbNames(strapi, SITE);
    const rows = (await Promise.all([
      db(site.table).select({ id: 'id' }),
      ...cellTables.map(({ table, site: column }) => db(table).distinct({ id: column })),
    ])) as Array<Array<{ id: number }>>;
    return [...new Set(rows.flat().map((row) => Number(row.id)))].sort((a, b) => a - b);
  };

  const cells = async (
    repair: boolean,
    report: KeptReport,
    note: (lines: string[]) => void,
    { signal, onProgress, sliceMs = SLICE_MS }: KeptOptions
  ) => {
    const recount = cellRecount(strapi);
    const p = publicationTables(strapi);
    const m = messageTables(strapi);
    const found = (differences: CellDifference[]) => {
      report.cells += differences.length;
      note(
        differences.map((d) => `${d.table} ${d.key}：保存的 ${d.kept}，重新统计为 ${d.recounted}`)
      );
    };
    const phases = [
      {
        phase: 'publicationCells' as const,
        siteIds: await siteIdsOf(
          { table: p.month.table, site: p.month.column('siteId') },
          { table: p.column.table, site: p.column.column('siteId') }
        ),
        tables: {
          entry: p.entry.table,
          month: p.month.table,
          site: p.entry.column('siteId'),
          monthColumn: p.entry.column('month'),
        },
        month: recount.publicationMonth,
        perSite: recount.publicationColumns,
      },
      {
        phase: 'messageCells' as const,
        siteIds: await siteIdsOf({ table: m.month.table, site: m.month.column('siteId') }),
        tables: {
          entry: m.entry.table,
          month: m.month.table,
          site: m.entry.column('siteId'),
          monthColumn: m.entry.column('month'),
        },
        month: recount.messageMonth,
        perSite: null,
      },
    ];
    for (const { phase, siteIds, tables, month, perSite } of phases) {
      const total = siteIds.length;
      for (const [index, siteId] of siteIds.entries()) {
        const months = await monthsOf(siteId, tables);
        for (let i = 0; i < months.length;) {
          if (signal?.aborted) return true;
          const started = Date.now();
          await strapi.db.transaction(async ({ trx }) => {
            if (repair) await getService(strapi, 'articleCounting').lock();
            while (i < months.length && Date.now() - started < sliceMs) {
              found(await month(trx, siteId, months[i], repair));
              i += 1;
            }
          });
          await yieldToEventLoop();
        }
        if (perSite)
          await strapi.db.transaction(async ({ trx }) => {
            if (repair) await getService(strapi, 'articleCounting').lock();
            found(await perSite(trx, siteId, repair));
          });
        onProgress?.({ phase, done: index + 1, total });
      }
    }
    return false;
  };

  /** Each block of article ids: its kept drafts against a recount (figures/documents.ts). */
  const articleBlocks = async (
    repair: boolean,
    report: KeptReport,
    note: (lines: string[]) => void,
    { signal, onProgress, sliceMs = SLICE_MS }: KeptOptions
  ) => {
    const documents = getService(strapi, 'documentFigures');
    const blocks = await documents.blocks();
    for (let i = 0; i < blocks.length;) {
      if (signal?.aborted) return true;
      const started = Date.now();
      await strapi.db.transaction(async ({ trx }) => {
        while (i < blocks.length && Date.now() - started < sliceMs) {
          let difference = await documents.recountBlock(trx, blocks[i], repair);
          // Read again: a draft committed between the two reads is no difference.
          if (difference && !repair)
            difference = await documents.recountBlock(trx, blocks[i], false);
          if (difference) {
            report.cells += 1;
            note([
              `文章总数 编号段 ${difference.block}：保存的 ${difference.kept}，重新统计为 ${difference.recounted}`,
            ]);
          }
          i += 1;
        }
      });
      onProgress?.({ phase: 'articleBlocks', done: i, total: blocks.length });
      await yieldToEventLoop();
    }
    return false;
  };

  /**
   * PostgreSQL: the planner's statistics of `tables`, taken now. After an import by SQL they are
   * those of the tables before it, and after a rebuild's first step those of entries it has just
   * written to an empty table: a batch's look-up of 200 rows by document id then reads the whole
   * table (seconds a batch at 1,000,000 articles, against milliseconds). A sample, seconds at
   * that size.
   */
  const analyze = async (tables: string[]) => {
    if (strapi.db.dialect.client !== 'postgres') return;
    for (const table of tables) await strapi.db.connection.raw('analyze ??', [table]);
  };

  /** Before a rebuild: every table it reads. */
  const analyzeArchive = () => {
    const article = dbNames(strapi, ARTICLE);
    const message = dbNames(strapi, CITIZEN_MESSAGE);
    return analyze([
      article.table,
      article.joinTable('site').table,
      message.table,
      message.joinTable('site').table,
      publicationTables(strapi).entry.table,
      messageTables(strapi).entry.table,
    ]);
  };

  const markBuilt = () =>
    store().set({
      value: {
        timezone: config().timezone,
        layout: LAYOUT,
        blocks: BLOCKS_LAYOUT,
        builtAt: new Date().toISOString(),
      },
    });

  const service = {
    /** Recomputes every kept figure from the archive (`npm run stats:rebuild`). */
    async rebuild(options: KeptOptions = {}) {
      await analyzeArchive();
      const report = await run(true, options);
      await getService(strapi, 'figureReadings').changed();
      if (!report.stopped) await markBuilt();
      return report;
    },

    /** Compares every kept figure with a recount from the archive, changing nothing. */
    check: (options: KeptOptions = {}) => run(false, options),

    /**
     * At start-up: the figures are built once from what is already stored (an upgrade, the demo
     * loader, a restored backup that predates them), and again when the group's time zone
     * changed (every local day moves) or the cells' layout did. Before the server answers anyone.
     */
    async buildIfNeeded(onProgress?: (progress: KeptProgress) => void) {
      const built = (await store().get({})) as {
        timezone?: string;
        layout?: number;
        blocks?: number;
      } | null;
      if (built?.timezone !== config().timezone || built.layout !== LAYOUT)
        return service.rebuild({ onProgress, sliceMs: OFFLINE_SLICE_MS });
      if (built.blocks === BLOCKS_LAYOUT) return null;
      const report = emptyReport(true);
      await articleBlocks(true, report, () => {}, { onProgress, sliceMs: OFFLINE_SLICE_MS });
      await markBuilt();
      return report;
    },

    /** The nightly check (and `npm run stats:check`): one instance of several runs it. */
    runCheck({
      onProgress,
      stop,
    }: Pick<KeptOptions, 'onProgress'> & { stop?: AbortSignal } = {}): Promise<
      LeaseRun & { report?: KeptReport }
    > {
      let report: KeptReport | undefined;
      return runWithLease(strapi, KEPT_FIGURES_CHECK_JOB, HOLD_MS, async (lease) => {
        const signal = stop ? AbortSignal.any([lease, stop]) : lease;
        report = await service.check({ signal, onProgress });
        const total = report.articles + report.messages + report.cells;
        if (total > 0)
          strapi.log.error(
            `governance: kept figures differ from the archive (${report.articles} articles, ${report.messages} messages, ${report.cells} cells); run npm run stats:rebuild. ${report.samples.slice(0, 5).join('; ')}`
          );
        return `${total} differences (${report.articles} articles, ${report.messages} messages, ${report.cells} cells)${report.stopped ? ' (stopped)' : ''}`;
      }).then((leaseRun) => ({ ...leaseRun, report }));
    },
  };
  return service;
};

export default keptFigures;
