import annualReports from './annual-reports';
import audit from './audit';
import calendar from './calendar';
import inspection from './inspection';
import media from './media';
import overview from './overview';
import oversight from './oversight';
import passwords from './passwords';
import rankings from './rankings';
import replies from './replies';
import reports from './reports';
import review from './review';
import sites from './sites';
import submissions from './submissions';
import time from './time';
import workbench from './workbench';

export default {
  admin: {
    type: 'admin',
    routes: [
      ...overview.routes,
      ...sites.routes,
      ...review.routes,
      ...replies.routes.admin,
      ...passwords.routes.admin,
      ...audit.routes.admin,
      ...rankings.routes.admin,
      ...submissions.routes.admin,
      ...oversight.routes.admin,
      ...calendar.routes.admin,
      ...reports.routes.admin,
      ...time.routes.admin,
      ...workbench.routes,
      ...media.routes.admin,
      ...inspection.routes,
      ...annualReports.routes,
    ],
  },
  'content-api': {
    type: 'content-api',
    routes: [...replies.routes.public, ...rankings.routes.public],
  },
};
