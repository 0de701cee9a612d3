import type { Core } from '@strapi/strapi';
import type { CountFlags } from '../../../shared/contracts/review';
import { textOf, textSinceOf } from './counting-candidates';
import {
  COUNTED,
  MAX_ROWS_INLINE,
  verdictRules,
  type ContentRow,
  type JudgedRow,
} from './counting-verdicts';
import { bandsOf, simhash } from './simhash';
import { EXCLUDED_LIMIT, excludedArticles } from './counting-excluded';
import { getService } from '../utils/get-service';
import { ARTICLE } from './store';

/**
 * Neighbours (later copies, copies of a former text) judged again within the writing
 * transaction: a handful, from their stored hashes. The rest lose `countJudgedAt`, and the
 * backfill job judges them again at night, so a reprinted notice keeps a publication short.
 */
export const REJUDGE_INLINE = 10;
/**
 * The PostgreSQL advisory lock every judgement of the group takes, for its transaction: two
 * publications at once would each miss the other's uncommitted row and both count.
 */
const JUDGEMENT_LOCK = 0x676f7643;

/**
 * Whether an article counts in the ranking: trivial and duplicate articles do not.
 * Judged when an article is published, from the content that went online, and kept on its rows
 * (`countExclusion`, `duplicateOf`): the ranking then counts with one grouped query.
 *
 * - Trivial: fewer letters and digits than configured in the title or in the body's plain text.
 * - Duplicate: its similarity hash (simhash.ts) is within 3 bits of an article of any site of the
 *   group whose text went online before its own (`textOnlineSince`, counting-candidates.ts),
 *   within the configured window; the earliest such is its original. A republication keeps its
 *   first publication's year but not its claim: a rewritten text is dated from its rewrite.
 *   An adopted copy (信息报送 采用) is the adopting site's work while it stays near its source: it
 *   is compared only with that site's own articles (two adoptions of one source there count
 *   once), and no article is a copy of its own adoption. Rewritten away from its source, it is
 *   compared like any article.
 */
