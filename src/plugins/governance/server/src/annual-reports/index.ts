import controller from './controller';
import routes from './routes';
import service from './service';

/** 政府网站工作年度报表: each site's annual report form, filled from the CMS's own figures. */
export default {
  controller,
  routes,
  service,
};
