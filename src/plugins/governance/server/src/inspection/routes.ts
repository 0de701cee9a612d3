/** 内容巡检: the province with `oversight.read`, or a site member with `oversight.own` for their sites. */
const readOrOwn = { policies: ['admin::isAuthenticatedAdmin'] };

export default [
  {
    method: 'GET',
    path: '/inspection/summary',
    handler: 'inspection.summary',
    config: readOrOwn,
  },
  {
    method: 'GET',
    path: '/inspection/findings',
    handler: 'inspection.findings',
    config: readOrOwn,
  },
  {
    method: 'GET',
    path: '/inspection/findings/export',
    handler: 'inspection.export',
    config: readOrOwn,
  },
  {
    method: 'POST',
    path: '/inspection/findings/:id/dismiss',
    handler: 'inspection.dismiss',
    config: readOrOwn,
  },
  {
    method: 'POST',
    path: '/inspection/findings/:id/unpublish',
    handler: 'inspection.unpublish',
    config: readOrOwn,
  },
  { method: 'POST', path: '/inspection/runs', handler: 'inspection.run', config: readOrOwn },
];
