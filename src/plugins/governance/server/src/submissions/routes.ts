import { ACTIONS, requires } from '../permissions';

const submit = requires(ACTIONS.submissionsSubmit);
const receive = requires(ACTIONS.submissionsReceive);

/** 信息报送 in the admin (`/governance/submissions/...`); the service checks the sites. */
export const adminRoutes = [
  { method: 'GET', path: '/submissions/targets', handler: 'submissions.targets', config: submit },
  { method: 'GET', path: '/submissions/outgoing', handler: 'submissions.outgoing', config: submit },
  { method: 'POST', path: '/submissions', handler: 'submissions.submit', config: submit },
  {
    method: 'POST',
    path: '/submissions/:id/withdraw',
    handler: 'submissions.withdraw',
    config: submit,
  },
  {
    method: 'GET',
    path: '/submissions/incoming',
    handler: 'submissions.incoming',
    config: receive,
  },
  { method: 'POST', path: '/submissions/:id/adopt', handler: 'submissions.adopt', config: receive },
  {
    method: 'POST',
    path: '/submissions/:id/decline',
    handler: 'submissions.decline',
    config: receive,
  },
];
