import type { Modules } from '@strapi/strapi';
import { MESSAGE } from './service';

/**
 * Fields only the handling flow writes (with its actor from the session and its event record):
 * a Content Manager edit or any other Document Service write cannot set a reply, its author or
 * date, the status, the deadline, the citizen's submission data or rating, or a spot check.
 */
const FLOW_FIELDS = [
  'status', 'reply', 'replyingUnit', 'repliedBy', 'repliedAt', 'workingDaysToReply', 'repliedOnTime', 'dueAt', 'receivedAt', 'queryCode', 'ipAddress',
  'revision', 'pendingExtension', 'satisfaction', 'reopenedAt', 'spotCheck', 'overdueNotifiedAt',
];

export const messageRules = (): Modules.Documents.Middleware.Middleware => async (context, next) => {
  if (context.uid !== MESSAGE || context.action !== 'update') return next();
  const params = context.params as { data?: Record<string, unknown> };
  if (params.data) params.data = Object.fromEntries(Object.entries(params.data).filter(([field]) => !FLOW_FIELDS.includes(field)));
  return next();
};
