/** Account security in the admin (`/governance/passwords/...`). */
export const adminRoutes = [
  // Every admin user reads their own status: no permission beyond being logged in.
  { method: 'GET', path: '/passwords/status', handler: 'passwords.status', config: { policies: ['admin::isAuthenticatedAdmin'] } },
];
