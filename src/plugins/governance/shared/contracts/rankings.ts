/**
 * GET /governance/rankings and the routes around it: shared by the server's rankings service
 * and the admin's 发布排名 panel and annual notice.
 */
import type { SiteLevel } from './overview';

export interface RankedSite {
  documentId: string;
  code: string;
  name: string;
  level: SiteLevel;
  /** A county's city, by name (the notice's table lists counties under their city). */
  parentName: string | null;
  /** False for a site closed since: it keeps its place for the years it published. */
  active: boolean;
}

/** The figures counted for a site, a level or the group in one year. */
export interface RankingFigures {
  /**
   * Articles first published in the year (local time), still published now, that count: not
   * judged trivial or a copy of an earlier article on publication. The rank is by this figure.
   */
  articles: number;
  /**
   * Every article first published in the year and still published, counted or not (the raw
   * count); `rawArticles - articles` are listed by GET /governance/rankings/excluded. Absent
   * from rankings frozen before it existed (their `articles` was the raw count).
   */
  rawArticles: number;
  /** Of them, special-topic (专题) articles. */
  specialTopics: number;
  /** Citizen messages received in the year. */
  messages: number;
  /** Of them, messages replied to. */
  replies: number;
  /** Visits counted by the beacon in the year; a flagged day (visit anomaly) counts its threshold. */
  visits: number;
  /** Articles the site submitted upward (信息报送) in the year, not withdrawn. */
  submitted: number;
  /** Of them, adopted by the receiving site. */
  adopted: number;
}

/** The names of the figures, for code that treats them alike (sums, comparisons). */
export const RANKING_FIGURES = [
  'articles',
  'specialTopics',
  'messages',
  'replies',
  'visits',
  'submitted',
  'adopted',
] as const satisfies ReadonlyArray<keyof RankingFigures>;

export interface RankingRow extends RankingFigures {
  site: RankedSite;
  /** Dense rank by articles within the level: 336, 336, 335 → 18, 18, 19. */
  rank: number;
  /** The same site in the year before, or null when it was not listed then. */
  previous: { articles: number; rank: number } | null;
  /** Visits recorded in the year, flagged days in full (absent in snapshots frozen before the check). */
  rawVisits?: number;
  /** Days of the year whose visits were flagged as far above the site's own pattern. */
  flaggedVisitDays?: number;
}

/**
 * What the anomaly check found on a day: `spike` (单日激增), one day far above the site's
 * baseline; `ramp` (持续异常增长), a day of a sustained rise far above it.
 */
export const VISIT_ANOMALY_KINDS = ['spike', 'ramp'] as const;
export type VisitAnomalyKind = (typeof VISIT_ANOMALY_KINDS)[number];

/** A site's day whose visits were far above its own pattern: counted at the threshold only. */
export interface VisitAnomaly {
  site: RankedSite;
  /** The local date, YYYY-MM-DD. */
  day: string;
  /** Visits recorded that day. */
  visits: number;
  /** What the ranking counts for it. */
  counted: number;
  /** The site's baseline the threshold was made from (the median of its days some weeks before). */
  median: number;
  /** Absent in snapshots frozen before ramps were told apart: a spike. */
  kind?: VisitAnomalyKind;
}

export interface RankingTotals extends RankingFigures {
  sites: number;
}

export interface RankingGroup {
  level: SiteLevel;
  totals: RankingTotals;
  /** The level's totals the year before. */
  previousTotals: RankingTotals;
  /** In rank order; ties by sortOrder, then code; sites with no article last. */
  rows: RankingRow[];
}

export interface Ranking {
  year: number;
  timezone: string;
  groupName: string;
  /** Days of the year counted for the daily average: the whole year, or up to today. */
  days: number;
  totals: RankingTotals;
  previousTotals: RankingTotals;
  /** Portal, city, department, county: the order of the notice's table. */
  groups: RankingGroup[];
  /** The most visited city and county sites, most visited first (the notice names six). */
  topVisited: Array<{ site: RankedSite; visits: number }>;
  /** The year's flagged visit days, oldest first (absent in snapshots frozen before the check). */
  visitAnomalies?: VisitAnomaly[];
  /** When the ranking was computed (live) or frozen (snapshot), ISO 8601. */
  computedAt: string;
}

