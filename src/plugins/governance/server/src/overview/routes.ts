import { ACTIONS, requires } from '../permissions';

export default [
  {
    method: 'GET',
    path: '/overview',
    handler: 'overview.get',
    config: requires(ACTIONS.overviewRead),
  },
];
