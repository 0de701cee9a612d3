import contentTypes from './content-types';
import controller from './controller';
import desk from './desk';
import handling from './handling';
import overdue from './overdue';
import { submissionRateLimit } from './rate-limit';
import { adminRoutes, publicRoutes } from './routes';
import service from './service';
import statistics from './statistics';
import transfers from './transfers';

/** Citizen messages: public submission and lookup, the handling flow, working-day deadlines. */
export default {
  contentTypes,
  controller,
  service,
  desk,
  handling,
  transfers,
  statistics,
  overdue,
  routes: { admin: adminRoutes, public: publicRoutes },
  middlewares: { 'submission-rate-limit': submissionRateLimit },
};
