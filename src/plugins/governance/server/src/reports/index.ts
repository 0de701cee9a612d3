import controller from './controller';
import { adminRoutes } from './routes';
import service from './service';

/** 报表: the statistics pages as Excel workbooks, the notices as Word documents. */
export default { controller, service, routes: { admin: adminRoutes } };
