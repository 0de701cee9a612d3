import type { Core } from '@strapi/strapi';
import type { GovernanceConfig } from '../config';
import { localYearRange } from '../time/local-year';
import { dbNames } from '../utils/db-names';
import { getService } from '../utils/get-service';
import type { RankingFigures } from '../../../shared/contracts/rankings';
import { SITE, SITE_VISIT } from '../uids';
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

/** A year's kept figures and the year before's as rows: siteId, inYear (1 or 0) and the counts. */
const bothYears = <T extends object>(kept: { current: Map<number, T>; previous: Map<number, T> }) =>
  [kept.current, kept.previous].flatMap((byYear, index) =>
    [...byYear].map(([siteId, counts]) => ({ siteId, inYear: index === 0 ? 1 : 0, ...counts }))
  );

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
  const visit = dbNames(strapi, SITE_VISIT);
  const site = dbNames(strapi, SITE);
  const db = strapi.db.connection;
  const inYear = (column: string, from: Date | string) =>
    db.raw('case when ?? >= ? then 1 else 0 end as ??', [column, from, 'inYear']);

  // Publications and messages from the kept figures (figures/): an article counts in the year
  // of its first publication while it is published, counted unless judged trivial or a copy
  // (review/counting.ts); a message in the year it came, answered when answered substantively.
  const articles = getService(strapi, 'publicationFigures').yearsBySite(year);
  const messages = getService(strapi, 'messageFigures').yearsBySite(year);

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
  for (const row of bothYears(await articles))
    Object.assign(of(row), {
      articles: row.articles,
      rawArticles: row.rawArticles,
      specialTopics: row.specialTopics,
    });
  for (const row of bothYears(await messages))
    Object.assign(of(row), { messages: row.messages, replies: row.answered });
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
