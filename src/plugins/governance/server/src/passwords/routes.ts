import { ACTIONS, requires } from '../permissions';

const manage = requires(ACTIONS.accountsManage);

/** Account security in the admin: one's own status; 账号安全 for provincial admins. */
export const adminRoutes = [
  // Every admin user reads their own status: no permission beyond being logged in.
  {
    method: 'GET',
    path: '/passwords/status',
    handler: 'passwords.status',
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
  { method: 'GET', path: '/accounts', handler: 'passwords.accounts', config: manage },
  { method: 'POST', path: '/accounts/:id/unlock', handler: 'passwords.unlock', config: manage },
  {
    method: 'POST',
    path: '/accounts/:id/force-change',
    handler: 'passwords.forceChange',
    config: manage,
  },
  { method: 'PUT', path: '/accounts/:id/holder', handler: 'passwords.setHolder', config: manage },
];
