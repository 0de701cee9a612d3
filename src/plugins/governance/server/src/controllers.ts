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
  overview: overview.controller,
  annualReports: annualReports.controller,
  sites: sites.controller,
  review: review.controller,
  replies: replies.controller,
  passwords: passwords.controller,
  audit: audit.controller,
  rankings: rankings.controller,
  submissions: submissions.controller,
  oversight: oversight.controller,
  reports: reports.controller,
  calendar: calendar.controller,
  time: time.controller,
  workbench: workbench.controller,
  media: media.controller,
  inspection: inspection.controller,
};
