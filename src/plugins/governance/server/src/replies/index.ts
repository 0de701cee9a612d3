import controller from './controller';
import { submissionRateLimit } from './rate-limit';
import routes from './routes';
import service from './service';

/** Citizen messages: public submission and lookup, deadlines in working days. */
export default { controller, routes, service, middlewares: { 'submission-rate-limit': submissionRateLimit } };
