import annualReports from './annual-reports';
import audit from './audit';
import calendar from './calendar';
import figures from './figures';
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
import workbench from './workbench';

export default {
  overview: overview.service,
  annualReports: annualReports.service,
  sites: sites.service,
  siteKeys: sites.siteKeys,
  review: review.service,
  sensitiveWords: review.sensitiveWords,
  wordingRules: review.wordingRules,
  linkHostRules: review.linkHostRules,
  articleCounting: review.counting,
  countingBackfill: review.countingBackfill,
  replies: replies.service,
  messageDesk: replies.desk,
  messageHandling: replies.handling,
  messageTransfers: replies.transfers,
  messageStatistics: replies.statistics,
  overdueMessages: replies.overdue,
  passwords: passwords.service,
  passwordJobs: passwords.jobs,
  accounts: passwords.accounts,
  superAdmins: passwords.superAdmins,
  audit: audit.service,
  loginFailures: audit.loginFailures,
  rankings: rankings.service,
  rankingSnapshots: rankings.snapshots,
  visits: rankings.visits,
  visitAnomalies: rankings.visitAnomalies,
  submissions: submissions.service,
  reports: reports.service,
  calendar: calendar.service,
  oversight: oversight.service,
  oversightAlerts: oversight.alerts,
  siteColumns: oversight.siteColumns,
  columnManagement: oversight.columnManagement,
  inspectionNotices: oversight.notices,
  rectifications: oversight.rectifications,
  oversightUrges: oversight.urges,
  workbench: workbench.service,
  publicationFigures: figures.publications,
  messageFigures: figures.messages,
  documentFigures: figures.documents,
  siteFolders: media.siteFolders,
  articleMedia: media.articleMedia,
  publishedFiles: media.publishedFiles,
  keptFigures: figures.kept,
  figureReadings: figures.readings,
  contentInspection: inspection.service,
};
