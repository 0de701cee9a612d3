import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import type { ColumnKind } from '../../../shared/contracts/oversight';
import type { GovernanceConfig } from '../config';
import { whereAwaitingAnswer } from '../replies/validity';
import type { Knex } from 'knex';
import { CITIZEN_MESSAGE, MESSAGE_HOLDING, SITE_COLUMN } from '../uids';
import { siteRows } from '../sites/site-rows';
import { localYearRange } from '../time/local-year';
import { dbNames } from '../utils/db-names';
import { whereInNotIndexed } from '../utils/not-indexed';
import { getService } from '../utils/get-service';
import { inspectionReads } from '../inspection/reads';

/**
 * What 站群监测 judges every open site from, in grouped queries over all sites at once: its
 * publications per column, its oldest unanswered message, its review backlog, its members'
 * expired passwords, its messages and submissions this year, the serious faults online and the
 * links that do not open.
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
 * Per site and column: the last counted first publication, how many counted articles are
 * published, how many in [since, until) (no `until`: to now); of every site, or of the sites
 * given (栏目管理 judges one).
 * From the kept figures (figures/): only what counts keeps a column or the home page fresh, a
 * `。` or a copy does not.
 */
export const publications = (strapi: Core.Strapi, since: Date, siteIds?: number[], until?: Date) =>
  getService(strapi, 'publicationFigures').columns(
    since,
    (strapi.config.get('plugin::governance') as GovernanceConfig).timezone,
    siteIds,
    until
  );

export type Publication = Awaited<ReturnType<typeof publications>>[number];

/** A site's longest-held unanswered message: `since` is now minus the time the site held it. */
export interface Unanswered {
  siteId: number;
  id: number;
  subject: string;
  receivedAt: Stamp;
  /** Now minus the time this site held the message (its holdings summed): what the veto judges. */
  since: Stamp;
}

/**
 * Per site, the valid unanswered message it has held longest (单项否决 judges the holder): open
 * holdings by their age, holdings ended by a transfer within the period by their length, a
 * site's holdings of one message summed (a return does not restart its time). A message with no
 * holdings recorded is judged at its site from its receipt.
 */
