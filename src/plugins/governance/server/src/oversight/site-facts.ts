import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import type { ColumnKind } from '../../../shared/contracts/oversight';
import { whereAwaitingAnswer } from '../replies/validity';
import { ARTICLE, CITIZEN_MESSAGE, SITE_COLUMN } from '../uids';
import { siteRows } from '../sites/site-rows';
import { localYearRange } from '../time/local-year';
import { dbNames } from '../utils/db-names';
import { getService } from '../utils/get-service';

/**
 * What 站群监测 judges every open site from, in grouped queries over all sites at once: its
 * publications per column, its oldest unanswered message, its review backlog, its members'
 * expired passwords, its messages and submissions this year.
 */

export type Stamp = string | number | Date | null;

export interface ColumnRow {
  siteDocumentId: string;
  name: string;
  kind: ColumnKind;
  staleAfterDays: number | null;
  /** A renamed column's former names: its articles filed under them still count for it. */
  formerNames?: string[] | null;
}

/** Rows grouped by a key in one pass (Map.groupBy comes with Node 21). */
export const groupBy = <T, K>(rows: T[], key: (row: T) => K) => {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
};

/**
 * Per site and column: the last first publication before `now`, how many articles are published,
 * how many since `since`; of every site, or of the sites given (栏目管理 judges one).
 */
export const publications = async (
  strapi: Core.Strapi,
  since: Date,
  now: Date,
  siteIds?: number[]
) => {
  const article = dbNames(strapi, ARTICLE);
  const link = article.joinTable('site');
  const rows = (await strapi.db
    .connection(`${article.table} as a`)
    .join(`${link.table} as l`, `l.${link.ownerColumn}`, 'a.id')
    .select({ siteId: `l.${link.targetColumn}`, column: `a.${article.column('column')}` })
    .max({ last: `a.${article.column('firstPublishedAt')}` })
    .countDistinct({ published: 'a.document_id' })
    .sum({
      recent: strapi.db.connection.raw('case when a.?? >= ? then 1 else 0 end', [
        article.column('firstPublishedAt'),
        since,
      ]),
    })
    .whereNotNull('a.published_at')
    .where(`a.${article.column('firstPublishedAt')}`, '<=', now)
    .modify((query) => {
      if (siteIds) query.whereIn(`l.${link.targetColumn}`, siteIds);
    })
    .groupBy(`l.${link.targetColumn}`, `a.${article.column('column')}`)) as Array<{
    siteId: number;
    column: string | null;
    last: Stamp;
    published: number | string;
    recent: number | string | null;
  }>;
  return rows.map((row) => ({
    ...row,
    siteId: Number(row.siteId),
    published: Number(row.published),
    recent: Number(row.recent ?? 0),
  }));
};

export type Publication = Awaited<ReturnType<typeof publications>>[number];

/** Per site, the oldest valid message still waiting for its answer. */
const oldestUnanswered = async (strapi: Core.Strapi) => {
  const message = dbNames(strapi, CITIZEN_MESSAGE);
  const link = message.joinTable('site');
  const db = strapi.db.connection;
  const received = message.column('receivedAt');
  const firsts = db(`${message.table} as m2`)
    .join(`${link.table} as l2`, `l2.${link.ownerColumn}`, 'm2.id')
    .select({ siteId: `l2.${link.targetColumn}` })
    .min({ first: `m2.${received}` })
    // A 不予受理 the province has not confirmed still waits (replies/validity.ts).
    .modify((query) => whereAwaitingAnswer(query, (name) => `m2.${message.column(name)}`))
    .groupBy(`l2.${link.targetColumn}`)
    .as('f');
  const rows = (await db(`${message.table} as m`)
    .join(`${link.table} as l`, `l.${link.ownerColumn}`, 'm.id')
    .join(firsts, function joinFirst() {
      this.on('f.siteId', '=', `l.${link.targetColumn}`).andOn('f.first', '=', `m.${received}`);
    })
    .select({
      siteId: `l.${link.targetColumn}`,
      id: 'm.id',
      subject: `m.${message.column('subject')}`,
      receivedAt: `m.${received}`,
    })
    .modify((query) => whereAwaitingAnswer(query, (name) => `m.${message.column(name)}`))
    .orderBy('m.id')) as Array<{
    siteId: number;
    id: number;
    subject: string;
    receivedAt: Stamp;
  }>;
  const bySite = new Map<number, (typeof rows)[number]>();
  for (const row of rows) if (!bySite.has(Number(row.siteId))) bySite.set(Number(row.siteId), row);
  return bySite;
};

/** Per site code: accounts of its members whose password is past its expiry. */
const expiredAccounts = async (strapi: Core.Strapi, now: Date) => {
  const { data } = await getService(strapi, 'accounts').list({ filter: 'expired' }, now);
  const bySite = new Map<string, number>();
  for (const account of data)
    for (const site of new Set(account.sites.map((s) => s.code)))
      bySite.set(site, (bySite.get(site) ?? 0) + 1);
  return bySite;
};

/** What every open site's standing is judged from, each grouped by site once. */
export const siteFacts = async (strapi: Core.Strapi, timezone: string, now: Date) => {
  const year = DateTime.fromJSDate(now, { zone: timezone }).year;
  const thisYear = localYearRange(year, timezone);
  const [
    sites,
    columns,
    published,
    unanswered,
    backlog,
    expired,
    statistics,
    submissions,
    flaggedVisits,
  ] = await Promise.all([
    siteRows(strapi).then((rows) => rows.filter((site) => site.active)),
    strapi.db
      .query(SITE_COLUMN)
      // A retired column is kept for history, no longer judged (栏目管理).
      .findMany({
        where: { retiredAt: null },
        orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      }) as Promise<ColumnRow[]>,
    publications(strapi, DateTime.fromJSDate(now).minus({ days: 365 }).toJSDate(), now),
    oldestUnanswered(strapi),
    getService(strapi, 'review').backlogBySite(),
    expiredAccounts(strapi, now),
    getService(strapi, 'messageStatistics').forYear(year),
    // This year's submissions per site, as the ranking counts them.
    getService(strapi, 'submissions').sentBetween(thisYear.start, thisYear.end),
    // This year's flagged visit days (stored by the anomaly check, not judged here).
    getService(strapi, 'visitAnomalies').flaggedDays(`${year}-01-01`, `${year}-12-31`),
  ]);
  return {
    year,
    sites,
    columnsBySite: groupBy(columns, (c) => c.siteDocumentId),
    publishedBySite: groupBy(published, (row) => row.siteId),
    unanswered,
    backlog,
    expired,
    messageFigures: new Map(
      statistics.levels.flatMap((level) =>
        level.sites.map((s) => [s.site.code, s.figures] as const)
      )
    ),
    submissions,
    flaggedVisits: groupBy(flaggedVisits, (row) => row.siteDocumentId),
  };
};

export type SiteFacts = Awaited<ReturnType<typeof siteFacts>>;
