/** The group's time zone: every admin page needs it, so any logged-in admin user reads it. */
export const adminRoutes = [
  {
    method: 'GET',
    path: '/time',
    handler: 'time.zone',
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
];
