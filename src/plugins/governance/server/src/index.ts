import bootstrap from './bootstrap';
import { closeRateLimitStores } from './replies/rate-limit';
import { drainRequests } from './utils/drain-requests';
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
    // No job starts now; the requests in flight finish before anything they use is closed.
    strapi.cron.stop();
    await drainRequests(strapi);
    // Visits counted since the last flush, the last requests' among them, are written before the process ends.
    await getService(strapi, 'visits').stop();
    // Failed logins only counted so far get their summary entry.
    await getService(strapi, 'loginFailures').stop();
    await closeRateLimitStores(strapi);
    // A recomputation of deadlines under way finishes before the database closes.
    await getService(strapi, 'calendar').stop();
  },
  config,
  contentTypes,
  controllers,
  middlewares,
  policies,
  routes,
  services,
};
