import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { GovernanceConfig } from '../config';
import { validitySql } from '../replies/validity';
import { dayOf, localDayAndMonth } from '../time/local-day';
import { dbNames } from '../utils/db-names';
import { getService } from '../utils/get-service';
import { CITIZEN_MESSAGE } from '../uids';
import { messageTables } from './tables';
import { messageReads } from './reads';
import { addToCell, writeEntries, type RefreshOptions } from './cells';

/** What one citizen message adds to the kept figures: its current site, the local day it came. */
interface MessagePart {
  siteId: number;
  day: string;
  month: string;
  /** Answered substantively (replies/validity.ts), as the ranking counts replies. */
  answered: boolean;
  /** Has a reply, whatever its quality (站群概览's replies). */
  replied: boolean;
}

type Stamp = string | number | Date;
type Flag = boolean | number | string | null;

const same = (a: MessagePart | null, b: MessagePart | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.siteId === b.siteId &&
    a.day === b.day &&
    a.answered === b.answered &&
    a.replied === b.replied);

/** The messages `ids` as the kept figures count them now, by id. */
export const currentMessageParts = async (
  strapi: Core.Strapi,
  db: Knex | Knex.Transaction,
  ids: number[],
  timezone: string
) => {
  const message = dbNames(strapi, CITIZEN_MESSAGE);
  const link = message.joinTable('site');
  const column = (name: string) => `m.${message.column(name)}`;
  const { answered } = validitySql(column);
  const rows = (await db(`${message.table} as m`)
    .join(`${link.table} as l`, `l.${link.ownerColumn}`, 'm.id')
    .select({ id: 'm.id', siteId: `l.${link.targetColumn}`, receivedAt: column('receivedAt') })
    .select(
      db.raw(`case when ${answered.sql} then 1 else 0 end as ??`, [
        ...(answered.bindings as Knex.RawBinding[]),
        'answered',
      ])
    )
    .select(
      db.raw('case when ?? is not null then 1 else 0 end as ??', [column('repliedAt'), 'replied'])
    )
    .whereIn('m.id', ids)
    .whereNotNull(column('receivedAt'))) as Array<{
    id: number;
    siteId: number;
    receivedAt: Stamp;
    answered: Flag;
    replied: Flag;
  }>;
  return new Map(
    rows.map((row) => [
      Number(row.id),
      {
        siteId: Number(row.siteId),
        ...localDayAndMonth(new Date(row.receivedAt), timezone),
        answered: Number(row.answered) === 1,
        replied: Number(row.replied) === 1,
      } satisfies MessagePart,
    ])
  );
};

/**
 * The message figures kept as messages come, move and are answered: per site and local day of
 * receipt, and per month. As with publications, each message has an entry saying what it added,
 * and `refresh` changes the figures by the difference in the writing transaction. It runs from
 * the database lifecycles of citizen messages (`subscribe`), so every write through Strapi's
 * query engine keeps them: the public form, the desk, transfers, the Content Manager, jobs.
 */
