import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { GovernanceConfig } from '../config';
import { validitySql } from '../replies/validity';
import { localYearRange } from '../time/local-year';
import { dbNames } from '../utils/db-names';
import { getService } from '../utils/get-service';
import type { RankingFigures } from '../../../shared/contracts/rankings';
import { ARTICLE, CITIZEN_MESSAGE, SITE, SITE_VISIT } from '../uids';
import { countedVisitsSql } from './visit-anomalies';

type Count = number | string | null;

/** A site with nothing in a year. */
export const NO_FIGURES: RankingFigures = {
  articles: 0,
  rawArticles: 0,
  specialTopics: 0,
  messages: 0,
  replies: 0,
  visits: 0,
  submitted: 0,
  adopted: 0,
};

/**
 * The figures of every site with any, by site id, in the local year `year` and in the year
 * before: each table is read once over both years, grouped by site and by which year a row
 * falls in (`GROUP BY 1, 2`: PostgreSQL would not match a grouped CASE with its own bindings).
 */
export const yearFigures = async (
  strapi: Core.Strapi,
  year: number
): Promise<{
  current: Map<number, RankingFigures>;
  previous: Map<number, RankingFigures>;
  /** This year's raw visits and flagged days per site id. */
  visitsRaw: Map<number, { rawVisits: number; flaggedVisitDays: number }>;
}> => {
  const { timezone } = strapi.config.get('plugin::governance') as GovernanceConfig;
  const { start, end } = localYearRange(year, timezone);
  const { start: previousStart } = localYearRange(year - 1, timezone);
  const article = dbNames(strapi, ARTICLE);
  const articleSite = article.joinTable('site');
  const message = dbNames(strapi, CITIZEN_MESSAGE);
  const messageSite = message.joinTable('site');
  const visit = dbNames(strapi, SITE_VISIT);
  const site = dbNames(strapi, SITE);
  const db = strapi.db.connection;
  const inYear = (column: string, from: Date | string) =>
    db.raw('case when ?? >= ? then 1 else 0 end as ??', [column, from, 'inYear']);

  // Published rows only, once per document, in the year of the first publication: a
  // republication does not move an article, an unpublished one does not count. Articles are
  // not localised, so a document has one published row and its topic flag is summed.
  const firstPublished = `a.${article.column('firstPublishedAt')}`;
  const articles = db(`${article.table} as a`)
    .join(`${articleSite.table} as l`, `l.${articleSite.ownerColumn}`, 'a.id')
    .select({ siteId: `l.${articleSite.targetColumn}` }, inYear(firstPublished, start))
    .countDistinct({ rawArticles: 'a.document_id' })
    // What counts: not judged trivial or a copy on publication (review/counting.ts).
    .select(
      db.raw('count(distinct case when a.?? is null then a.document_id end) as ??', [
        article.column('countExclusion'),
        'articles',
      ])
    )
    .sum({
      specialTopics: db.raw('case when a.?? then 1 else 0 end', [article.column('isSpecialTopic')]),
    })
    .whereNotNull('a.published_at')
    .where(firstPublished, '>=', previousStart)
    .where(firstPublished, '<', end)
    .groupByRaw('1, 2') as Promise<
    Array<{
      siteId: number;
      inYear: Count;
      articles: Count;
      rawArticles: Count;
      specialTopics: Count;
    }>
  >;

  const received = `m.${message.column('receivedAt')}`;
  const { answered } = validitySql((name) => `m.${message.column(name)}`);
  const messages = db(`${message.table} as m`)
    .join(`${messageSite.table} as l`, `l.${messageSite.ownerColumn}`, 'm.id')
    .select({ siteId: `l.${messageSite.targetColumn}` }, inYear(received, start))
    .count({ messages: '*' })
    // Answered substantively: a placeholder the quality check flagged is not a reply.
    .sum({
      replies: db.raw(
        `case when ${answered.sql} then 1 else 0 end`,
        answered.bindings as Knex.RawBinding[]
      ),
    })
    .where(received, '>=', previousStart)
    .where(received, '<', end)
    .groupByRaw('1, 2') as Promise<
    Array<{ siteId: number; inYear: Count; messages: Count; replies: Count }>
  >;

  // Days are local dates, so a year is its first to its last date. A flagged day counts its
  // threshold (visit-anomalies.ts); the raw sum and the flagged days are kept beside.
  const day = `v.${visit.column('day')}`;
  const rawColumn = `v.${visit.column('visits')}`;
  const flaggedAbove = `v.${visit.column('flaggedAbove')}`;
  const visits = db(`${visit.table} as v`)
    .join(`${site.table} as s`, 's.document_id', `v.${visit.column('siteDocumentId')}`)
    .select({ siteId: 's.id' }, inYear(day, `${year}-01-01`))
    .sum({ visits: countedVisitsSql(db, rawColumn, flaggedAbove) })
    .sum({ rawVisits: rawColumn })
    .sum({
      flaggedDays: db.raw('case when ?? is not null and ?? > ?? then 1 else 0 end', [
        flaggedAbove,
        rawColumn,
        flaggedAbove,
      ]),
    })
    .where(day, '>=', `${year - 1}-01-01`)
    .where(day, '<=', `${year}-12-31`)
    .groupByRaw('1, 2') as Promise<
    Array<{ siteId: number; inYear: Count; visits: Count; rawVisits: Count; flaggedDays: Count }>
  >;

  // Submissions count for the year they were sent in (the submissions concern's own rule:
  // a withdrawn one does not count), keyed here by site id like the other figures.
  const sent = getService(strapi, 'submissions');
  const submissions = Promise.all([
    sent.sentBetween(start, end),
    sent.sentBetween(previousStart, start),
    db(site.table).select({ siteId: 'id', documentId: 'document_id' }) as Promise<
      Array<{ siteId: number; documentId: string }>
    >,
  ]).then(([thisYear, yearBefore, sites]) =>
    sites.flatMap(({ siteId, documentId }) =>
      [thisYear, yearBefore].flatMap((byYear, index) => {
        const figures = byYear.get(documentId);
        return figures ? [{ siteId, inYear: index === 0 ? 1 : 0, ...figures }] : [];
      })
    )
  );

  const current = new Map<number, RankingFigures>();
  const previous = new Map<number, RankingFigures>();
  const of = (row: { siteId: number; inYear: Count }) => {
    const figures = Number(row.inYear) === 1 ? current : previous;
    const id = Number(row.siteId);
    if (!figures.has(id)) figures.set(id, { ...NO_FIGURES });
    return figures.get(id)!;
  };
  // PostgreSQL answers counts and sums as strings.
  for (const row of await articles)
    Object.assign(of(row), {
      articles: Number(row.articles),
      rawArticles: Number(row.rawArticles),
      specialTopics: Number(row.specialTopics),
    });
  for (const row of await messages)
    Object.assign(of(row), { messages: Number(row.messages), replies: Number(row.replies) });
  const visitsRaw = new Map<number, { rawVisits: number; flaggedVisitDays: number }>();
  for (const row of await visits) {
    of(row).visits = Number(row.visits ?? 0);
    if (Number(row.inYear) === 1)
      visitsRaw.set(Number(row.siteId), {
        rawVisits: Number(row.rawVisits ?? 0),
        flaggedVisitDays: Number(row.flaggedDays ?? 0),
      });
  }
  for (const row of await submissions)
    Object.assign(of(row), {
      submitted: Number(row.submitted),
      adopted: Number(row.adopted ?? 0),
    });
  return { current, previous, visitsRaw };
};
