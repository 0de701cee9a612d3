import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import type { CountFlags, ExcludedArticle } from '../../../shared/contracts/review';
import type { GovernanceConfig } from '../config';
import { blocksToLines } from './sensitive-words';
import { bandsOf, DUPLICATE_DISTANCE, hammingDistance, simhash, wordingLength } from './simhash';
import { ARTICLE } from './store';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Candidates read per lookup: those sharing a 16-bit band are few; a flood of copies is cut here. */
const CANDIDATE_LIMIT = 200;
/** Excluded articles listed per site and year (the panel's dialog and the export). */
export const EXCLUDED_LIMIT = 1000;
/**
 * Later counted near-copies judged again when an article goes (back) online: its copies are a
 * handful; a flood is cut here so that a publication stays short (the rest keep their verdict).
 */
const REJUDGE_LIMIT = 50;
/**
 * The PostgreSQL advisory lock every judgement of the group takes, for its transaction: two
 * publications at once would each miss the other's uncommitted row and both count.
 */
const JUDGEMENT_LOCK = 0x676f7643;

interface ContentRow {
  documentId: string;
  title: string | null;
  body: unknown;
  sourceArticleDocumentId?: string | null;
  site?: { documentId: string } | null;
}

interface Candidate {
  documentId: string;
  title: string;
  simhash: string;
  firstPublishedAt: string | number | Date;
  sourceArticleDocumentId: string | null;
  site: { documentId: string; name: string } | null;
}

/** The article's text as the similarity hash reads it: its title, then its body's lines. */
const textOf = (row: ContentRow) => [row.title ?? '', ...blocksToLines(row.body)].join('\n');

const time = (value: string | number | Date) => new Date(value).getTime();

/**
 * Whether an article counts in the ranking: trivial and duplicate articles do not.
 * Judged when an article is published, from the content that went online, and kept on its rows
 * (`countExclusion`, `duplicateOf`): the ranking then counts with one grouped query.
 *
 * - Trivial: fewer letters and digits than configured in the title or in the body's plain text.
 * - Duplicate: its similarity hash (simhash.ts) is within 3 bits of an article of any site of the
 *   group first published before it, within the configured window; the earliest such is its
 *   original. An adopted copy (信息报送 采用) is the adopting site's work: it is compared only
 *   with that site's own articles (two adoptions of one source there count once), and no
 *   article is a copy of its own adoption.
 */
