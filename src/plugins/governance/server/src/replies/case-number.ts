import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import type { GovernanceConfig } from '../config';
import { yieldToEventLoop } from '../utils/yield';
import { CITIZEN_MESSAGE } from '../uids';

/**
 * 留言编号: what staff and the citizen call a message by (2026-000123, the local year of receipt
 * and the row's id). Short, readable, unique, and not a secret: the query code is the citizen's
 * key and staff never see it.
 */
export const caseNumberOf = (id: number, receivedAt: Date | string | number, timezone: string) =>
  `${DateTime.fromJSDate(new Date(receivedAt), { zone: timezone }).year}-${String(id).padStart(6, '0')}`;

/** What a search for a case number looks like. */
export const CASE_NUMBER = /^\d{4}-\d{6,}$/;

const BATCH = 500;

/**
 * Numbers each message as it is created, on every path through Strapi's query engine (the
 * public form, the Document Service, scripts), in the creating transaction; `numberAll`
 * numbers rows that arrived another way (SQL imports, the demo loader, rows from before
 * numbers existed), at start-up.
 */
export const caseNumbers = (strapi: Core.Strapi) => {
  const timezone = () => (strapi.config.get('plugin::governance') as GovernanceConfig).timezone;

  const subscribe = () =>
    strapi.db.lifecycles.subscribe({
      models: [CITIZEN_MESSAGE],
      async afterCreate(event) {
        const { result, params } = event as unknown as {
          result?: { id?: number };
          params: { data?: { receivedAt?: Date | string } };
        };
        if (!result?.id) return;
        const caseNumber = caseNumberOf(
          result.id,
          params.data?.receivedAt ?? new Date(),
          timezone()
        );
        await strapi.db
          .query(CITIZEN_MESSAGE)
          .update({ where: { id: result.id }, data: { caseNumber } });
      },
    });

  const numberAll = async () => {
    let numbered = 0;
    for (;;) {
      const rows = (await strapi.db.query(CITIZEN_MESSAGE).findMany({
        where: { caseNumber: { $null: true } },
        select: ['id', 'receivedAt'],
        orderBy: { id: 'asc' },
        limit: BATCH,
      })) as Array<{ id: number; receivedAt: string | null }>;
      if (rows.length === 0) return numbered;
      // One transaction a batch: one disk flush.
      await strapi.db.transaction(async () => {
        for (const row of rows) {
          await strapi.db.query(CITIZEN_MESSAGE).update({
            where: { id: row.id },
            data: { caseNumber: caseNumberOf(row.id, row.receivedAt ?? new Date(), timezone()) },
          });
        }
      });
      numbered += rows.length;
      // better-sqlite3's awaits never give way by themselves: let other work run between batches.
      await yieldToEventLoop();
    }
  };

  return { subscribe, numberAll };
};