const messageFigures = ({ strapi }: { strapi: Core.Strapi }) => {
  const timezone = () => (strapi.config.get('plugin::governance') as GovernanceConfig).timezone;

  const apply = async (
    trx: Knex.Transaction,
    tables: ReturnType<typeof messageTables>,
    part: MessagePart,
    sign: 1 | -1
  ) => {
    const delta = (names: typeof tables.day) => ({
      [names.column('messages')]: sign,
      [names.column('answered')]: part.answered ? sign : 0,
      [names.column('replied')]: part.replied ? sign : 0,
    });
    const { day, month } = tables;
    await addToCell(
      trx,
      tables.days,
      { [day.column('siteId')]: part.siteId, [day.column('day')]: part.day },
      delta(day)
    );
    await addToCell(
      trx,
      tables.months,
      { [month.column('siteId')]: part.siteId, [month.column('month')]: part.month },
      delta(month)
    );
  };

  const service = {
    ...messageReads(strapi),

    /**
     * Brings the figures up to date with the messages `ids` as they are now (or gone); answers
     * the messages whose parts changed (RefreshOptions: the check and the rebuild).
     */
    async refresh(ids: number[], { dryRun = false, entriesOnly = false }: RefreshOptions = {}) {
      const unique = [...new Set(ids.map(Number))].filter(Number.isInteger);
      if (unique.length === 0) return [];
      return strapi.db.transaction(async ({ trx }) => {
        const tables = messageTables(strapi);
        const { entry } = tables;
        if (!dryRun && strapi.db.dialect.client === 'postgres')
          // Two instances refreshing one message: the second waits, then sees the first's entry.
          await trx.raw(
            `select 1 from ${entry.table} where ${entry.column('messageId')} = any(?) for update`,
            [unique]
          );
        const now = await currentMessageParts(strapi, trx, unique, timezone());
        const stored = (await trx(entry.table)
          .select({
            id: entry.column('messageId'),
            siteId: entry.column('siteId'),
            day: entry.column('day'),
            month: entry.column('month'),
            answered: entry.column('answered'),
            replied: entry.column('replied'),
          })
          .whereIn(entry.column('messageId'), unique)) as Array<{
          id: number;
          siteId: number;
          day: Stamp;
          month: Stamp;
          answered: Flag;
          replied: Flag;
        }>;
        const before = new Map(
          stored.map((row) => [
            Number(row.id),
            {
              siteId: Number(row.siteId),
              day: dayOf(row.day),
              month: dayOf(row.month),
              answered: Boolean(row.answered),
              replied: Boolean(row.replied),
            } satisfies MessagePart,
          ])
        );
        const changes = unique.flatMap((id) => {
          const old = before.get(id) ?? null;
          const current = now.get(id) ?? null;
          return same(old, current) ? [] : [{ id, old, current }];
        });
        if (dryRun || changes.length === 0) return changes.map((change) => change.id);
        await writeEntries(
          trx,
          entry.table,
          entry.column('messageId'),
          changes.flatMap(({ id, current }) =>
            current
              ? [
                  {
                    [entry.column('messageId')]: id,
                    [entry.column('siteId')]: current.siteId,
                    [entry.column('day')]: current.day,
                    [entry.column('month')]: current.month,
                    [entry.column('answered')]: current.answered,
                    [entry.column('replied')]: current.replied,
                  },
                ]
              : []
          ),
          changes.filter((change) => !change.current).map((change) => change.id)
        );
        if (!entriesOnly)
          for (const { old, current } of changes) {
            if (old) await apply(trx, tables, old, -1);
            if (current) await apply(trx, tables, current, 1);
          }
        await getService(strapi, 'figureReadings').changed();
        return changes.map((change) => change.id);
      });
    },

    /**
     * Keeps the figures on every write through the query engine. Bulk writes name their rows by
     * a condition: the rows are found before the write (a delete leaves nothing to find after).
     */
    subscribe() {
      const idsWhere = async (where: unknown) =>
        (
          (await strapi.db.query(CITIZEN_MESSAGE).findMany({
            where: where as Record<string, unknown>,
            select: ['id'],
          })) as Array<{ id: number }>
        ).map((row) => row.id);
      type Event = {
        params: { where?: unknown };
        result?: { id?: number } | null;
        state: Record<string, unknown>;
      };
      const before = async (event: Event) => {
        event.state.messageIds = await idsWhere(event.params.where ?? {});
      };
      const after = async (event: Event) => {
        const ids = [
          ...((event.state.messageIds as number[] | undefined) ?? []),
          ...(event.result?.id ? [event.result.id] : []),
        ];
        await service.refresh(ids);
      };
      strapi.db.lifecycles.subscribe({
        models: [CITIZEN_MESSAGE],
        afterCreate: after,
        afterUpdate: after,
        beforeUpdateMany: before,
        afterUpdateMany: after,
        beforeDelete: before,
        afterDelete: after,
        beforeDeleteMany: before,
        afterDeleteMany: after,
      } as unknown as Parameters<typeof strapi.db.lifecycles.subscribe>[0]);
    },
  };
  return service;
};

export default messageFigures;
