import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import type {
  ColumnKind,
  ColumnState,
  OpenMessageEvidence,
  PublishingMix,
  SiteOversight,
  SiteOversightDetail,
} from '../../../shared/contracts/oversight';
import type { GovernanceConfig } from '../config';
import { VETO_MONTHS } from '../replies/deadlines';
import { MESSAGE, OPEN_STATUSES } from '../replies/service';
import { dbNames } from '../utils/db-names';
import { memberSiteDocumentIds } from '../sites/scope';
import { siteRows, type SiteRow } from '../sites/site-rows';
import { getService } from '../utils/get-service';
import { localYearRange } from '../time/local-year';
import { judgeSite, worst } from './rules';

export const SITE_COLUMN = 'plugin::governance.site-column';

type Stamp = string | number | Date | null;

const STATUS_ORDER = { tripped: 0, warning: 1, ok: 2 } as const;

interface ColumnRow {
  siteDocumentId: string;
  name: string;
  kind: ColumnKind;
  staleAfterDays: number | null;
}

/** Rows grouped by a key in one pass (Map.groupBy comes with Node 21). */
const groupBy = <T, K>(rows: T[], key: (row: T) => K) => {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
};

/**
 * 站群监测: each open site's standing against the national veto rules, from grouped queries over
 * its publications, its columns (栏目) and its messages. Nothing is stored: the verdicts are as
 * of `now`.
 */
