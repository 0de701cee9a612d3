import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GovernanceConfig } from '../config';
import {
  OPEN_STATUSES,
  type MessageSite,
  type MessageStatus,
} from '../../../shared/contracts/messages';
import { siteScope } from '../sites/scope';
import type { AdminUser } from '../utils/document-middleware';
import { getService } from '../utils/get-service';
import { deadlineState } from './deadlines';
import { holdings } from './holdings';
import { ERRORS } from './messages';
import type { MessageRow } from './service';
import { CITIZEN_MESSAGE } from '../uids';

const OPEN: readonly MessageStatus[] = OPEN_STATUSES;

/** The columns every list of messages shows: never the citizen's name, contact or query code. */
export const LIST_FIELDS = [
  'id',
  'caseNumber',
  'category',
  'subject',
  'status',
  'receivedAt',
  'dueAt',
  'repliedAt',
] as const;

/** A listed message as read with `LIST_FIELDS` and its site. */
export type ListedMessage = Pick<MessageRow, (typeof LIST_FIELDS)[number]> & {
  site: MessageSite | null;
};

/** A message being handled, with the site that holds it. */
export type HandledMessage = MessageRow & { site: (MessageSite & { id: number }) | null };

/**
 * What the message desk and the handling flow both need: the group's time zone and working-day
 * calendar, a message loaded within the user's sites, and a message's deadline state.
 */
export const caseAccess = (strapi: Core.Strapi) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;
  const timezone = () => config().timezone;
  /** The group's working-day calendar, as entered by the province (calendar/service.ts). */
  const calendar = () => getService(strapi, 'calendar').current();

  /**
   * A message outside the user's sites is "not found", as one that does not exist. With
   * `pending`, a message transferred to one of the user's sites and not yet accepted is found
   * too (to read it, accept or refuse it; nothing else).
   */
  const load = async (
    id: number,
    user: AdminUser,
    options: { pending?: boolean } = {}
  ): Promise<HandledMessage> => {
    const scope = await siteScope(strapi, user);
    const message = (await strapi.db.query(CITIZEN_MESSAGE).findOne({
      where: { id },
      populate: { site: { select: ['id', 'code', 'name'] } },
    })) as HandledMessage | null;
    if (message && (scope.all || (message.site && scope.siteIds.includes(message.site.id))))
      return message;
    if (message && options.pending) {
      const pending = await holdings(strapi).pending(message.id);
      if (pending && !scope.all && scope.siteIds.includes(pending.siteId)) return message;
    }
    throw new errors.NotFoundError(ERRORS.noSuchMessage(id));
  };

  /** A reopened message has a reply and runs against its new deadline: only a closed case is answered. */
  const deadlineOf = (
    row: Pick<MessageRow, 'status' | 'receivedAt' | 'dueAt' | 'repliedAt'>,
    now: Date
  ) =>
    deadlineState(
      calendar(),
      {
        receivedAt: new Date(row.receivedAt),
        dueAt: new Date(row.dueAt),
        repliedAt: row.repliedAt && !OPEN.includes(row.status) ? new Date(row.repliedAt) : null,
      },
      now,
      timezone()
    );

  return { config, timezone, calendar, load, deadlineOf };
};
