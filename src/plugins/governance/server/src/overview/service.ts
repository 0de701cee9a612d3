import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { publicationYears } from '../articles/years';
import { dbNames } from '../utils/db-names';
import type { GovernanceConfig } from '../config';
import type { SiteScope } from '../sites/scope';

import {
  SITE_LEVELS,
  type LevelFigures,
  type Overview,
  type SiteLevel,
} from '../../../shared/contracts/overview';
import { getService } from '../utils/get-service';
import { SITE } from '../uids';

/** A grouped count as the drivers return it (PostgreSQL answers counts as strings). */
type CountRow = { level: string; n: number | string };

const emptyFigures = (level: SiteLevel): LevelFigures => ({
  level,
  sites: 0,
  articles: 0,
  specialTopics: 0,
  messages: 0,
  replies: 0,
});

/** The year's figures per site level, from the kept figures and the sites (no archive row read). */
const overviewService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The figures of the sites in `scope` (every site for a provincial admin). */
  async forYear(year?: number, scope: SiteScope = { all: true }): Promise<Overview> {
    const { timezone, groupName } = strapi.config.get('plugin::governance') as GovernanceConfig;
    const knex = strapi.db.connection;
    const site = dbNames(strapi, SITE);
    const { years, latest } = await publicationYears(strapi, timezone);
    // By default the latest year anything was published in: a new year starts empty.
    const theYear = year ?? latest;
    const level = `s.${site.column('level')}`;
    const inScope = (query: Knex.QueryBuilder) =>
      scope.all ? query : query.whereIn('s.id', scope.siteIds);

    const sites = (await knex(`${site.table} as s`)
      .select({ level })
      .count({ n: '*' })
      .where(`s.${site.column('active')}`, true)
      .modify(inScope)
      .groupBy(level)) as CountRow[];

    // From the kept figures (figures/): every published article in the year of its first
    // publication, every message in the year it came, and those with a reply.
    const siteIds = scope.all ? undefined : scope.siteIds;
    const [articles, messages] = await Promise.all([
      getService(strapi, 'publicationFigures').yearByLevel(theYear, siteIds),
      getService(strapi, 'messageFigures').yearByLevel(theYear, siteIds),
    ]);

    const byLevel = new Map(SITE_LEVELS.map((l) => [l, emptyFigures(l)]));
    for (const row of sites) {
      const figures = byLevel.get(row.level as SiteLevel);
      if (figures) figures.sites = Number(row.n);
    }
    for (const [level, counts] of articles) {
      const figures = byLevel.get(level as SiteLevel);
      if (figures) {
        figures.articles = counts.rawArticles;
        figures.specialTopics = counts.specialTopics;
      }
    }
    for (const [level, counts] of messages) {
      const figures = byLevel.get(level as SiteLevel);
      if (figures) {
        figures.messages = counts.messages;
        figures.replies = counts.replied;
      }
    }

    const levels = [...byLevel.values()];
    const totals = levels.reduce(
      (sum, f) => ({
        sites: sum.sites + f.sites,
        articles: sum.articles + f.articles,
        specialTopics: sum.specialTopics + f.specialTopics,
        messages: sum.messages + f.messages,
        replies: sum.replies + f.replies,
      }),
      { sites: 0, articles: 0, specialTopics: 0, messages: 0, replies: 0 }
    );
    return { groupName, timezone, year: theYear, years, levels, totals };
  },
});

export default overviewService;
