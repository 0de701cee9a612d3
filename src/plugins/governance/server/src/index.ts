import bootstrap from './bootstrap';
import { closeRateLimitStores } from './replies/rate-limit';
import { getService } from './utils/get-service';
import type { Core } from '@strapi/strapi';
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
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    // Visits counted since the last flush are written before the process ends.
    await getService(strapi, 'visits').stop();
    // Failed logins only counted so far get their summary entry.
    await getService(strapi, 'loginFailures').stop();
    await closeRateLimitStores();
  },
  config,
  contentTypes,
  controllers,
  middlewares,
  policies,
  routes,
  services,
};
