/**
 * The public side of citizen messages, at `/api/citizen-messages` (no token: see the
 * public-access strategy). Staff handle messages in the admin; no public route reads private
 * fields or changes a message after it is submitted.
 */
import { ACTIONS, requires } from '../permissions';

const atApiRoot = { prefix: '' };

export const publicRoutes = [
  {
    method: 'POST',
    path: '/citizen-messages',
    handler: 'replies.submit',
    config: { ...atApiRoot, middlewares: ['plugin::governance.submission-rate-limit'] },
  },
  {
    method: 'GET',
    path: '/citizen-messages/lookup/:queryCode',
    handler: 'replies.lookup',
    config: atApiRoot,
  },
  // Rated with the query code and the citizen's contact, through the same per-IP budget as submissions.
  {
    method: 'POST',
    path: '/citizen-messages/lookup/:queryCode/rating',
    handler: 'replies.rate',
    config: { ...atApiRoot, middlewares: ['plugin::governance.submission-rate-limit'] },
  },
  { method: 'GET', path: '/citizen-messages', handler: 'replies.publicReplies', config: atApiRoot },
];

const handle = requires(ACTIONS.messagesHandle);
const oversee = requires(ACTIONS.messagesOversee);

/** The handling flow in the admin (`/governance/messages/...`). */
export const adminRoutes = [
  { method: 'GET', path: '/messages', handler: 'replies.inbox', config: handle },
  // Before `/messages/:id`, which would take these names for ids.
  {
    method: 'GET',
    path: '/messages/transfer-targets',
    handler: 'replies.transferTargets',
    config: handle,
  },
  { method: 'GET', path: '/messages/export', handler: 'replies.exportInbox', config: handle },
  { method: 'GET', path: '/messages/todo', handler: 'replies.todo', config: handle },
  // 批量签收: the ids in the body, each checked on its own.
  { method: 'POST', path: '/messages/sign', handler: 'replies.signMany', config: handle },
  { method: 'GET', path: '/messages/statistics', handler: 'replies.statistics', config: oversee },
  {
    method: 'GET',
    path: '/messages/spot-checks/sample',
    handler: 'replies.sample',
    config: oversee,
  },
  { method: 'GET', path: '/messages/:id', handler: 'replies.getCase', config: handle },
  { method: 'POST', path: '/messages/:id/sign', handler: 'replies.sign', config: handle },
  { method: 'POST', path: '/messages/:id/reply', handler: 'replies.reply', config: handle },
  { method: 'POST', path: '/messages/:id/transfer', handler: 'replies.transfer', config: handle },
  {
    method: 'POST',
    path: '/messages/:id/transfer/accept',
    handler: 'replies.acceptTransfer',
    config: handle,
  },
  {
    method: 'POST',
    path: '/messages/:id/transfer/refuse',
    handler: 'replies.refuseTransfer',
    config: handle,
  },
  {
    method: 'POST',
    path: '/messages/:id/misassigned',
    handler: 'replies.misassigned',
    config: oversee,
  },
  {
    method: 'POST',
    path: '/messages/:id/extension',
    handler: 'replies.requestExtension',
    config: handle,
  },
  {
    method: 'POST',
    path: '/messages/:id/extension/decision',
    handler: 'replies.decideExtension',
    config: requires(ACTIONS.messagesExtend),
  },
  { method: 'POST', path: '/messages/:id/invalid', handler: 'replies.markInvalid', config: handle },
  // 确认 / 撤销不予受理: the province's (group-wide scope checked in the service).
  {
    method: 'POST',
    path: '/messages/:id/invalid/decision',
    handler: 'replies.decideInvalid',
    config: oversee,
  },
  { method: 'POST', path: '/messages/:id/public', handler: 'replies.setPublic', config: handle },
  { method: 'POST', path: '/messages/:id/close', handler: 'replies.close', config: handle },
  {
    method: 'POST',
    path: '/messages/:id/category',
    handler: 'replies.correctCategory',
    config: handle,
  },
  {
    method: 'POST',
    path: '/messages/:id/spot-check',
    handler: 'replies.spotCheck',
    config: oversee,
  },
];
