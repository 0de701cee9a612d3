import siteColumn from './content-types/site-column/schema.json';
import controller from './controller';
import { adminRoutes } from './routes';
import service from './service';

/** 站群监测: every site against the national veto rules, before an inspection finds it. */
export default {
  contentTypes: { 'site-column': { schema: siteColumn } },
  controller,
  service,
  routes: { admin: adminRoutes },
};
