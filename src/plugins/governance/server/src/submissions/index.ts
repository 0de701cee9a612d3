import submission from './content-types/submission/schema.json';
import controller from './controller';
import { adminRoutes } from './routes';
import service from './service';

/** 信息报送: sub-sites submit articles upward; the receiving site adopts or declines them. */
export default {
  contentTypes: { submission: { schema: submission } },
  controller,
  service,
  routes: { admin: adminRoutes },
};
