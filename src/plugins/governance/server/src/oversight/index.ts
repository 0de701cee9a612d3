import alert from './content-types/alert/schema.json';
import columnChange from './content-types/column-change/schema.json';
import inspectionNotice from './content-types/inspection-notice/schema.json';
import rectification from './content-types/rectification/schema.json';
import ruleState from './content-types/rule-state/schema.json';
import siteColumn from './content-types/site-column/schema.json';
import urge from './content-types/urge/schema.json';
import alerts from './alerts';
import columnManagement from './column-management';
import siteColumns from './columns';
import controller from './controller';
import notices from './notices';
import rectifications from './rectifications';
import { adminRoutes } from './routes';
import service from './service';
import urges from './urges';

/** 站群监测: every site against the national veto rules before an inspection finds it, its alerts, notices and rectifications. */
export default {
  contentTypes: {
    'site-column': { schema: siteColumn },
    'column-change': { schema: columnChange },
    'oversight-rule-state': { schema: ruleState },
    'oversight-alert': { schema: alert },
    'inspection-notice': { schema: inspectionNotice },
    rectification: { schema: rectification },
    'oversight-urge': { schema: urge },
  },
  controller,
  service,
  alerts,
  siteColumns,
  columnManagement,
  notices,
  rectifications,
  urges,
  routes: { admin: adminRoutes },
};
