import audit from './audit';
import figures from './figures';
import calendar from './calendar';
import inspection from './inspection';
import jobs from './jobs';
import media from './media';
import oversight from './oversight';
import passwords from './passwords';
import rankings from './rankings';
import replies from './replies';
import review from './review';
import sites from './sites';
import submissions from './submissions';

export default {
  ...sites.contentTypes,
  ...review.contentTypes,
  ...replies.contentTypes,
  ...jobs.contentTypes,
  ...passwords.contentTypes,
  ...audit.contentTypes,
  ...rankings.contentTypes,
  ...submissions.contentTypes,
  ...oversight.contentTypes,
  ...calendar.contentTypes,
  ...figures.contentTypes,
  ...media.contentTypes,
  ...inspection.contentTypes,
};
