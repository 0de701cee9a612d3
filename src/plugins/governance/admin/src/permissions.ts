/** Mirrors the server's actions (server/src/permissions.ts) for menu links and useRBAC. */
export const PERMISSIONS = {
  overview: [{ action: 'plugin::governance.overview.read', subject: null }],
};
