import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { HoldingEnd, MessageHolding } from '../../../shared/contracts/messages';
import { OPEN_STATUSES } from '../../../shared/contracts/messages';
import { dbNames } from '../utils/db-names';
import { updateInIdWindows } from '../utils/id-windows';
import { CITIZEN_MESSAGE, MESSAGE_HOLDING, SITE } from '../uids';

/** A row of plugin::governance.message-holding. */
export interface HoldingRow {
  id: number;
  messageId: number;
  siteId: number;
  state: 'pending' | 'open' | 'ended';
  fromSiteId: number | null;
  reason: string | null;
  requestedAt: string | Date | null;
  startedAt: string | Date | null;
  endedAt: string | Date | null;
  endedBy: HoldingEnd | null;
  dueAt: string | Date | null;
  isReturn: boolean | null;
}

/**
 * A message's holdings (持有记录): which site held it from when to when, against which deadline.
 * The first starts at receipt with the message's deadline; a transfer adds a pending one for the
 * receiving site, which starts at its acceptance (or at the province's assignment). Called inside
 * the act's transaction: every write here is part of the act.
 */
export const holdings = (strapi: Core.Strapi) => {
  const query = () => strapi.db.query(MESSAGE_HOLDING);

  const api = {
    /** The first holding: the receiving site, from receipt, with the message's own deadline. */
    async openFirst(messageId: number, siteId: number, startedAt: Date, dueAt: Date) {
      await query().create({
        data: { messageId, siteId, state: 'open', startedAt, dueAt, isReturn: false },
      });
    },

    async open(messageId: number) {
      return (await query().findOne({
        where: { messageId, state: 'open' },
        orderBy: [{ id: 'desc' }],
      })) as HoldingRow | null;
    },

    async pending(messageId: number) {
      return (await query().findOne({
        where: { messageId, state: 'pending' },
        orderBy: [{ id: 'desc' }],
      })) as HoldingRow | null;
    },

    /** The messages waiting for one of these sites to accept them (all such for the province). */
    async pendingFor(siteIds: number[] | 'all') {
      const rows = (await query().findMany({
        where:
          siteIds === 'all' ? { state: 'pending' } : { state: 'pending', siteId: { $in: siteIds } },
        select: ['messageId'],
      })) as Array<{ messageId: number }>;
      return rows.map((row) => row.messageId);
    },

    /** The latest earlier holding of `siteId` (a return when there is one). */
    async earlier(messageId: number, siteId: number) {
      return (await query().findOne({
        where: { messageId, siteId, state: 'ended', startedAt: { $notNull: true } },
        orderBy: [{ id: 'desc' }],
      })) as HoldingRow | null;
    },

    /** Ends the open holding (and withdraws a pending transfer when the message is answered). */
    async endOpen(messageId: number, endedBy: HoldingEnd, at: Date) {
      await query().updateMany({
        where: { messageId, state: 'open' },
        data: { state: 'ended', endedBy, endedAt: at },
      });
      if (endedBy !== 'transferred') await api.withdrawPending(messageId, at);
    },

    /** Withdraws a pending transfer: an answered message is no longer the receiver's to take. */
    async withdrawPending(messageId: number, at: Date) {
      await query().updateMany({
        where: { messageId, state: 'pending' },
        data: { state: 'ended', endedBy: 'cancelled', endedAt: at },
      });
    },

    async update(id: number, data: Record<string, unknown>) {
      await query().update({ where: { id }, data });
    },

    async request(messageId: number, siteId: number, fromSiteId: number | null, reason: string) {
      await query().create({
        data: {
          messageId,
          siteId,
          fromSiteId,
          reason,
          state: 'pending',
          requestedAt: new Date(),
          isReturn: false,
        },
      });
    },

    /** A new holding starting now (acceptance or assignment), as opened by `start`. */
    async start(
      messageId: number,
      siteId: number,
      fromSiteId: number | null,
      startedAt: Date,
      dueAt: Date,
      isReturn: boolean
    ) {
      await query().create({
        data: { messageId, siteId, fromSiteId, state: 'open', startedAt, dueAt, isReturn },
      });
    },

    /**
     * The open transferred messages whose holder's deadline and own deadline fall on different
     * sides of the range [from, to) (from null: no lower end). A first holding has the message's
     * deadline, so only transferred ones can differ. `leaving`: the message's deadline is in the
     * range, the holder's is not; `joining`: the other way round. A list judging by the holder's
     * deadline corrects a condition on the message's by these.
     */
    async differing(from: Date | null, to: Date) {
      const message = dbNames(strapi, CITIZEN_MESSAGE);
      const holding = dbNames(strapi, MESSAGE_HOLDING);
      const h = (name: string) => `h.${holding.column(name)}`;
      const m = (name: string) => `m.${message.column(name)}`;
      const inRange = (column: string) =>
        function within(this: Knex.QueryBuilder) {
          this.where(column, '<', to);
          if (from) this.where(column, '>=', from);
        };
      const outOfRange = (column: string) =>
        function outside(this: Knex.QueryBuilder) {
          this.where(column, '>=', to);
          if (from) this.orWhere(column, '<', from);
        };
      const rows = (await strapi.db
        .connection(`${holding.table} as h`)
        .join(`${message.table} as m`, 'm.id', h('messageId'))
        .select({ id: 'm.id', holderDue: h('dueAt') })
        .where(h('state'), 'open')
        .whereNotNull(h('dueAt'))
        .whereIn(m('status'), [...OPEN_STATUSES])
        .where(function differs() {
          this.where(function leaving() {
            this.where(inRange(m('dueAt'))).where(outOfRange(h('dueAt')));
          }).orWhere(function joining() {
            this.where(inRange(h('dueAt'))).where(outOfRange(m('dueAt')));
          });
        })) as Array<{ id: number; holderDue: string | number | Date }>;
      const inside = (value: string | number | Date) => {
        const at = new Date(value).getTime();
        return at < to.getTime() && (!from || at >= from.getTime());
      };
      return {
        leaving: rows.filter((row) => !inside(row.holderDue)).map((row) => row.id),
        joining: rows.filter((row) => inside(row.holderDue)).map((row) => row.id),
      };
    },

    /** The deadline each of these messages' open holding has (the site's own), by message. */
    async openDue(messageIds: number[]) {
      if (messageIds.length === 0) return new Map<number, Date>();
      const rows = (await query().findMany({
        where: { messageId: { $in: messageIds }, state: 'open', dueAt: { $notNull: true } },
        select: ['messageId', 'dueAt'],
      })) as Array<{ messageId: number; dueAt: string | Date }>;
      return new Map(rows.map((row) => [row.messageId, new Date(row.dueAt)]));
    },

    /** The case page's 持有记录, oldest first. */
    async list(messageId: number, now: Date): Promise<MessageHolding[]> {
      const rows = (await query().findMany({
        where: { messageId, state: { $ne: 'pending' }, startedAt: { $notNull: true } },
        orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
      })) as HoldingRow[];
      const sites = (await strapi.db.query(SITE).findMany({
        where: { id: { $in: [...new Set(rows.map((row) => row.siteId))] } },
        select: ['id', 'code', 'name'],
      })) as Array<{ id: number; code: string; name: string }>;
      const byId = new Map(sites.map((site) => [site.id, site]));
      const iso = (value: string | Date | null) => (value ? new Date(value).toISOString() : null);
      return rows.map((row) => {
        const site = byId.get(row.siteId);
        const until = row.endedAt ? new Date(row.endedAt) : now;
        return {
          site: site ? { code: site.code, name: site.name } : null,
          startedAt: iso(row.startedAt)!,
          endedAt: iso(row.endedAt),
          endedBy: row.endedBy,
          dueAt: iso(row.dueAt),
          isReturn: Boolean(row.isReturn),
          overdue:
            row.dueAt !== null &&
            row.endedBy !== 'invalid' &&
            row.endedBy !== 'cancelled' &&
            until > new Date(row.dueAt),
        };
      });
    },
  };
  return api;
};

