import { ACTIONS, requires } from '../permissions';

const read = requires(ACTIONS.auditRead);

/** 操作日志 in the admin (`/governance/audit/...`), for provincial admins. */
export const adminRoutes = [
  { method: 'GET', path: '/audit', handler: 'audit.list', config: read },
  { method: 'GET', path: '/audit/export', handler: 'audit.export', config: read },
  { method: 'POST', path: '/audit/verify', handler: 'audit.verify', config: read },
  { method: 'GET', path: '/audit/checkpoints', handler: 'audit.checkpoints', config: read },
];
