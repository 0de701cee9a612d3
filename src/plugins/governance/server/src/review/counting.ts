import type { Core } from '@strapi/strapi';
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

  /**
   * Published articles of the group that `row` (with hash `hash`) copies: first published in the
   * window before `before` (and before it), found by the bands' indexes, confirmed by distance;
   * the earliest first.
   */
  const originalsOf = async (row: ContentRow, hash: string, before: Date) => {
    const bands = bandsOf(hash);
    const from = new Date(before.getTime() - config().duplicateWindowDays * DAY_MS);
    const candidates = (await query().findMany({
      where: {
        publishedAt: { $notNull: true },
        documentId: { $ne: row.documentId },
        firstPublishedAt: { $gte: from, $lte: before },
        $or: bands.map((band, i) => ({ [`simBand${i}`]: band })),
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
          // Published at the same moment: the lower document id is the original.
          (time(candidate.firstPublishedAt) < before.getTime() ||
            candidate.documentId < row.documentId) &&
          // An adoption and its source, or two adoptions of one source, are no copies.
          candidate.documentId !== source &&
          candidate.sourceArticleDocumentId !== row.documentId &&
          // An adopted copy is the adopting site's own work: a copy only of its own articles.
          (!source || candidate.site?.documentId === row.site?.documentId)
      )
      .map((candidate) => ({
        candidate,
        distance: hammingDistance(hash, candidate.simhash),
      }))
      .filter(({ distance }) => distance <= DUPLICATE_DISTANCE);
  };

  return {
    /**
     * Judges the published version of an article and keeps the verdict (and its hash) on every
     * row of the document, so a republication keeps it until it is judged again. Call inside the
     * publishing write's transaction.
     */
    async judge(documentId: string) {
      const published = (await query().findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        select: ['documentId', 'title', 'body', 'firstPublishedAt', 'sourceArticleDocumentId'],
        populate: { site: { select: ['documentId'] } },
      })) as (ContentRow & { firstPublishedAt: string | null }) | null;
      if (!published) return null;
      const hash = simhash(textOf(published));
      const bands = hash ? bandsOf(hash) : [null, null, null, null];
      const trivial = trivialOf(published);
      let verdict: {
        countExclusion: string | null;
        duplicateOf: string | null;
        distance: number | null;
      } = { countExclusion: null, duplicateOf: null, distance: null };
      if (trivial.title || trivial.body) verdict = { ...verdict, countExclusion: 'trivial' };
      else if (hash) {
        const at = published.firstPublishedAt ? new Date(published.firstPublishedAt) : new Date();
        const [original] = await originalsOf(published, hash, at);
        if (original)
          verdict = {
            countExclusion: 'duplicate',
            duplicateOf: original.candidate.documentId,
            distance: original.distance,
          };
      }
      await query().updateMany({
        where: { documentId },
        data: {
          simhash: hash,
          ...Object.fromEntries(bands.map((band, i) => [`simBand${i}`, band])),
          countExclusion: verdict.countExclusion,
          duplicateOf: verdict.duplicateOf,
          duplicateDistance: verdict.distance,
        },
      });
      return verdict;
    },

    /**
     * Judges again the articles judged copies of `documentId` (after it went offline or was
     * deleted): a copy of nothing online counts, or is a copy of another original.
     */
    async rejudgeCopiesOf(documentId: string) {
      const copies = (await query().findMany({
        where: { duplicateOf: documentId, publishedAt: { $notNull: true } },
        select: ['documentId'],
        limit: CANDIDATE_LIMIT,
      })) as Array<{ documentId: string }>;
      for (const copy of copies) await this.judge(copy.documentId);
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
