/** Mirrors the server's actions (server/src/permissions.ts) for menu links and useRBAC. */
export const PERMISSIONS = {
  overview: [{ action: 'plugin::governance.overview.read', subject: null }],
  sites: [{ action: 'plugin::governance.sites.manage', subject: null }],
  review: [{ action: 'plugin::governance.review.read', subject: null }],
  decide: [{ action: 'plugin::governance.review.decide', subject: null }],
  words: [{ action: 'plugin::governance.review.words', subject: null }],
  messages: [{ action: 'plugin::governance.messages.handle', subject: null }],
  extend: [{ action: 'plugin::governance.messages.extend', subject: null }],
  oversee: [{ action: 'plugin::governance.messages.oversee', subject: null }],
  accounts: [{ action: 'plugin::governance.accounts.manage', subject: null }],
  audit: [{ action: 'plugin::governance.audit.read', subject: null }],
  rankings: [{ action: 'plugin::governance.rankings.read', subject: null }],
  rankingsManage: [{ action: 'plugin::governance.rankings.manage', subject: null }],
  rankingsOwn: [{ action: 'plugin::governance.rankings.own', subject: null }],
  submit: [{ action: 'plugin::governance.submissions.submit', subject: null }],
  receive: [{ action: 'plugin::governance.submissions.receive', subject: null }],
};

/** Whoever holds any of the plugin's permissions sees its menu entry. */
export const ANY_PERMISSION = [
  ...PERMISSIONS.overview,
  ...PERMISSIONS.sites,
  ...PERMISSIONS.review,
  ...PERMISSIONS.words,
  ...PERMISSIONS.messages,
  ...PERMISSIONS.oversee,
  ...PERMISSIONS.accounts,
  ...PERMISSIONS.audit,
  ...PERMISSIONS.rankings,
  ...PERMISSIONS.rankingsManage,
  ...PERMISSIONS.rankingsOwn,
  ...PERMISSIONS.submit,
  ...PERMISSIONS.receive,
];
