import { ACTIONS, requires } from '../permissions';

const manage = requires(ACTIONS.sitesManage);

export default [
  { method: 'GET', path: '/sites', handler: 'sites.tree', config: manage },
  { method: 'GET', path: '/sites/users', handler: 'sites.users', config: manage },
  {
    method: 'POST',
    path: '/sites/:documentId/members',
    handler: 'sites.addMember',
    config: manage,
  },
  { method: 'DELETE', path: '/memberships/:id', handler: 'sites.removeMember', config: manage },
];
