import passwordReminder from './content-types/password-reminder/schema.json';
import passwordState from './content-types/password-state/schema.json';
import accounts from './accounts';
import controller from './controller';
import jobs from './jobs';
import { adminRoutes } from './routes';
import service from './service';
import superAdmins from './super-admins';

/** Account security: password state per admin user, the policy, lockout and its enforcement. */
export default {
  contentTypes: {
    'password-state': { schema: passwordState },
    'password-reminder': { schema: passwordReminder },
  },
  controller,
  service,
  jobs,
  accounts,
  superAdmins,
  routes: { admin: adminRoutes },
};
