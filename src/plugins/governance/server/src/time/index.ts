import controller from './controller';
import { adminRoutes } from './routes';

/** The group's time: local years (local-year.ts) and the zone the admin shows times in. */
export default { controller, routes: { admin: adminRoutes } };
