import passwordState from './content-types/password-state/schema.json';
import controller from './controller';
import { adminRoutes } from './routes';
import service from './service';

/** Account security: password state per admin user, the policy, lockout and its enforcement. */
export default {
  contentTypes: { 'password-state': { schema: passwordState } },
  controller,
  service,
  routes: { admin: adminRoutes },
};
