/** 年度报表: the province with `annual-reports.oversee`, or a member with `annual-reports.fill` for their sites. */
const readOrOwn = { policies: ['admin::isAuthenticatedAdmin'] };

export default [
  {
    method: 'GET',
    path: '/annual-reports/sites/:documentId/years/:year/figures',
    handler: 'annualReports.figures',
    config: readOrOwn,
  },
  {
    method: 'GET',
    path: '/annual-reports/sites/:documentId/years/:year/articles',
    handler: 'annualReports.articles',
    config: readOrOwn,
  },
];
