import contentTypes from './content-types';
import controller from './controller';
import handling from './handling';
import { submissionRateLimit } from './rate-limit';
import { adminRoutes, publicRoutes } from './routes';
import service from './service';

/** Citizen messages: public submission and lookup, the handling flow, working-day deadlines. */
export default {
  contentTypes,
  controller,
  service,
  handling,
  routes: { admin: adminRoutes, public: publicRoutes },
  middlewares: { 'submission-rate-limit': submissionRateLimit },
};
