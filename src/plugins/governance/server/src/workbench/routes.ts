/**
 * 工作台 (`/governance/workbench`): every admin user's home page. Being logged in is enough:
 * the service answers only the parts the caller's permissions and sites cover.
 */
export default [
  {
    method: 'GET',
    path: '/workbench',
    handler: 'workbench.get',
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
];
