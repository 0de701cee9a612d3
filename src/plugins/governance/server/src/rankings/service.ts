import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { lastCompleteYear, publicationYears } from '../articles/years';
import type { GovernanceConfig } from '../config';
import { localYearOf, localYearRange } from '../time/local-year';
import { denseRank } from './dense-rank';
import { annualNotice } from './notice';
import { NO_FIGURES, yearFigures } from './figures';
import { differences } from './snapshots';
import { getService } from '../utils/get-service';
import type { AdminUser } from '../utils/document-middleware';
import { siteRows, type ListedSite } from '../sites/site-rows';
import type { SiteScope } from '../sites/scope';

import type { SiteLevel } from '../../../shared/contracts/overview';
import {
  RANKING_FIGURES,
  type AnnualNotice,
  type OwnPlaceResponse,
  type RankedSite,
  type Ranking,
  type RankingFigures,
  type RankingGroup,
  type RankingResponse,
  type RankingRow,
  type RankingSettings,
  type RankingTotals,
} from '../../../shared/contracts/rankings';

/** The levels in the order of the notice's table. */
export const RANKING_LEVELS: SiteLevel[] = ['portal', 'city', 'department', 'county'];

/** How many of the most visited city and county sites the summary names (the 2014 notice named six). */
const TOP_VISITED = 6;

/** Sums site rows (one site each) or level totals (their `sites`). */
const addUp = (parts: Array<RankingFigures & { sites?: number }>): RankingTotals => {
  const totals: RankingTotals = { sites: 0, ...NO_FIGURES };
  for (const part of parts) {
    totals.sites += part.sites ?? 1;
    for (const figure of RANKING_FIGURES) totals[figure] += part[figure];
    // Not among RANKING_FIGURES (snapshots frozen before it have none): summed on its own.
    totals.rawArticles += part.rawArticles ?? part.articles;
  }
  return totals;
};

const hasFigures = (f: RankingFigures) =>
  f.articles + (f.rawArticles ?? 0) + f.messages + f.visits + f.submitted > 0;

/**
 * The annual publication ranking: every site of each level with its year's figures and its
 * dense rank, from grouped queries (no article row is loaded into JavaScript).
 */
const rankingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;

  /**
   * The sites a year's ranking lists: every open site, and a closed one for the years it
   * has figures in. Ranked per level.
   */
  const ranked = (all: ListedSite[], figures: Map<number, RankingFigures>) =>
    RANKING_LEVELS.map((level) => {
      const listed = all
        .filter((site) => site.level === level)
        .map((site) => ({
          site,
          ...(figures.get(site.id) ?? NO_FIGURES),
          sortOrder: site.sortOrder,
          code: site.code,
        }))
        .filter((row) => row.site.active || hasFigures(row));
      return { level, rows: denseRank(listed) };
    });

  /** The days a daily average divides by: the whole year, or the days of it so far. */
  const daysCounted = (year: number, timezone: string) => {
    const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: timezone });
    const today = DateTime.now().setZone(timezone).startOf('day');
    if (today < start) return 0;
    const end = start.plus({ years: 1 });
    return Math.round((today < end ? today.plus({ days: 1 }) : end).diff(start, 'days').days);
  };

  const publicSite = ({ id: _id, sortOrder: _sortOrder, ...site }: ListedSite): RankedSite => site;

  const settingsStore = () => strapi.store({ type: 'plugin', name: 'governance', key: 'rankings' });

  return {
    /** The years a ranking can be asked for, newest first, and the latest with publications. */
    years: () => publicationYears(strapi, config().timezone),

    /**
     * The year shown when none is asked for: the last complete year with publications. The
     * current year is still running, so it is the default only when nothing earlier is on record.
     */
    async defaultYear(): Promise<number> {
      const { timezone } = config();
      return (await lastCompleteYear(strapi, timezone)) ?? localYearOf(new Date(), timezone);
    },

    /** The province's choices: whether site members see their own site's place. */
    async settings(): Promise<RankingSettings> {
      const stored = (await settingsStore().get({})) as { membersSeeOwnPlace?: boolean } | null;
      return { membersSeeOwnPlace: stored?.membersSeeOwnPlace === true };
    },

    async updateSettings(membersSeeOwnPlace: boolean, user: AdminUser): Promise<RankingSettings> {
      await settingsStore().set({ value: { membersSeeOwnPlace } });
      await getService(strapi, 'audit').record('rankings.settings', {
        summary: membersSeeOwnPlace
          ? '允许各站点人员查看本站发布排名名次'
          : '不再向各站点人员显示本站发布排名名次',
        details: { membersSeeOwnPlace },
        actor: user,
      });
      return { membersSeeOwnPlace };
    },

    /** What the 发布排名 panel shows for a year: the live ranking, the snapshot and how they differ. */
    async panel(year?: number): Promise<RankingResponse> {
      year ??= await this.defaultYear();
      const [live, snapshot, { years }, { membersSeeOwnPlace }] = await Promise.all([
        this.live(year),
        getService(strapi, 'rankingSnapshots').get(year),
        this.years(),
        this.settings(),
      ]);
      return {
        live,
        snapshot,
        changedSinceSnapshot: snapshot ? differences(snapshot.ranking, live) : [],
        years,
        membersSeeOwnPlace,
      };
    },

    /** The notice of a year: from its snapshot once frozen, a draft from live figures before. */
    async notice(year?: number): Promise<AnnualNotice & { years: number[] }> {
      const theYear = year ?? (await this.defaultYear());
      const [snapshot, { years }] = await Promise.all([
        getService(strapi, 'rankingSnapshots').get(theYear),
        this.years(),
      ]);
      if (snapshot) {
        const { ranking, ...info } = snapshot;
        return { ...annualNotice(ranking, info), years };
      }
      return { ...annualNotice(await this.live(theYear), null), years };
    },

    /** A site member's places: their sites' rows in the live ranking, if the province allows it. */
    async ownPlaces(year: number | undefined, scope: SiteScope): Promise<OwnPlaceResponse> {
      year ??= await this.defaultYear();
      const [{ years }, { membersSeeOwnPlace }] = await Promise.all([
        this.years(),
        this.settings(),
      ]);
      if (!membersSeeOwnPlace) return { year, years, allowed: false, places: [] };
      const siteIds = scope.all ? null : new Set(scope.siteIds);
      const all = await siteRows(strapi);
      const documentIds = new Set(
        all
          .filter((site) => siteIds === null || siteIds.has(site.id))
          .map((site) => site.documentId)
      );
      const ranking = await this.live(year);
      const places = ranking.groups.flatMap((group) =>
        group.rows
          .filter((row) => documentIds.has(row.site.documentId))
          .map((row) => ({
            row,
            levelSites: group.rows.length,
            lowestRank: group.rows.at(-1)?.rank ?? 0,
          }))
      );
      return { year, years, allowed: true, places };
    },

    /**
     * The published articles of `year` that the ranking does not count (trivial, or copies),
     * of one site or of all: judged on publication, listed here with the reason.
     */
    async excluded(year: number, siteDocumentId?: string) {
      const { start, end } = localYearRange(year, config().timezone);
      return getService(strapi, 'articleCounting').excluded(start, end, siteDocumentId);
    },

    /**
     * The live ranking of `year` as `compute` makes it, served again for a few seconds to whoever
     * asks meanwhile (figures/readings.ts): the panel, the draft notice and the sites' own places.
     */
    live(year: number): Promise<Ranking> {
      return getService(strapi, 'figureReadings').read(`ranking:${year}`, () => this.compute(year));
    },

    /** The live ranking of the local year `year`, with the year before for comparison. */
    async compute(year: number): Promise<Ranking> {
      const { timezone, groupName } = config();
      const [all, { current, previous, visitsRaw }, flaggedDays] = await Promise.all([
        siteRows(strapi),
        yearFigures(strapi, year),
        getService(strapi, 'visitAnomalies').flaggedDays(`${year}-01-01`, `${year}-12-31`),
      ]);

      const previousLevels = ranked(all, previous);
      const previousRank = new Map(
        previousLevels.flatMap(({ rows }) =>
          rows.map((row) => [row.site.id, { articles: row.articles, rank: row.rank }] as const)
        )
      );

      const groups: RankingGroup[] = ranked(all, current).map(({ level, rows }, i) => {
        const rankingRows: RankingRow[] = rows.map(
          ({
            site,
            articles,
            rawArticles,
            specialTopics,
            messages,
            replies,
            visits,
            submitted,
            adopted,
            rank,
          }) => ({
            site: publicSite(site),
            articles,
            rawArticles,
            specialTopics,
            messages,
            replies,
            visits,
            submitted,
            adopted,
            rank,
            previous: previousRank.get(site.id) ?? null,
            rawVisits: visitsRaw.get(site.id)?.rawVisits ?? visits,
            flaggedVisitDays: visitsRaw.get(site.id)?.flaggedVisitDays ?? 0,
          })
        );
        return {
          level,
          totals: addUp(rankingRows),
          previousTotals: addUp(previousLevels[i].rows),
          rows: rankingRows,
        };
      });

      const byDocumentId = new Map(all.map((site) => [site.documentId, site]));
      const visited = groups
        .filter((g) => g.level === 'city' || g.level === 'county')
        .flatMap((g) => g.rows)
        .filter((row) => row.visits > 0)
        .sort((a, b) => b.visits - a.visits || (a.site.code < b.site.code ? -1 : 1))
        .slice(0, TOP_VISITED)
        .map((row) => ({ site: row.site, visits: row.visits }));

      return {
        year,
        timezone,
        groupName,
        days: daysCounted(year, timezone),
        totals: addUp(groups.map((g) => g.totals)),
        previousTotals: addUp(groups.map((g) => g.previousTotals)),
        groups,
        topVisited: visited,
        visitAnomalies: flaggedDays.flatMap(({ siteDocumentId, ...day }) => {
          const site = byDocumentId.get(siteDocumentId);
          return site ? [{ site: publicSite(site), ...day }] : [];
        }),
        computedAt: new Date().toISOString(),
      };
    },
  };
};

export default rankingsService;