const longestHeld = async (
  strapi: Core.Strapi,
  periodStart: Date,
  now: Date,
  siteIds?: number[]
) => {
  const message = dbNames(strapi, CITIZEN_MESSAGE);
  const holding = dbNames(strapi, MESSAGE_HOLDING);
  const link = message.joinTable('site');
  const db = strapi.db.connection;
  const received = message.column('receivedAt');
  const h = (name: string) => `h.${holding.column(name)}`;
  // Of the sites given only, when given: by `+site`, an expression, so that the plan still
  // reads the waiting messages by their state, not every message the site ever had.
  const ofSites = (column: string) => (query: Knex.QueryBuilder) => {
    if (siteIds) whereInNotIndexed(query, column, siteIds);
  };
  const withoutHoldings = (alias: string) =>
    function noHolding(this: Knex.QueryBuilder) {
      this.select(db.raw('1'))
        .from(`${holding.table} as h0`)
        .whereRaw(`h0.${holding.column('messageId')} = ${alias}.id`);
    };
  const firsts = db(`${message.table} as m2`)
    .join(`${link.table} as l2`, `l2.${link.ownerColumn}`, 'm2.id')
    .select({ siteId: `l2.${link.targetColumn}` })
    .min({ first: `m2.${received}` })
    // A 不予受理 the province has not confirmed still waits (replies/validity.ts).
    .modify((query) => whereAwaitingAnswer(query, (name) => `m2.${message.column(name)}`))
    .whereNotExists(withoutHoldings('m2'))
    .modify(ofSites(`l2.${link.targetColumn}`))
    .groupBy(`l2.${link.targetColumn}`)
    .as('f');
  const legacy = (await db(`${message.table} as m`)
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
    .whereNotExists(withoutHoldings('m'))
    .modify(ofSites(`l.${link.targetColumn}`))
    .orderBy('m.id')) as Array<Omit<Unanswered, 'since'>>;

  // Open holdings (of open messages) and holdings transferred away within the period.
  const held = (await db(`${holding.table} as h`)
    .join(`${message.table} as m`, 'm.id', h('messageId'))
    .select({
      siteId: h('siteId'),
      id: 'm.id',
      subject: `m.${message.column('subject')}`,
      receivedAt: `m.${received}`,
      state: h('state'),
      startedAt: h('startedAt'),
      endedAt: h('endedAt'),
      endedBy: h('endedBy'),
    })
    .whereNotNull(h('startedAt'))
    .modify(ofSites(h('siteId')))
    .where(function heldNow() {
      this.where(function open() {
        this.where(h('state'), 'open').modify((query) =>
          whereAwaitingAnswer(query, (name) => `m.${message.column(name)}`)
        );
      }).orWhere(function transferredAway() {
        this.where(h('endedBy'), 'transferred').where(h('endedAt'), '>=', periodStart);
      });
    })) as Array<
    Omit<Unanswered, 'since'> & { state: string; startedAt: Stamp; endedAt: Stamp; endedBy: string }
  >;
  // The ended holdings of the same messages at the same sites count too (a return continues).
  const ms = (stamp: Stamp) => new Date(stamp as string).getTime();
  const heldMs = new Map<string, { row: (typeof held)[number]; ms: number }>();
  for (const row of held) {
    const key = `${row.siteId}:${row.id}`;
    const length = (row.state === 'open' ? now.getTime() : ms(row.endedAt)) - ms(row.startedAt);
    const entry = heldMs.get(key);
    if (!entry) heldMs.set(key, { row, ms: length });
    else {
      entry.ms += length;
      if (row.state === 'open') entry.row = row;
    }
  }
  const earlier = heldMs.size
    ? ((await db(holding.table)
        .select({
          siteId: holding.column('siteId'),
          id: holding.column('messageId'),
          startedAt: holding.column('startedAt'),
          endedAt: holding.column('endedAt'),
        })
        .whereIn(holding.column('messageId'), [...new Set(held.map((row) => row.id))])
        .where(holding.column('state'), 'ended')
        .whereNotNull(holding.column('startedAt'))
        // All but the transfers already in `held`: one made before the period (held in
        // December, back in January) still counts, or New Year would restart the site's time.
        .whereNot(function inHeld() {
          this.where(holding.column('endedBy'), 'transferred').where(
            holding.column('endedAt'),
            '>=',
            periodStart
          );
        })) as Array<{
        siteId: number;
        id: number;
        startedAt: Stamp;
        endedAt: Stamp;
      }>)
    : [];
  for (const row of earlier) {
    const entry = heldMs.get(`${row.siteId}:${row.id}`);
    if (entry) entry.ms += ms(row.endedAt) - ms(row.startedAt);
  }

  const bySite = new Map<number, Unanswered>();
  const keep = (candidate: Unanswered) => {
    const current = bySite.get(candidate.siteId);
    if (!current || ms(candidate.since) < ms(current.since))
      bySite.set(candidate.siteId, candidate);
  };
  for (const row of legacy) keep({ ...row, siteId: Number(row.siteId), since: row.receivedAt });
  for (const { row, ms: length } of heldMs.values())
    keep({
      siteId: Number(row.siteId),
      id: row.id,
      subject: row.subject,
      receivedAt: row.receivedAt,
      since: new Date(now.getTime() - length),
    });
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

/**
 * What every open site's standing is judged from, each grouped by site once; with `siteIds`,
 * what those sites' standing is judged from (a home card judges the user's own sites only).
 */
export const siteFacts = async (
  strapi: Core.Strapi,
  timezone: string,
  now: Date,
  siteIds?: number[]
) => {
  const year = DateTime.fromJSDate(now, { zone: timezone }).year;
  const thisYear = localYearRange(year, timezone);
  const sites = (await siteRows(strapi)).filter(
    (site) => site.active && (!siteIds || siteIds.includes(site.id))
  );
  const [
    columns,
    published,
    unanswered,
    backlog,
    expired,
    statistics,
    submissions,
    flaggedVisits,
    seriousFindings,
    brokenLinks,
  ] = await Promise.all([
    strapi.db
      .query(SITE_COLUMN)
      // A retired column is kept for history, no longer judged (栏目管理).
      .findMany({
        where: {
          retiredAt: null,
          ...(siteIds ? { siteDocumentId: { $in: sites.map((site) => site.documentId) } } : {}),
        },
        orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      }) as Promise<ColumnRow[]>,
    publications(strapi, DateTime.fromJSDate(now).minus({ days: 365 }).toJSDate(), siteIds),
    longestHeld(strapi, thisYear.start, now, siteIds),
    getService(strapi, 'review').backlogBySite(),
    expiredAccounts(strapi, now),
    getService(strapi, 'messageStatistics').forYear(year, siteIds),
    // This year's submissions per site, as the ranking counts them.
    getService(strapi, 'submissions').sentBetween(thisYear.start, thisYear.end),
    // This year's flagged visit days (stored by the anomaly check, not judged here).
    getService(strapi, 'visitAnomalies').flaggedDays(`${year}-01-01`, `${year}-12-31`),
    // Serious faults the content inspection found online and still open.
    inspectionReads(strapi).seriousBySite(siteIds),
    // Links of its published articles that do not open, still open (链接可用性).
    inspectionReads(strapi).brokenLinksBySite(siteIds),
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
    seriousFindings,
    brokenLinks,
  };
};

export type SiteFacts = Awaited<ReturnType<typeof siteFacts>>;
