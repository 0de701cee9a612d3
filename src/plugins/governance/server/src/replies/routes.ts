/**
 * The public side of citizen messages, at `/api/citizen-messages` (no token: see the
 * public-access strategy). Staff handle messages in the admin; no public route reads private
 * fields or changes a message after it is submitted.
 */
const atApiRoot = { prefix: '' };

export default [
  {
    method: 'POST',
    path: '/citizen-messages',
    handler: 'replies.submit',
    config: { ...atApiRoot, middlewares: ['plugin::governance.submission-rate-limit'] },
  },
  { method: 'GET', path: '/citizen-messages/lookup/:queryCode', handler: 'replies.lookup', config: atApiRoot },
  { method: 'GET', path: '/citizen-messages', handler: 'replies.publicReplies', config: atApiRoot },
];
