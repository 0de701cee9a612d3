import { ACTIONS, requires } from '../permissions';

/** 站群监测 in the admin (`/governance/oversight`), for provincial admins. */
export const adminRoutes = [{ method: 'GET', path: '/oversight', handler: 'oversight.list', config: requires(ACTIONS.oversightRead) }];
