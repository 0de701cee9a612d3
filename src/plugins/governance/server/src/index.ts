import bootstrap from './bootstrap';
import { closeRateLimitStores } from './replies/rate-limit';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import middlewares from './middlewares';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  destroy: closeRateLimitStores,
  config,
  contentTypes,
  controllers,
  middlewares,
  policies,
  routes,
  services,
};
