import controller from './controller';
import routes from './routes';
import service from './service';

/** The group's figures for a year: the plugin's landing page. */
export default { controller, routes, service };
