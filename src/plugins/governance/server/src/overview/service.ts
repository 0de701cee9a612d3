import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { publicationYears } from '../articles/years';
import { localYearRange } from '../time/local-year';
import { dbNames } from '../utils/db-names';
import type { GovernanceConfig } from '../config';
import type { SiteScope } from '../sites/scope';

import {
  SITE_LEVELS,
  type LevelFigures,
  type Overview,
  type SiteLevel,
} from '../../../shared/contracts/overview';
import { ARTICLE, CITIZEN_MESSAGE, SITE } from '../uids';

/** A grouped count as the drivers return it (PostgreSQL answers counts as strings). */
type CountRow = {
  level: string;
  n: number | string;
  topics?: number | string | null;
  replied?: number | string;
};

const emptyFigures = (level: SiteLevel): LevelFigures => ({
  level,
  sites: 0,
  articles: 0,
  specialTopics: 0,
  messages: 0,
  replies: 0,
});

/** The year's figures per site level, each from one grouped query (no rows loaded into JS). */
const overviewService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The figures of the sites in `scope` (every site for a provincial admin). */
  async forYear(year?: number, scope: SiteScope = { all: true }): Promise<Overview> {
    const { timezone, groupName } = strapi.config.get('plugin::governance') as GovernanceConfig;
    const knex = strapi.db.connection;
    const site = dbNames(strapi, SITE);
    const article = dbNames(strapi, ARTICLE);
    const { years, latest } = await publicationYears(strapi, timezone);
    // By default the latest year anything was published in: a new year starts empty.
    const theYear = year ?? latest;
    const { start, end } = localYearRange(theYear, timezone);
    const articleSite = article.joinTable('site');
    const message = dbNames(strapi, CITIZEN_MESSAGE);
    const messageSite = message.joinTable('site');
    const level = `s.${site.column('level')}`;
    const inScope = (query: Knex.QueryBuilder) =>
      scope.all ? query : query.whereIn('s.id', scope.siteIds);

    const sites = (await knex(`${site.table} as s`)
      .select({ level })
      .count({ n: '*' })
      .where(`s.${site.column('active')}`, true)
      .modify(inScope)
      .groupBy(level)) as CountRow[];

    // Published rows only, counted once per document, in the year of the first publication.
    const articles = (await knex(`${article.table} as a`)
      .join(`${articleSite.table} as l`, `l.${articleSite.ownerColumn}`, 'a.id')
      .join(`${site.table} as s`, 's.id', `l.${articleSite.targetColumn}`)
      .select({ level })
      .countDistinct({ n: 'a.document_id' })
      .sum({
        topics: knex.raw(`case when a.${article.column('isSpecialTopic')} then 1 else 0 end`),
      })
      .whereNotNull('a.published_at')
      .where(`a.${article.column('firstPublishedAt')}`, '>=', start)
      .where(`a.${article.column('firstPublishedAt')}`, '<', end)
      .modify(inScope)
      .groupBy(level)) as CountRow[];

    const received = `m.${message.column('receivedAt')}`;
    const messages = (await knex(`${message.table} as m`)
      .join(`${messageSite.table} as l`, `l.${messageSite.ownerColumn}`, 'm.id')
      .join(`${site.table} as s`, 's.id', `l.${messageSite.targetColumn}`)
      .select({ level })
      .count({ n: '*' })
      .count({ replied: `m.${message.column('repliedAt')}` })
      .where(received, '>=', start)
      .where(received, '<', end)
      .modify(inScope)
      .groupBy(level)) as CountRow[];

    const byLevel = new Map(SITE_LEVELS.map((l) => [l, emptyFigures(l)]));
    for (const row of sites) {
      const figures = byLevel.get(row.level as SiteLevel);
      if (figures) figures.sites = Number(row.n);
    }
    for (const row of articles) {
      const figures = byLevel.get(row.level as SiteLevel);
      if (figures) {
        figures.articles = Number(row.n);
        figures.specialTopics = Number(row.topics ?? 0);
      }
    }
    for (const row of messages) {
      const figures = byLevel.get(row.level as SiteLevel);
      if (figures) {
        figures.messages = Number(row.n);
        figures.replies = Number(row.replied);
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
