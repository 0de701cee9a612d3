import holidayYear from './content-types/holiday-year/schema.json';
import controller from './controller';
import { adminRoutes } from './routes';
import service from './service';

/** 节假日安排: the working-day calendar every reply deadline is counted on, kept by the province. */
export default {
  contentTypes: { 'holiday-year': { schema: holidayYear } },
  controller,
  service,
  routes: { admin: adminRoutes },
};