export const articleCounting = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(ARTICLE);
  const { trivialOf, judged, originalsOf, laterCopiesOf, duplicateVerdict, sitesOf } =
    verdictRules(strapi);

  /** Keeps a verdict on every row of the document, and the kept figures with it (figures/). */
  const keepVerdict = async (documentId: string, data: Record<string, unknown>) => {
    await query().updateMany({ where: { documentId }, data });
    await getService(strapi, 'publicationFigures').refresh([documentId]);
  };

  /** Sends articles to the backfill job: judged again at night. */
  const leaveToBackfill = async (documentIds: string[]) => {
    if (documentIds.length > 0)
      await query().updateMany({
        where: { documentId: { $in: documentIds } },
        data: { countJudgedAt: null },
      });
  };

  const service = {
    /**
     * Holds every other judgement of the group until this transaction ends (PostgreSQL; SQLite
     * runs one transaction at a time). Taken first by a transaction that puts articles online or
     * offline, before it holds any row, so that no two such transactions wait on each other.
     * Outside a transaction the lock would be taken and released at once: refused.
     */
    async lock() {
      if (!strapi.db.inTransaction())
        throw new Error('articleCounting: judgements run inside the writing transaction');
      if (strapi.db.dialect.client !== 'postgres') return;
      await strapi.db.transaction(({ trx }) =>
        trx.raw('select pg_advisory_xact_lock(?)', [JUDGEMENT_LOCK])
      );
    },

    /**
     * Judges the published version of an article and keeps the verdict (its hash, and since when
     * its text is online) on every row of the document, so a republication keeps it until it is
     * judged again. Then, unless `neighbours` is false, the articles whose verdict it changes: the
     * counted near-copies whose text went online after its own (it is their original now), and,
     * when its text changed, those judged copies of its former text; a few here, the rest by the
     * backfill job. `backfill`: the job's own call (no bound on the lookup; only judged later
     * copies). Call inside the publishing write's transaction.
     */
    async judge(
      documentId: string,
      { neighbours = true, backfill = false }: { neighbours?: boolean; backfill?: boolean } = {}
    ) {
      await service.lock();
      const maxRows = backfill ? Infinity : MAX_ROWS_INLINE;
      const published = (await query().findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        select: [
          'documentId',
          'title',
          'body',
          'firstPublishedAt',
          'sourceArticleDocumentId',
          'simhash',
          'textOnlineSince',
          'textOnlineHash',
        ],
        populate: { site: { select: ['documentId'] } },
      })) as (ContentRow & JudgedRow & { simhash: string | null }) | null;
      if (!published) return null;
      const hash = simhash(textOf(published));
      const bands = hash ? bandsOf(hash) : [null, null, null, null];
      const { since, anchor } = textSinceOf(published, hash, new Date());
      let verdict = COUNTED;
      let complete = true;
      if (judged(published)) {
        const trivial = trivialOf(published);
        if (trivial.title || trivial.body) verdict = { ...COUNTED, countExclusion: 'trivial' };
        else ({ verdict, complete } = await duplicateVerdict(published, hash, since, maxRows));
      }
      await keepVerdict(documentId, {
        simhash: hash,
        ...Object.fromEntries(bands.map((band, i) => [`simBand${i}`, band])),
        textOnlineSince: since,
        textOnlineHash: anchor,
        countExclusion: verdict.countExclusion,
        duplicateOf: verdict.duplicateOf,
        duplicateDistance: verdict.distance,
        countJudgedAt: complete ? new Date() : null,
      });
      if (neighbours) {
        if (published.simhash && published.simhash !== hash)
          await service.rejudgeCopiesOf(documentId);
        if (hash) {
          const later = await laterCopiesOf(published, hash, since, {
            onlyJudged: backfill,
            maxRows,
          });
          const ids = later.found.map((candidate) => candidate.documentId);
          for (const id of ids.slice(0, REJUDGE_INLINE)) await service.rejudge(id);
          await leaveToBackfill(ids.slice(REJUDGE_INLINE));
          // Later copies past the bound: the job judges this article again, without one.
          if (!later.complete) await leaveToBackfill([documentId]);
        }
      }
      return verdict;
    },

    /**
     * Judges a neighbour again from what its own judgement kept (its hash and since when its text
     * is online): its text did not change, only what is online around it. Trivial stays trivial.
     */
    async rejudge(documentId: string) {
      const row = (await query().findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        select: [
          'documentId',
          'firstPublishedAt',
          'sourceArticleDocumentId',
          'simhash',
          'textOnlineSince',
          'countExclusion',
        ],
        populate: { site: { select: ['documentId'] } },
      })) as
        | (JudgedRow & {
            simhash: string | null;
            textOnlineSince: string | null;
            countExclusion: string | null;
          })
        | null;
      if (!row) return null;
      if (!row.simhash || !row.textOnlineSince)
        return service.judge(documentId, { neighbours: false });
      if (row.countExclusion === 'trivial' || !judged(row)) return null;
      const { verdict, complete } = await duplicateVerdict(
        row,
        row.simhash,
        new Date(row.textOnlineSince),
        MAX_ROWS_INLINE
      );
      await keepVerdict(documentId, {
        countExclusion: verdict.countExclusion,
        duplicateOf: verdict.duplicateOf,
        duplicateDistance: verdict.distance,
        countJudgedAt: complete ? new Date() : null,
      });
      return verdict;
    },

    /**
     * Keeps the hash of an article's published text without judging it (the backfill's first
     * pass): later articles are compared with it before it is judged itself. Its text is dated
     * from its first publication.
     */
    async recordHash(row: ContentRow) {
      const hash = simhash(textOf(row));
      const bands = hash ? bandsOf(hash) : [null, null, null, null];
      const { since, anchor } = textSinceOf(row, hash, new Date());
      await query().updateMany({
        where: { documentId: row.documentId },
        data: {
          simhash: hash,
          ...Object.fromEntries(bands.map((band, i) => [`simBand${i}`, band])),
          textOnlineSince: since,
          textOnlineHash: anchor,
        },
      });
    },

    /**
     * Judges again the articles judged copies of `documentId` (after it went offline, was deleted
     * or changed its text): a copy of nothing online counts, or is a copy of another original.
     * All of them go to the backfill job first; the first few are judged again here.
     */
    async rejudgeCopiesOf(documentId: string) {
      await service.lock();
      await query().updateMany({
        where: { duplicateOf: documentId },
        data: { countJudgedAt: null },
      });
      const copies = (await query().findMany({
        where: { duplicateOf: documentId, publishedAt: { $notNull: true } },
        select: ['documentId'],
        orderBy: { id: 'asc' },
        limit: REJUDGE_INLINE,
      })) as Array<{ documentId: string }>;
      for (const copy of copies) await service.rejudge(copy.documentId);
    },

    /**
     * What the review shows of a draft: whether it is trivial, and what it copies, dated as its
     * publication would date it.
     */
    async flagsOf(draft: ContentRow): Promise<CountFlags> {
      const trivial = trivialOf(draft);
      const hash = simhash(textOf(draft));
      const { since } = textSinceOf(draft, hash, new Date());
      const row = { ...draft, firstPublishedAt: draft.firstPublishedAt ?? null };
      const copies = hash
        ? (await originalsOf(row, hash, since, { want: 5, maxRows: MAX_ROWS_INLINE })).found
        : [];
      const sites = await sitesOf(copies.map((copy) => copy.documentId));
      const titles = new Map(
        (
          (await query().findMany({
            where: {
              documentId: { $in: copies.map((copy) => copy.documentId) },
              publishedAt: { $notNull: true },
            },
            select: ['documentId', 'title', 'firstPublishedAt'],
          })) as Array<{ documentId: string; title: string; firstPublishedAt: string }>
        ).map((found) => [found.documentId, found])
      );
      return {
        trivial: trivial.title || trivial.body ? trivial : null,
        duplicates: copies.map(({ documentId, distance }) => ({
          documentId,
          title: titles.get(documentId)?.title ?? '',
          siteName: sites.get(documentId)?.name ?? null,
          firstPublishedAt: new Date(titles.get(documentId)?.firstPublishedAt ?? 0).toISOString(),
          distance,
        })),
      };
    },

    /** The articles not counted, for 发布排名's list and its export (counting-excluded.ts). */
    excluded: (start: Date, end: Date, siteDocumentId?: string, limit = EXCLUDED_LIMIT) =>
      excludedArticles(strapi, start, end, siteDocumentId, limit),
  };
  return service;
};

export default articleCounting;