export const articleCounting = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => (strapi.config.get('plugin::governance') as GovernanceConfig).articles;
  const query = () => strapi.db.query(ARTICLE);

  const trivialOf = (row: ContentRow) => {
    const { minTitleChars, minBodyChars } = config().trivial;
    const titleChars = wordingLength(row.title ?? '');
    const bodyChars = wordingLength(blocksToLines(row.body).join('\n'));
    return {
      title: titleChars < minTitleChars,
      body: bodyChars < minBodyChars,
      titleChars,
      bodyChars,
      minTitleChars,
      minBodyChars,
    };
  };

  /** The first day whose first publications are judged (config `articles.judgeFrom`). */
  const judgeFrom = () =>
    DateTime.fromISO(config().judgeFrom, {
      zone: (strapi.config.get('plugin::governance') as GovernanceConfig).timezone,
    }).toJSDate();

  /**
   * Published articles other than `row` near `hash` (found by the bands' indexes, confirmed by
   * distance), first published in [from, to], the earliest first; an adoption and its source are
   * no copies of each other.
   */
  const nearCopies = async (
    row: ContentRow,
    hash: string,
    from: Date,
    to: Date,
    extra: Record<string, unknown> = {}
  ) => {
    const bands = bandsOf(hash);
    const candidates = (await query().findMany({
      where: {
        publishedAt: { $notNull: true },
        documentId: { $ne: row.documentId },
        firstPublishedAt: { $gte: from, $lte: to },
        $or: bands.map((band, i) => ({ [`simBand${i}`]: band })),
        ...extra,
      },
      select: ['documentId', 'title', 'simhash', 'firstPublishedAt', 'sourceArticleDocumentId'],
      populate: { site: { select: ['documentId', 'name'] } },
      orderBy: [{ firstPublishedAt: 'asc' }, { documentId: 'asc' }],
      limit: CANDIDATE_LIMIT,
    })) as Candidate[];
    const source = row.sourceArticleDocumentId ?? null;
    return candidates
      .filter(
        (candidate) =>
          candidate.simhash &&
          // An adoption and its source, or two adoptions of one source, are no copies.
          candidate.documentId !== source &&
          candidate.sourceArticleDocumentId !== row.documentId
      )
      .map((candidate) => ({
        candidate,
        distance: hammingDistance(hash, candidate.simhash),
      }))
      .filter(({ distance }) => distance <= DUPLICATE_DISTANCE);
  };

  /**
   * Published articles of the group that `row` (with hash `hash`) copies: first published in the
   * window before `before` (and before it); the earliest first.
   */
  const originalsOf = async (row: ContentRow, hash: string, before: Date) => {
    const from = new Date(before.getTime() - config().duplicateWindowDays * DAY_MS);
    return (await nearCopies(row, hash, from, before)).filter(
      ({ candidate }) =>
        // Published at the same moment: the lower document id is the original.
        (time(candidate.firstPublishedAt) < before.getTime() ||
          candidate.documentId < row.documentId) &&
        // An adopted copy is the adopting site's own work: a copy only of its own articles.
        (!row.sourceArticleDocumentId || candidate.site?.documentId === row.site?.documentId)
    );
  };

  /**
   * The counted articles that `row`, first published at `at`, makes copies: first published
   * after it (from `judgeFrom`), within the window, near it.
   */
  const laterCopiesOf = async (row: ContentRow, hash: string, at: Date) => {
    const from = new Date(Math.max(at.getTime(), judgeFrom().getTime()));
    const to = new Date(at.getTime() + config().duplicateWindowDays * DAY_MS);
    if (from > to) return [];
    return (await nearCopies(row, hash, from, to, { countExclusion: { $null: true } })).filter(
      ({ candidate }) =>
        (time(candidate.firstPublishedAt) > at.getTime() ||
          candidate.documentId > row.documentId) &&
        (!candidate.sourceArticleDocumentId || candidate.site?.documentId === row.site?.documentId)
    );
  };

  return {
    /**
     * Holds every other judgement of the group until this transaction ends (PostgreSQL; SQLite
     * runs one transaction at a time). Taken first by a transaction that puts articles online or
     * offline, before it holds any row, so that no two such transactions wait on each other.
     */
    async lock() {
      if (strapi.db.dialect.client !== 'postgres') return;
      await strapi.db.transaction(({ trx }) =>
        trx.raw('select pg_advisory_xact_lock(?)', [JUDGEMENT_LOCK])
      );
    },

    /**
     * Judges the published version of an article and keeps the verdict (and its hash) on every
     * row of the document, so a republication keeps it until it is judged again. Then, unless
     * `neighbours` is false, the articles whose verdict it changes: the counted near-copies first
     * published after it (it is their original now), and, when its text changed, those judged
     * copies of its former text. Call inside the publishing write's transaction.
     */
    async judge(documentId: string, { neighbours = true }: { neighbours?: boolean } = {}) {
      await this.lock();
      const published = (await query().findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        select: [
          'documentId',
          'title',
          'body',
          'firstPublishedAt',
          'sourceArticleDocumentId',
          'simhash',
        ],
        populate: { site: { select: ['documentId'] } },
      })) as (ContentRow & { firstPublishedAt: string | null; simhash: string | null }) | null;
      if (!published) return null;
      const hash = simhash(textOf(published));
      const bands = hash ? bandsOf(hash) : [null, null, null, null];
      const at = published.firstPublishedAt ? new Date(published.firstPublishedAt) : new Date();
      let verdict: {
        countExclusion: string | null;
        duplicateOf: string | null;
        distance: number | null;
      } = { countExclusion: null, duplicateOf: null, distance: null };
      // Before `judgeFrom` an article counts as its year was ranked: hashed, never excluded.
      if (at >= judgeFrom()) {
        const trivial = trivialOf(published);
        if (trivial.title || trivial.body) verdict = { ...verdict, countExclusion: 'trivial' };
        else if (hash) {
          const [original] = await originalsOf(published, hash, at);
          if (original)
            verdict = {
              countExclusion: 'duplicate',
              duplicateOf: original.candidate.documentId,
              distance: original.distance,
            };
        }
      }
      await query().updateMany({
        where: { documentId },
        data: {
          simhash: hash,
          ...Object.fromEntries(bands.map((band, i) => [`simBand${i}`, band])),
          countExclusion: verdict.countExclusion,
          duplicateOf: verdict.duplicateOf,
          duplicateDistance: verdict.distance,
          countJudgedAt: new Date(),
        },
      });
      if (neighbours) {
        if (published.simhash && published.simhash !== hash) await this.rejudgeCopiesOf(documentId);
        const later = hash ? await laterCopiesOf(published, hash, at) : [];
        for (const { candidate } of later.slice(0, REJUDGE_LIMIT))
          await this.judge(candidate.documentId, { neighbours: false });
      }
      return verdict;
    },

    /**
     * Keeps the hash of an article's published text without judging it (the backfill's first
     * pass): later articles are compared with it before it is judged itself.
     */
    async recordHash(row: ContentRow) {
      const hash = simhash(textOf(row));
      const bands = hash ? bandsOf(hash) : [null, null, null, null];
      await query().updateMany({
        where: { documentId: row.documentId },
        data: {
          simhash: hash,
          ...Object.fromEntries(bands.map((band, i) => [`simBand${i}`, band])),
        },
      });
    },

    /**
     * Judges again the articles judged copies of `documentId` (after it went offline, was deleted
     * or changed its text): a copy of nothing online counts, or is a copy of another original.
     */
    async rejudgeCopiesOf(documentId: string) {
      await this.lock();
      const copies = (await query().findMany({
        where: { duplicateOf: documentId, publishedAt: { $notNull: true } },
        select: ['documentId'],
        limit: CANDIDATE_LIMIT,
      })) as Array<{ documentId: string }>;
      for (const copy of copies) await this.judge(copy.documentId, { neighbours: false });
    },

    /** What the review shows of a draft: whether it is trivial, and what it copies. */
    async flagsOf(draft: ContentRow): Promise<CountFlags> {
      const trivial = trivialOf(draft);
      const hash = simhash(textOf(draft));
      const copies = hash ? await originalsOf(draft, hash, new Date()) : [];
      return {
        trivial: trivial.title || trivial.body ? trivial : null,
        duplicates: copies.slice(0, 5).map(({ candidate, distance }) => ({
          documentId: candidate.documentId,
          title: candidate.title,
          siteName: candidate.site?.name ?? null,
          firstPublishedAt: new Date(candidate.firstPublishedAt).toISOString(),
          distance,
        })),
      };
    },

    /**
     * The articles of a site (or of every site) first published in [start, end) and online, that
     * do not count: for 发布排名's list and its export. One query, bounded.
     */
    async excluded(
      start: Date,
      end: Date,
      siteDocumentId?: string,
      limit = EXCLUDED_LIMIT
    ): Promise<ExcludedArticle[]> {
      const rows = (await query().findMany({
        where: {
          publishedAt: { $notNull: true },
          countExclusion: { $notNull: true },
          firstPublishedAt: { $gte: start, $lt: end },
          ...(siteDocumentId ? { site: { documentId: siteDocumentId } } : {}),
        },
        select: [
          'documentId',
          'title',
          'firstPublishedAt',
          'countExclusion',
          'duplicateOf',
          'duplicateDistance',
        ],
        populate: { site: { select: ['documentId', 'name', 'code'] } },
        orderBy: [{ firstPublishedAt: 'asc' }, { documentId: 'asc' }],
        limit,
      })) as Array<{
        documentId: string;
        title: string;
        firstPublishedAt: string;
        countExclusion: 'trivial' | 'duplicate';
        duplicateOf: string | null;
        duplicateDistance: number | null;
        site: { documentId: string; name: string; code: string } | null;
      }>;
      const originalIds = [...new Set(rows.map((row) => row.duplicateOf).filter(Boolean))];
      const originals = new Map(
        (
          (await query().findMany({
            where: { documentId: { $in: originalIds }, publishedAt: { $notNull: true } },
            select: ['documentId', 'title'],
            populate: { site: { select: ['name'] } },
          })) as Array<{ documentId: string; title: string; site: { name: string } | null }>
        ).map((row) => [row.documentId, row])
      );
      return rows.map((row) => {
        const original = row.duplicateOf ? originals.get(row.duplicateOf) : undefined;
        return {
          documentId: row.documentId,
          title: row.title,
          site: row.site ? { documentId: row.site.documentId, name: row.site.name } : null,
          firstPublishedAt: new Date(row.firstPublishedAt).toISOString(),
          reason: row.countExclusion,
          duplicateOf: row.duplicateOf
            ? {
                documentId: row.duplicateOf,
                title: original?.title ?? null,
                siteName: original?.site?.name ?? null,
                distance: row.duplicateDistance ?? null,
              }
            : null,
        };
      });
    },
  };
};

export default articleCounting;