/**
 * Every holding carries its message's time of receipt (`messageReceivedAt`), so that a period's
 * statistics read the period's holdings through its index instead of joining every holding of
 * the archive to the messages (PostgreSQL chose a scan of all holdings for that join). Given on
 * every create through Strapi's query engine, and changed with the message's; rows written
 * another way (SQL imports, rows from before it was kept) get it at start-up (`fill`).
 */
export const holdingReceipts = (strapi: Core.Strapi) => ({
  keep() {
    strapi.db.lifecycles.subscribe({
      models: [MESSAGE_HOLDING],
      async beforeCreate(event) {
        const data = (event.params as { data?: Record<string, unknown> }).data;
        if (!data || data.messageReceivedAt !== undefined || typeof data.messageId !== 'number')
          return;
        const message = (await strapi.db
          .query(CITIZEN_MESSAGE)
          .findOne({ where: { id: data.messageId }, select: ['receivedAt'] })) as {
          receivedAt: string | Date | null;
        } | null;
        data.messageReceivedAt = message?.receivedAt ?? null;
      },
    });
    // A message's receipt is the citizen's and no route changes it; a script that does (the
    // tests set the clock back on a message) changes its holdings' copy with it.
    const follow = async (messageIds: number[], receivedAt: unknown) => {
      if (messageIds.length > 0)
        await strapi.db.query(MESSAGE_HOLDING).updateMany({
          where: { messageId: { $in: messageIds } },
          data: { messageReceivedAt: receivedAt },
        });
    };
    type UpdateEvent = {
      params: { data?: Record<string, unknown>; where?: unknown };
      result?: { id?: number };
    };
    strapi.db.lifecycles.subscribe({
      models: [CITIZEN_MESSAGE],
      async afterUpdate(event) {
        const { params, result } = event as unknown as UpdateEvent;
        if (params.data?.receivedAt !== undefined && result?.id)
          await follow([result.id], params.data.receivedAt);
      },
      async afterUpdateMany(event) {
        const { params } = event as unknown as UpdateEvent;
        if (params.data?.receivedAt === undefined) return;
        const rows = (await strapi.db
          .query(CITIZEN_MESSAGE)
          .findMany({ where: params.where as never, select: ['id'] })) as Array<{ id: number }>;
        await follow(
          rows.map((row) => row.id),
          params.data.receivedAt
        );
      },
    });
  },

  /** Gives the holdings without it their message's receipt; answers how many. */
  async fill() {
    const holding = dbNames(strapi, MESSAGE_HOLDING);
    const message = dbNames(strapi, CITIZEN_MESSAGE);
    const column = holding.column('messageReceivedAt');
    const knex = strapi.db.connection;
    if (!(await knex(holding.table).whereNull(column).first('id'))) return 0;
    return updateInIdWindows(strapi, holding.table, (trx, from, to) =>
      trx(holding.table)
        .where('id', '>', from)
        .where('id', '<=', to)
        // An expression, so that SQLite reads the window by id, not the index of missing ones
        // (a unary `+`, as the site key's fill writes it, is refused for a date by PostgreSQL).
        .whereRaw('coalesce(??, null) is null', [column])
        .update({
          [column]: trx(message.table)
            .select(message.column('receivedAt'))
            .where('id', trx.ref(`${holding.table}.${holding.column('messageId')}`)),
        })
    );
  },
});
