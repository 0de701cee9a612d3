import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { ADMIN_USER, PASSWORD_REMINDER, PASSWORD_STATE } from '../uids';

type Event = {
  params: { where?: Record<string, unknown> };
  result?: { id?: number } | null;
  state: { userIds?: number[] };
};

/**
 * An account's password state (its password history of hashes) and reminders go with the
 * account, whichever way it is deleted: Strapi's user service deletes one row at a time (one
 * account or a batch), the Document Service and scripts may delete many at once, whose ids are
 * read before they go. In the deleting transaction, if there is one. At start-up, what accounts
 * deleted before this rule left behind goes too.
 */
export const forgetDeletedAccounts = async (strapi: Core.Strapi) => {
  const forget = (ids: number[]) => getService(strapi, 'passwords').forget(ids);
  strapi.db.lifecycles.subscribe({
    models: [ADMIN_USER],
    afterDelete: async (event: Event) => {
      if (event.result?.id !== undefined) await forget([event.result.id]);
    },
    beforeDeleteMany: async (event: Event) => {
      const users = (await strapi.db
        .query(ADMIN_USER)
        .findMany({ where: event.params.where ?? {}, select: ['id'] })) as Array<{ id: number }>;
      event.state.userIds = users.map((user) => user.id);
    },
    afterDeleteMany: (event: Event) => forget(event.state.userIds ?? []),
  });

  const kept = new Set<number>();
  for (const uid of [PASSWORD_STATE, PASSWORD_REMINDER]) {
    for (const row of (await strapi.db.query(uid).findMany({ select: ['userId'] })) as Array<{
      userId: number;
    }>)
      kept.add(row.userId);
  }
  const existing = (await strapi.db
    .query(ADMIN_USER)
    .findMany({ where: { id: { $in: [...kept] } }, select: ['id'] })) as Array<{ id: number }>;
  const present = new Set(existing.map((user) => user.id));
  await forget([...kept].filter((id) => !present.has(id)));
};
