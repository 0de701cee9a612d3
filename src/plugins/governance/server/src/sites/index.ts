import contentTypes from './content-types';
import controller from './controller';
import routes from './routes';
import service from './service';

/** Sites, their members and roles, and site isolation. */
export default { contentTypes, controller, routes, service };