const oversightService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;

  /** Local calendar days from `from` to `to` (0 on the same local day). */
  const localDays = (from: Stamp, to: Date) => {
    const { timezone } = config();
    const start = DateTime.fromJSDate(new Date(from as string), { zone: timezone }).startOf('day');
    const end = DateTime.fromJSDate(to, { zone: timezone }).startOf('day');
    return Math.round(end.diff(start, 'days').days);
  };

  /** Per site and column: the last first publication before `now`, how many articles are published, how many since `since`. */
  const publications = async (since: Date, now: Date) => {
    const article = dbNames(strapi, 'api::article.article');
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

  type Publication = Awaited<ReturnType<typeof publications>>[number];

  /** Per site, the oldest valid message still waiting for its answer. */
  const oldestUnanswered = async () => {
    const message = dbNames(strapi, MESSAGE);
    const link = message.joinTable('site');
    const db = strapi.db.connection;
    const received = message.column('receivedAt');
    const firsts = db(`${message.table} as m2`)
      .join(`${link.table} as l2`, `l2.${link.ownerColumn}`, 'm2.id')
      .select({ siteId: `l2.${link.targetColumn}` })
      .min({ first: `m2.${received}` })
      .whereIn(`m2.${message.column('status')}`, [...OPEN_STATUSES])
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
      .whereIn(`m.${message.column('status')}`, [...OPEN_STATUSES])
      .orderBy('m.id')) as Array<{
      siteId: number;
      id: number;
      subject: string;
      receivedAt: Stamp;
    }>;
    const bySite = new Map<number, (typeof rows)[number]>();
    for (const row of rows)
      if (!bySite.has(Number(row.siteId))) bySite.set(Number(row.siteId), row);
    return bySite;
  };

  /** Per site code: accounts of its members whose password is past its expiry. */
  const expiredAccounts = async (now: Date) => {
    const { data } = await getService(strapi, 'accounts').list({ filter: 'expired' }, now);
    const bySite = new Map<string, number>();
    for (const account of data)
      for (const site of new Set(account.sites.map((s) => s.code)))
        bySite.set(site, (bySite.get(site) ?? 0) + 1);
    return bySite;
  };

  const mixOf = (
    rows: Array<{ column: string | null; recent: number }>
  ): Record<PublishingMix, number> => {
    const { mix } = config().oversight;
    const counts: Record<PublishingMix, number> = {
      workNews: 0,
      analysis: 0,
      disclosure: 0,
      other: 0,
    };
    for (const row of rows) {
      const kind =
        (Object.keys(mix) as Array<keyof typeof mix>).find(
          (k) => row.column !== null && mix[k].includes(row.column)
        ) ?? 'other';
      counts[kind] += row.recent;
    }
    return counts;
  };

  /** The evidence behind the message rule: the site's valid messages still waiting, oldest first. */
  const openMessages = async (
    siteDocumentId: string,
    now: Date
  ): Promise<OpenMessageEvidence[]> => {
    const rows = (await strapi.db.query(MESSAGE).findMany({
      where: { status: { $in: [...OPEN_STATUSES] }, site: { documentId: siteDocumentId } },
      select: ['id', 'documentId', 'subject', 'category', 'status', 'receivedAt', 'dueAt'],
      orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
      limit: 200,
    })) as Array<{
      id: number;
      documentId: string;
      subject: string;
      category: string;
      status: string;
      receivedAt: Stamp;
      dueAt: Stamp;
    }>;
    return rows.map((row) => ({
      ...row,
      receivedAt: new Date(row.receivedAt as string).toISOString(),
      dueAt: row.dueAt ? new Date(row.dueAt as string).toISOString() : null,
      ageDays: localDays(row.receivedAt, now),
      overdue: row.dueAt !== null && new Date(row.dueAt as string) < now,
    }));
  };

  const withEvidence = async (standing: SiteOversight, now: Date): Promise<SiteOversightDetail> => {
    const siteDocumentId = standing.site.documentId;
    const [messages, alerts, rectifications] = await Promise.all([
      openMessages(siteDocumentId, now),
      getService(strapi, 'oversightAlerts').list({ site: siteDocumentId, pageSize: 20 }),
      getService(strapi, 'rectifications').list({ site: siteDocumentId }, { all: true }),
    ]);
    return {
      ...standing,
      warnDays: config().oversight.veto.warnDays,
      openMessages: messages,
      alerts: alerts.data,
      rectifications,
    };
  };

  /** What every open site's standing is judged from, each grouped by site once. */
  const siteFacts = async (now: Date) => {
    const { timezone } = config();
    const year = DateTime.fromJSDate(now, { zone: timezone }).year;
    const thisYear = localYearRange(year, timezone);
    const [sites, columns, published, unanswered, backlog, expired, statistics, submissions] =
      await Promise.all([
        siteRows(strapi).then((rows) => rows.filter((site) => site.active)),
        strapi.db
          .query(SITE_COLUMN)
          .findMany({ orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] }) as Promise<ColumnRow[]>,
        publications(DateTime.fromJSDate(now).minus({ days: 365 }).toJSDate(), now),
        oldestUnanswered(),
        getService(strapi, 'review').backlogBySite(),
        expiredAccounts(now),
        getService(strapi, 'messageStatistics').forYear(year),
        // This year's submissions per site, as the ranking counts them.
        getService(strapi, 'submissions').sentBetween(thisYear.start, thisYear.end),
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
    };
  };
  type SiteFacts = Awaited<ReturnType<typeof siteFacts>>;

  /** A site's columns with how long each has been idle, from its publications by column. */
  const columnStates = (columns: ColumnRow[], published: Publication[], now: Date) => {
    const { staleAfterDays: defaults } = config().oversight;
    const byColumn = new Map(published.map((row) => [row.column, row]));
    return columns.map((c): ColumnState => {
      const found = byColumn.get(c.name);
      const staleAfterDays = c.kind === 'static' ? null : (c.staleAfterDays ?? defaults[c.kind]);
      const idleDays = found?.last ? localDays(found.last, now) : null;
      return {
        name: c.name,
        kind: c.kind,
        staleAfterDays,
        lastPublishedAt: found?.last ? new Date(found.last as string).toISOString() : null,
        idleDays,
        published: found?.published ?? 0,
        stale: staleAfterDays !== null && idleDays !== null && idleDays >= staleAfterDays,
        empty: !found,
      };
    });
  };

  /** When the site last published anything: the latest of its columns' last publications. */
  const lastOf = (published: Publication[]) =>
    published.reduce<Stamp>(
      (latest, row) =>
        row.last !== null &&
        (latest === null || new Date(row.last as string) > new Date(latest as string))
          ? row.last
          : latest,
      null
    );

  /** Local days from a message's receipt to the end of its three months. */
  const vetoLimitDays = (receivedAt: Stamp) =>
    localDays(
      receivedAt,
      DateTime.fromJSDate(new Date(receivedAt as string), { zone: config().timezone })
        .plus({ months: VETO_MONTHS })
        .toJSDate()
    );

  const standingOf = (site: SiteRow, facts: SiteFacts, now: Date): SiteOversight => {
    const mine = facts.publishedBySite.get(Number(site.id)) ?? [];
    const last = lastOf(mine);
    const columns = columnStates(facts.columnsBySite.get(site.documentId) ?? [], mine, now);
    const waiting = facts.unanswered.get(Number(site.id));
    const figures = facts.messageFigures.get(site.code);
    const inReview = facts.backlog.get(Number(site.id));
    const rules = judgeSite(
      {
        homePageIdleDays: last === null ? null : localDays(last, now),
        columns,
        unanswered: waiting
          ? {
              ageDays: localDays(waiting.receivedAt, now),
              limitDays: vetoLimitDays(waiting.receivedAt),
            }
          : null,
      },
      config().oversight.veto
    );
    return {
      site: {
        documentId: site.documentId,
        code: site.code,
        name: site.name,
        level: site.level,
        city: site.level === 'county' ? site.parentName : site.level === 'city' ? site.name : null,
      },
      status: worst(rules),
      rules,
      lastPublishedAt: last === null ? null : new Date(last as string).toISOString(),
      columns,
      oldestUnanswered: waiting
        ? {
            id: waiting.id,
            subject: waiting.subject,
            receivedAt: new Date(waiting.receivedAt as string).toISOString(),
            ageDays: localDays(waiting.receivedAt, now),
          }
        : null,
      replies: {
        year: facts.year,
        received: figures?.received ?? 0,
        replyRate: figures?.replyRate ?? null,
        onTimeRate: figures?.onTimeRate ?? null,
        open: figures?.open ?? 0,
        overdue: figures?.overdue ?? 0,
      },
      reviewBacklog: {
        waiting: inReview?.waiting ?? 0,
        oldestDays: inReview?.since ? localDays(inReview.since, now) : null,
      },
      mix: mixOf(mine),
      expiredAccounts: facts.expired.get(site.code) ?? 0,
      submissions: facts.submissions.get(site.documentId) ?? { submitted: 0, adopted: 0 },
    };
  };

  const service = {
    /** Per site id, what it first published in [start, end) by kind of content. */
    async periodMix(start: Date, end: Date) {
      const rows = await publications(start, new Date(end.getTime() - 1));
      const bySite = groupBy(rows, (row) => row.siteId);
      return new Map([...bySite].map(([siteId, siteRows]) => [siteId, mixOf(siteRows)]));
    },

    /** One site with the evidence behind its verdicts: which columns, which messages, its alerts and tasks. */
    async detail(siteDocumentId: string, now = new Date()): Promise<SiteOversightDetail | null> {
      const standing = (await service.bySite(now)).find(
        (s) => s.site.documentId === siteDocumentId
      );
      return standing ? withEvidence(standing, now) : null;
    },

    /** The same for every open site the user is a member of (the home page's card), whatever their role. */
    async own(user: { id: number }, now = new Date()): Promise<SiteOversightDetail[]> {
      const mine = await memberSiteDocumentIds(strapi, user.id);
      if (mine.size === 0) return [];
      const standing = (await service.bySite(now)).filter((s) => mine.has(s.site.documentId));
      return Promise.all(standing.map((s) => withEvidence(s, now)));
    },

    /** Every open site with its rule verdicts, the failing first, then the nearest to failing. */
    async bySite(now = new Date()): Promise<SiteOversight[]> {
      const facts = await siteFacts(now);
      return facts.sites
        .map((site) => standingOf(site, facts, now))
        .sort((a, b) => {
          const nearest = (s: SiteOversight) =>
            Math.min(...s.rules.map((r) => r.daysLeft ?? Infinity));
          return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || nearest(a) - nearest(b);
        });
    },
  };
  return service;
};

export default oversightService;