export interface RankingSnapshotInfo {
  year: number;
  /** 第N版: 1 for the first freeze of the year, n+1 for each replacement. */
  version: number;
  takenAt: string;
  takenBy: string;
  note: string | null;
  /** Why this version replaced the one before (null for version 1). */
  reason: string | null;
  /** How many figures differ from the version before (0 for version 1). */
  changedFigures: number;
}

/** A difference of one site's figure between two rankings (the earlier, then the later). */
export interface RankingDifference {
  site: RankedSite;
  field: keyof RankingFigures;
  frozen: number;
  live: number;
}

/**
 * GET /governance/rankings/snapshots?year=YYYY: every frozen version of a year, newest first.
 * Versions are never edited or removed: replacing one adds the next.
 */
export interface RankingSnapshotVersions {
  year: number;
  versions: RankingSnapshotInfo[];
}

/** GET /governance/rankings/snapshots/:version?year=YYYY: one version, with what changed from the one before. */
export interface RankingSnapshotVersion extends RankingSnapshotInfo {
  ranking: Ranking;
  /** Per site, the figures of the version before (`frozen`) and of this one (`live`). */
  differences: RankingDifference[];
}

/**
 * GET /governance/rankings?year=YYYY. Without `year`: the last complete year with publications
 * (the current year only when nothing earlier is on record); the same for /own and /notice.
 */
export interface RankingResponse {
  /** The live figures. */
  live: Ranking;
  /** The year's frozen ranking, if any: the notice uses it. */
  snapshot: (RankingSnapshotInfo & { ranking: Ranking }) | null;
  /** Sites whose frozen figures differ from the live ones (empty without a snapshot). */
  changedSinceSnapshot: Array<{
    site: RankedSite;
    field: keyof RankingFigures;
    frozen: number;
    live: number;
  }>;
  /** Years that can be asked for, newest first. */
  years: number[];
  /** Whether site members may see their own site's place (the province's setting). */
  membersSeeOwnPlace: boolean;
}

/** PUT /governance/rankings/settings: the province's choices. */
export interface RankingSettings {
  /** Whether site members may see their own site's place. */
  membersSeeOwnPlace: boolean;
}

/** GET /governance/rankings/own?year=YYYY: a site member's view of their sites' places. */
export interface OwnPlaceResponse {
  year: number;
  years: number[];
  /** False when the province does not show places to site members (then `places` is empty). */
  allowed: boolean;
  places: Array<{
    row: RankingRow;
    /** How many sites the level lists, and its highest rank (ties share ranks). */
    levelSites: number;
    lowestRank: number;
  }>;
}

/** GET /governance/rankings/notice?year=YYYY: the annual notice, its text generated from the figures. */
export interface AnnualNotice {
  year: number;
  /** Years that can be asked for, newest first (in the response, not in a snapshot). */
  years?: number[];
  groupName: string;
  title: string;
  /** The snapshot the figures come from; null when the year is not frozen (the notice is then a draft). */
  snapshot: RankingSnapshotInfo | null;
  /**
   * The version the notice quotes, in words: 本通报数据取自2014年发布排名第2版（…冻结）; null for a
   * draft from live figures.
   */
  quotes: string | null;
  sections: Array<{ heading: string; paragraphs: string[] }>;
  /** The attachment: the ranking table, one section per level. */
  attachment: {
    title: string;
    columns: string[];
    sections: Array<{
      heading: string;
      rows: Array<
        [
          name: string,
          articles: number,
          rank: number,
          submitted: number,
          adopted: number,
          adoptionRate: string,
          remark: string,
        ]
      >;
    }>;
  };
}
