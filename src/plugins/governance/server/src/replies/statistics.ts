import type { Core } from '@strapi/strapi';
import { SITE_LEVELS, type SiteLevel } from '../../../shared/contracts/overview';
import {
  type InboxItem,
  type MessageFigures,
  type MessageStatistics,
} from '../../../shared/contracts/messages';
import type { GovernanceConfig } from '../config';
import { localYearRange } from '../time/local-year';
import type { MessageRow } from './service';
import { LIST_FIELDS, type ListedMessage } from './case-access';
import { dbNames } from '../utils/db-names';
import { whereInNotIndexed } from '../utils/not-indexed';
import { CITIZEN_MESSAGE, MESSAGE_HOLDING, SITE } from '../uids';
import { SAMPLED_STATUSES, validitySql } from './validity';

/** The figures worked out from the sums rather than summed. */
type Ratio =
  | 'averageWorkingDays'
  | 'replyRate'
  | 'onTimeRate'
  | 'firstDeadlineOnTimeRate'
  | 'satisfactionRate'
  | 'invalidRate';

/** The sums one grouped query answers per site (PostgreSQL answers sums as strings). */
type SumRow = Partial<
  Record<Exclude<keyof MessageFigures, Ratio> | 'daysSum' | 'daysCount', number | string | null>
> & {
  siteId: number;
};
type Sums = Omit<MessageFigures, Ratio> & {
  daysSum: number;
  daysCount: number;
};

const SUM_KEYS = [
  'received',
  'invalid',
  'replied',
  'publiclyAnswered',
  'repliedOnTime',
  'repliedByFirstDeadline',
  'dueByFirstDeadline',
  'open',
  'overdue',
  'due',
  'rated',
  'satisfied',
  'neutral',
  'unsatisfied',
  'spotChecked',
  'substandard',
  'invalidPending',
  'flagged',
  'transfersOut',
  'transfersIn',
  'returnsReceived',
  'overdueHoldings',
  'lateTransfers',
  'daysSum',
  'daysCount',
] as const;

const zero = (): Sums => Object.fromEntries(SUM_KEYS.map((key) => [key, 0])) as Sums;
const add = (a: Sums, b: Sums): Sums =>
  Object.fromEntries(SUM_KEYS.map((key) => [key, a[key] + b[key]])) as Sums;

/** Rates from sums, so that a level's average weighs every message alike, not every site. */
const figuresOf = ({ daysSum, daysCount, ...sums }: Sums): MessageFigures => {
  const valid = sums.received - sums.invalid;
  return {
    ...sums,
    averageWorkingDays: daysCount > 0 ? Math.round((daysSum / daysCount) * 10) / 10 : null,
    replyRate: valid > 0 ? sums.replied / valid : null,
    onTimeRate: sums.due > 0 ? sums.repliedOnTime / sums.due : null,
    firstDeadlineOnTimeRate:
      sums.dueByFirstDeadline > 0 ? sums.repliedByFirstDeadline / sums.dueByFirstDeadline : null,
    satisfactionRate: sums.rated > 0 ? sums.satisfied / sums.rated : null,
    invalidRate: sums.received > 0 ? (sums.invalid + sums.invalidPending) / sums.received : null,
  };
};

/**
 * 留言统计: per site and per level, the year's messages received, answered, answered on time,
 * the average working days to the first reply, the reply rate, the on-time rate (of the messages
 * answered or overdue, so an unanswered overdue one lowers it), the ratings in their three grades
 * and spot checks, refusals (confirmed and pending) and flagged placeholder replies — one
 * grouped query, no message rows loaded. The year is the group's local
 * year of receipt.
 */
const statisticsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = {
    async forYear(year: number, siteIds?: number[]): Promise<MessageStatistics> {
      const { timezone } = strapi.config.get('plugin::governance') as GovernanceConfig;
      const { start, end } = localYearRange(year, timezone);
      return { year, ...(await service.forRange(start, end, siteIds)) };
    },

    /**
     * The same figures for the messages received in [start, end): an inspection notice's period.
     * With `siteIds`, only those sites' figures are counted (the levels' sums are then theirs).
     */
    async forRange(
      start: Date,
      end: Date,
      siteIds?: number[]
    ): Promise<Omit<MessageStatistics, 'year'>> {
      const { timezone } = strapi.config.get('plugin::governance') as GovernanceConfig;
      const knex = strapi.db.connection;
      const message = dbNames(strapi, CITIZEN_MESSAGE);
      const site = dbNames(strapi, SITE);
      const column = (name: string) => `m.${message.column(name)}`;
      const count = (condition: string, ...bindings: unknown[]) =>
        knex.raw(`sum(case when ${condition} then 1 else 0 end)`, bindings);
      const now = new Date();
      // 不予受理 pending the province's confirmation waits for an answer like an open message; a
      // reply the quality check flagged is not an answer until a substantive one follows.
      const validity = validitySql(column);
      const { awaiting, answered, flagged } = validity;
      // Overdue against its holder's own deadline: a site that accepted an old message has the
      // full handling time from its acceptance (a return keeps its earlier deadline).
      const holding = dbNames(strapi, MESSAGE_HOLDING);
      const hc = (name: string) => `h.${holding.column(name)}`;
      const overdue = `${awaiting.sql} and coalesce(${hc('dueAt')}, ${column('dueAt')}) < ?`;
      const overdueBindings = [...awaiting.bindings, now];
      // A site answers by its own holding's deadline (a flagged reply keeps the holding open); the
      // citizen was promised the message's first one: both judgements are kept.
      const flaggedLate = `${flagged.sql} and coalesce(${hc('dueAt')}, ${column('dueAt')}) < ?`;
      const overdueFirst = `${awaiting.sql} and ${column('dueAt')} < ?`;
      const flaggedLateFirst = `${flagged.sql} and ${column('dueAt')} < ?`;

      // By the site key each message holds (sites/site-key.ts), not through the link table: the
      // period's messages by `(site_key, received_at)`, or by their receipt for every site.
      const bySite = column('siteKey');
      const rows = (await knex(`${message.table} as m`)
        .leftJoin(`${holding.table} as h`, function openHolding() {
          this.on(hc('messageId'), '=', 'm.id').andOn(hc('state'), '=', knex.raw('?', ['open']));
        })
        .select({ siteId: bySite })
        .count({ received: '*' })
        .select({
          invalid: count(validity.invalidConfirmed.sql, ...validity.invalidConfirmed.bindings),
          invalidPending: count(validity.invalidPending.sql, ...validity.invalidPending.bindings),
          replied: count(answered.sql, ...answered.bindings),
          publiclyAnswered: count(
            `${answered.sql} and ${column('isPublic')} = ?`,
            ...answered.bindings,
            true
          ),
          flagged: count(flagged.sql, ...flagged.bindings),
          // Before holdings were judged (no holderRepliedOnTime), by the message's deadline.
          repliedOnTime: count(
            `coalesce(${column('holderRepliedOnTime')}, ${column('repliedOnTime')})`
          ),
          repliedByFirstDeadline: count(`${column('repliedOnTime')}`),
          open: count(awaiting.sql, ...awaiting.bindings),
          overdue: count(overdue, ...overdueBindings),
          // A flagged reply past its deadline is due and not on time.
          due: count(
            `${answered.sql} or (${overdue}) or (${flaggedLate})`,
            ...answered.bindings,
            ...overdueBindings,
            ...flagged.bindings,
            now
          ),
          dueByFirstDeadline: count(
            `${answered.sql} or (${overdueFirst}) or (${flaggedLateFirst})`,
            ...answered.bindings,
            ...awaiting.bindings,
            now,
            ...flagged.bindings,
            now
          ),
          rated: count(`${column('satisfaction')} is not null`),
          satisfied: count(`${column('satisfaction')} = ?`, 'satisfied'),
          neutral: count(`${column('satisfaction')} = ?`, 'neutral'),
          unsatisfied: count(`${column('satisfaction')} = ?`, 'unsatisfied'),
          spotChecked: count(`${column('spotCheck')} is not null`),
          substandard: count(`${column('spotCheck')} = ?`, 'substandard'),
        })
        .sum({ daysSum: column('workingDaysToReply') })
        .count({ daysCount: column('workingDaysToReply') })
        .where(column('receivedAt'), '>=', start)
        .where(column('receivedAt'), '<', end)
        .whereNotNull(bySite)
        .modify((query) => {
          if (siteIds) query.whereIn(bySite, siteIds);
        })
        .groupBy(bySite)) as SumRow[];
      // Each site's own holdings of the period's messages, whoever has them now: by the receipt
      // each holding carries (replies/holdings.ts), the period's holdings only.
      const held = (await knex(`${holding.table} as h`)
        .select({ siteId: hc('siteId') })
        .select({
          transfersOut: count(`${hc('endedBy')} = ?`, 'transferred'),
          // Accepted only: a refused or withdrawn request never started a holding.
          transfersIn: count(
            `${hc('fromSiteId')} is not null and ${hc('startedAt')} is not null and ${hc('state')} <> ?`,
            'pending'
          ),
          returnsReceived: count(hc('isReturn')),
          overdueHoldings: count(
            `(${hc('state')} = ? and ${hc('dueAt')} < ?) or (${hc('state')} = ? and ${hc('endedBy')} in (?, ?) and ${hc('endedAt')} > ${hc('dueAt')})`,
            'open',
            now,
            'ended',
            'transferred',
            'replied'
          ),
          // Once per site and message: a site that has it back answers for it with the message
          // (`+h2.site`: the message's few holdings by their index, not the site's every one).
          lateTransfers: count(
            `${hc('endedBy')} = ? and ${hc('endedAt')} > ${hc('dueAt')} and not exists (select 1 from ${holding.table} as h2 where h2.${holding.column('messageId')} = ${hc('messageId')} and +h2.${holding.column('siteId')} = ${hc('siteId')} and h2.id > h.id and h2.${holding.column('state')} <> ?)`,
            'transferred',
            'pending'
          ),
        })
        .where(hc('messageReceivedAt'), '>=', start)
        .where(hc('messageReceivedAt'), '<', end)
        .modify((query) => {
          if (siteIds) whereInNotIndexed(query, hc('siteId'), siteIds);
        })
        .groupBy(hc('siteId'))) as SumRow[];
      const sumsBySite = new Map<number, Sums>();
      for (const row of [...rows, ...held]) {
        const sums = sumsBySite.get(Number(row.siteId)) ?? zero();
        for (const key of SUM_KEYS) sums[key] += Number(row[key] ?? 0);
        sumsBySite.set(Number(row.siteId), sums);
      }

      // Every active site is listed, with zeros when it received nothing; closed sites only when they did.
      const sites = (await knex(site.table)
        .select(
          'id',
          site.column('code'),
          site.column('name'),
          site.column('level'),
          site.column('active')
        )
        .orderBy([site.column('sortOrder'), site.column('code')])) as Array<
        Record<string, unknown>
      >;
      const levels = SITE_LEVELS.map((level) => {
        const members = sites
          .filter(
            (s) =>
              s[site.column('level')] === level &&
              (s[site.column('active')] || sumsBySite.has(Number(s.id)))
          )
          .map((s) => ({
            site: {
              code: String(s[site.column('code')]),
              name: String(s[site.column('name')]),
              level: level as SiteLevel,
            },
            sums: sumsBySite.get(Number(s.id)) ?? zero(),
          }));
        const sums = members.reduce((total, m) => add(total, m.sums), zero());
        return {
          level,
          sums,
          // A transfer made after the holding's deadline counts as late in the sender's on-time rate.
          sites: members.map((m) => ({
            site: m.site,
            figures: figuresOf({ ...m.sums, due: m.sums.due + m.sums.lateTransfers }),
          })),
        };
      });
      return {
        timezone,
        totals: figuresOf(levels.reduce((total, l) => add(total, l.sums), zero())),
        levels: levels.map((l) => ({ level: l.level, totals: figuresOf(l.sums), sites: l.sites })),
      };
    },

    /** 抽查样本: replied and refused messages of the year, not yet checked (or voided by an edit), drawn at random (of one site if asked). */
    async sample({
      year,
      size,
      site,
    }: {
      year: number;
      size: number;
      site?: string;
    }): Promise<InboxItem[]> {
      const { timezone } = strapi.config.get('plugin::governance') as GovernanceConfig;
      const { start, end } = localYearRange(year, timezone);
      const knex = strapi.db.connection;
      const message = dbNames(strapi, CITIZEN_MESSAGE);
      const link = message.joinTable('site');
      const sites = dbNames(strapi, SITE);
      const picked = (await knex(`${message.table} as m`)
        .join(`${link.table} as l`, `l.${link.ownerColumn}`, 'm.id')
        .join(`${sites.table} as s`, 's.id', `l.${link.targetColumn}`)
        .select('m.id')
        .where(`m.${message.column('receivedAt')}`, '>=', start)
        .where(`m.${message.column('receivedAt')}`, '<', end)
        // Every answer and every refusal (不予受理, pending or confirmed) can be drawn.
        .whereIn(`m.${message.column('status')}`, [...SAMPLED_STATUSES])
        .whereNull(`m.${message.column('spotCheck')}`)
        .modify((query) => (site ? query.where(`s.${sites.column('code')}`, site) : query))
        .orderByRaw('random()')
        .limit(size)) as Array<{ id: number }>;
      const rows = (await strapi.db.query(CITIZEN_MESSAGE).findMany({
        where: { id: { $in: picked.map((row) => row.id) } },
        select: [...LIST_FIELDS, 'repliedOnTime'],
        populate: { site: { select: ['code', 'name'] } },
        orderBy: [{ repliedAt: 'desc' }, { id: 'desc' }],
      })) as Array<ListedMessage & Pick<MessageRow, 'repliedOnTime'>>;
      return rows.map(({ repliedOnTime, ...row }) => ({
        ...row,
        deadline: repliedOnTime === false ? 'answeredLate' : 'answered',
        workingDaysLeft: null,
        daysOverdue: null,
        extensionPending: false,
      }));
    },
  };
  return service;
};

export default statisticsService;
