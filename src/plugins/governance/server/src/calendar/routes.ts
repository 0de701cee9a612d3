import { ACTIONS, requires } from '../permissions';

const manage = requires(ACTIONS.calendarManage);

/** 节假日安排 in the admin (`/governance/calendar...`): the province only. */
export const adminRoutes = [
  { method: 'GET', path: '/calendar', handler: 'calendar.overview', config: manage },
  { method: 'GET', path: '/calendar/status', handler: 'calendar.status', config: manage },
  { method: 'POST', path: '/calendar/parse', handler: 'calendar.parse', config: manage },
  { method: 'PUT', path: '/calendar/:year', handler: 'calendar.save', config: manage },
];
