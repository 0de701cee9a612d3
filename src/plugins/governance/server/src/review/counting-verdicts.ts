import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import type { GovernanceConfig } from '../config';
import { blocksToLines } from './sensitive-words';
import {
  adoptionNearItsSource,
  CANDIDATE_PAGE,
  scanNearCopies,
  sitesByDocument,
  time,
} from './counting-candidates';
import { wordingLength } from './simhash';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Candidates read per lookup during a request; past it the verdict is left to the backfill job. */
export const MAX_ROWS_INLINE = 4 * CANDIDATE_PAGE;

/** What a judgement reads of a row to judge its text. */
export interface ContentRow {
  documentId: string;
  title: string | null;
  body: unknown;
  sourceArticleDocumentId?: string | null;
  site?: { documentId: string } | null;
  firstPublishedAt?: string | number | Date | null;
  textOnlineSince?: string | number | Date | null;
  textOnlineHash?: string | null;
}

/** What a judgement reads of a published row besides its text. */
export interface JudgedRow {
  documentId: string;
  sourceArticleDocumentId?: string | null;
  site?: { documentId: string } | null;
  firstPublishedAt: string | number | Date | null;
}

export interface Verdict {
  countExclusion: string | null;
  duplicateOf: string | null;
  distance: number | null;
}

export const COUNTED: Verdict = { countExclusion: null, duplicateOf: null, distance: null };

/**
 * The rules a verdict follows (counting.ts keeps it): whether an article is trivial, whether it
 * is judged at all (`judgeFrom`), which published articles it copies and which may copy it.
 */
export const verdictRules = (strapi: Core.Strapi) => {
  const config = () => (strapi.config.get('plugin::governance') as GovernanceConfig).articles;
  const window = () => config().duplicateWindowDays * DAY_MS;

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

  /** The first day whose first publications are judged (config `articles.judgeFrom`, settled at start by counting-upgrade.ts). */
  const judgeFrom = () => {
    const zone = (strapi.config.get('plugin::governance') as GovernanceConfig).timezone;
    const from = config().judgeFrom;
    return (
      from ? DateTime.fromISO(from, { zone }) : DateTime.now().setZone(zone).startOf('day')
    ).toJSDate();
  };

  const nearItsSource = (row: JudgedRow, hash: string) => adoptionNearItsSource(strapi, row, hash);
  const sitesOf = (documentIds: string[]) => sitesByDocument(strapi, documentIds);

  /**
   * Published articles of the group that `row` (hash `hash`, its text online since `since`)
   * copies: their text online in the window before (the lower document id first at the same
   * moment); the earliest first. An exempt adoption copies only its own site's articles.
   */
  const originalsOf = async (
    row: JudgedRow,
    hash: string,
    since: Date,
    { want = 1, maxRows = Infinity }: { want?: number; maxRows?: number } = {}
  ) => {
    const exempt = await nearItsSource(row, hash);
    const siteId = row.site?.documentId ?? null;
    return scanNearCopies(strapi, row, hash, {
      from: new Date(since.getTime() - window()),
      to: since,
      want,
      maxRows,
      accept: async (candidate) =>
        (time(candidate.textOnlineSince) < since.getTime() ||
          candidate.documentId < row.documentId) &&
        (!exempt ||
          (await sitesOf([candidate.documentId])).get(candidate.documentId)?.documentId === siteId),
    });
  };

  /**
   * The counted articles that `row` (its text online since `since`) may make copies: their text
   * online after its own, within the window, first published from `judgeFrom`. Adoptions among
   * them are judged again too: whether they are exempt is theirs to tell. The backfill asks only
   * for those already judged: it reaches the others in its own pass.
   */
  const laterCopiesOf = async (
    row: JudgedRow,
    hash: string,
    since: Date,
    { onlyJudged, maxRows }: { onlyJudged: boolean; maxRows: number }
  ) =>
    scanNearCopies(strapi, row, hash, {
      from: since,
      to: new Date(since.getTime() + window()),
      maxRows,
      where: {
        countExclusion: { $null: true },
        firstPublishedAt: { $gte: judgeFrom() },
        ...(onlyJudged ? { countJudgedAt: { $notNull: true } } : {}),
      },
      accept: (candidate) =>
        time(candidate.textOnlineSince) > since.getTime() || candidate.documentId > row.documentId,
    });

  /**
   * The duplicate verdict of a row whose text (hash `hash`) has been online since `since`;
   * `complete` false when the lookup was cut short.
   */
  const duplicateVerdict = async (
    row: JudgedRow,
    hash: string | null,
    since: Date,
    maxRows: number
  ) => {
    if (!hash) return { verdict: COUNTED, complete: true };
    const { found, complete } = await originalsOf(row, hash, since, { maxRows });
    const [original] = found;
    return {
      verdict: original
        ? {
            countExclusion: 'duplicate',
            duplicateOf: original.documentId,
            distance: original.distance,
          }
        : COUNTED,
      complete,
    };
  };

  /** Before `judgeFrom` an article counts as its year was ranked: hashed, never excluded. */
  const judged = (row: JudgedRow) =>
    (row.firstPublishedAt ? new Date(row.firstPublishedAt) : new Date()) >= judgeFrom();

  return { trivialOf, judged, originalsOf, laterCopiesOf, duplicateVerdict, sitesOf };
};
