import contentTypes from './content-types';
import controller from './controller';
import routes from './routes';
import service from './service';
import { siteKeysService as siteKeys } from './site-key';

/** Sites, their members and roles, site isolation, and the site key on their content. */
export default { contentTypes, controller, routes, service, siteKeys };
