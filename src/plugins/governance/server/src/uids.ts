/**
 * Every content type the plugin reads or writes, named once. A UID is a string to Strapi: one
 * name per type keeps a typo from querying a type that does not exist, and shows at a glance
 * which concerns touch which tables. A concern reads another concern's tables only through that
 * concern's service; these names are for the concern that owns the type, and for Strapi's and
 * the application's own types, which every concern may read.
 */

// The application's types (src/api), shared with the admin, and Strapi's.
export { ARTICLE, CITIZEN_MESSAGE, SITE } from '../../shared/uids';
export const ADMIN_USER = 'admin::user';
export const ADMIN_ROLE = 'admin::role';
export const ADMIN_PERMISSION = 'admin::permission';
export const UPLOAD_FILE = 'plugin::upload.file';
export const UPLOAD_FOLDER = 'plugin::upload.folder';

// sites/
export const SITE_MEMBERSHIP = 'plugin::governance.site-membership';
// review/
export const REVIEW_STATE = 'plugin::governance.review-state';
export const REVIEW_DECISION = 'plugin::governance.review-decision';
export const SENSITIVE_WORD = 'plugin::governance.sensitive-word';
export const WORDING_RULE = 'plugin::governance.wording-rule';
export const LINK_HOST_RULE = 'plugin::governance.link-host-rule';
export const INSPECTION_FINDING = 'plugin::governance.inspection-finding';
export const INSPECTED_ARTICLE = 'plugin::governance.inspected-article';
export const INSPECTION_RUN = 'plugin::governance.inspection-run';
export const ARTICLE_LINK = 'plugin::governance.article-link';
export const LINK_STATE = 'plugin::governance.link-state';
// replies/
export const MESSAGE_EVENT = 'plugin::governance.message-event';
export const MESSAGE_HOLDING = 'plugin::governance.message-holding';
// submissions/
export const SUBMISSION = 'plugin::governance.submission';
// rankings/
export const SITE_VISIT = 'plugin::governance.site-visit';
export const VISITOR_SALT = 'plugin::governance.visitor-salt';
export const VISITOR_SKETCH = 'plugin::governance.visitor-sketch';
export const RANKING_SNAPSHOT = 'plugin::governance.ranking-snapshot';
// passwords/
export const PASSWORD_STATE = 'plugin::governance.password-state';
export const PASSWORD_REMINDER = 'plugin::governance.password-reminder';
// audit/
export const AUDIT_ENTRY = 'plugin::governance.audit-entry';
export const AUDIT_HEAD = 'plugin::governance.audit-head';
// oversight/
export const SITE_COLUMN = 'plugin::governance.site-column';
export const COLUMN_CHANGE = 'plugin::governance.column-change';
export const OVERSIGHT_RULE_STATE = 'plugin::governance.oversight-rule-state';
export const OVERSIGHT_ALERT = 'plugin::governance.oversight-alert';
export const OVERSIGHT_URGE = 'plugin::governance.oversight-urge';
export const RECTIFICATION = 'plugin::governance.rectification';
export const INSPECTION_NOTICE = 'plugin::governance.inspection-notice';
// calendar/
export const HOLIDAY_YEAR = 'plugin::governance.holiday-year';
// figures/
export const PUBLICATION_ENTRY = 'plugin::governance.publication-entry';
export const PUBLICATION_DAY = 'plugin::governance.publication-day';
export const PUBLICATION_MONTH = 'plugin::governance.publication-month';
export const PUBLICATION_COLUMN = 'plugin::governance.publication-column';
export const MESSAGE_ENTRY = 'plugin::governance.message-entry';
export const MESSAGE_DAY = 'plugin::governance.message-day';
export const MESSAGE_MONTH = 'plugin::governance.message-month';
export const ARTICLE_BLOCK = 'plugin::governance.article-block';
// media/
export const SITE_FOLDER = 'plugin::governance.site-folder';
export const PUBLISHED_FILE = 'plugin::governance.published-file';
// jobs/
export const JOB_LEASE = 'plugin::governance.job-lease';
