/** The media concern's admin route: any logged-in staff member asks for their file pass. */
export const adminRoutes = [
  {
    method: 'POST',
    path: '/media/file-pass',
    handler: 'media.pass',
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
];
