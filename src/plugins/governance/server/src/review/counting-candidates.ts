import type { Core } from '@strapi/strapi';
import { blocksToLines } from './sensitive-words';
import { bandsOf, DUPLICATE_DISTANCE, hammingDistance, simhash } from './simhash';
import { ARTICLE } from './store';

/**
 * Candidates read per query: four short columns, no relation. Texts made from one template can
 * fill a 16-bit band, so the lookup pages on rather than stopping at a fixed count.
 */
export const CANDIDATE_PAGE = 500;

/** A published article near a hash, as the band index finds it. */
export interface Candidate {
  documentId: string;
  simhash: string;
  textOnlineSince: string | number | Date;
  sourceArticleDocumentId: string | null;
  distance: number;
}

/** The article compared: its id, and its adoption's source when it is an adopted copy. */
export interface Subject {
  documentId: string;
  sourceArticleDocumentId?: string | null;
}

export interface ScanOptions {
  /** The range of `textOnlineSince` (when each candidate's current text went online). */
  from: Date;
  to: Date;
  /** More conditions on the candidates' rows. */
  where?: Record<string, unknown>;
  /** Whether a near candidate is one the caller wants (checked page by page). */
  accept?: (candidate: Candidate) => boolean | Promise<boolean>;
  /** Stop once this many are accepted. */
  want?: number;
  /** Stop once this many rows are read; the answer then says it is incomplete. */
  maxRows?: number;
}

export const time = (value: string | number | Date) => new Date(value).getTime();

/**
 * Published articles other than `subject` within 3 bits of `hash`, found by the bands' indexes
 * and confirmed by distance, the earliest text online first; an adoption and its source are no
 * copies of each other. `complete` is false when `maxRows` cut the scan short: the caller leaves
 * the verdict to the backfill job then.
 */
export const scanNearCopies = async (
  strapi: Core.Strapi,
  subject: Subject,
  hash: string,
  { from, to, where = {}, accept = () => true, want = Infinity, maxRows = Infinity }: ScanOptions
) => {
  const bands = bandsOf(hash);
  const source = subject.sourceArticleDocumentId ?? null;
  const found: Candidate[] = [];
  let read = 0;
  let after: { since: Date; documentId: string } | null = null;
  while (found.length < want) {
    if (read >= maxRows) return { found, complete: false };
    const page = (await strapi.db.query(ARTICLE).findMany({
      where: {
        publishedAt: { $notNull: true },
        documentId: { $ne: subject.documentId },
        textOnlineSince: { $gte: from, $lte: to },
        $or: bands.map((band, i) => ({ [`simBand${i}`]: band })),
        // Keyset paging on the order below.
        ...(after
          ? {
              $and: [
                {
                  $or: [
                    { textOnlineSince: { $gt: after.since } },
                    { textOnlineSince: after.since, documentId: { $gt: after.documentId } },
                  ],
                },
              ],
            }
          : {}),
        ...where,
      },
      select: ['documentId', 'simhash', 'textOnlineSince', 'sourceArticleDocumentId'],
      orderBy: [{ textOnlineSince: 'asc' }, { documentId: 'asc' }],
      limit: CANDIDATE_PAGE,
    })) as Array<Omit<Candidate, 'distance'>>;
    read += page.length;
    for (const row of page) {
      if (!row.simhash) continue;
      // An adoption and its source are no copies of each other.
      if (row.documentId === source || row.sourceArticleDocumentId === subject.documentId) continue;
      const distance = hammingDistance(hash, row.simhash);
      if (distance > DUPLICATE_DISTANCE) continue;
      const candidate = { ...row, distance };
      if (await accept(candidate)) found.push(candidate);
      if (found.length >= want) break;
    }
    if (page.length < CANDIDATE_PAGE) break;
    const last = page[page.length - 1];
    after = { since: new Date(last.textOnlineSince), documentId: last.documentId };
  }
  return { found, complete: true };
};

/**
 * Since when the article's current text has been online, and the hash that dates it: kept while
 * the text stays within 3 bits of the hash it had then; a text moved further is a new text and
 * dates from `now`. An article never dated (imported, or judged before the date was kept) dates
 * from its first publication. Comparing with the dating hash, not the last one, means a text
 * rewritten in small steps is still dated afresh once it is another text.
 */
export const textSinceOf = (
  row: {
    firstPublishedAt?: string | number | Date | null;
    textOnlineSince?: string | number | Date | null;
    textOnlineHash?: string | null;
  },
  hash: string | null,
  now: Date
): { since: Date; anchor: string | null } => {
  if (!row.textOnlineSince)
    return { since: row.firstPublishedAt ? new Date(row.firstPublishedAt) : now, anchor: hash };
  if (hash && row.textOnlineHash && hammingDistance(hash, row.textOnlineHash) <= DUPLICATE_DISTANCE)
    return { since: new Date(row.textOnlineSince), anchor: row.textOnlineHash };
  return { since: now, anchor: hash };
};

/** The article's text as the similarity hash reads it: its title, then its body's lines. */
export const textOf = (row: { title: string | null; body: unknown }) =>
  [row.title ?? '', ...blocksToLines(row.body)].join('\n');

/**
 * Whether an adoption is still a near-copy of its source: only then is it exempt (compared
 * with its own site's articles only). The source's kept hash, else its text's; a source gone
 * exempts nothing.
 */
export const adoptionNearItsSource = async (
  strapi: Core.Strapi,
  row: Subject,
  hash: string
): Promise<boolean> => {
  const source = row.sourceArticleDocumentId;
  if (!source) return false;
  const query = strapi.db.query(ARTICLE);
  const hashed = (await query.findOne({
    where: { documentId: source, simhash: { $notNull: true } },
    select: ['simhash'],
  })) as { simhash: string } | null;
  let sourceHash = hashed?.simhash ?? null;
  if (!sourceHash) {
    const text = (await query.findOne({
      where: { documentId: source },
      select: ['title', 'body'],
      orderBy: { publishedAt: 'desc' },
    })) as { title: string | null; body: unknown } | null;
    sourceHash = text ? simhash(textOf(text)) : null;
  }
  return sourceHash !== null && hammingDistance(hash, sourceHash) <= DUPLICATE_DISTANCE;
};

/** The sites of some published articles, by document id (one query). */
export const sitesByDocument = async (strapi: Core.Strapi, documentIds: string[]) =>
  new Map(
    documentIds.length === 0
      ? []
      : (
          (await strapi.db.query(ARTICLE).findMany({
            where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
            select: ['documentId'],
            populate: { site: { select: ['documentId', 'name'] } },
          })) as Array<{ documentId: string; site: { documentId: string; name: string } | null }>
        ).map((row) => [row.documentId, row.site])
  );
