import rankingSnapshot from './content-types/ranking-snapshot/schema.json';
import siteVisit from './content-types/site-visit/schema.json';
import visitorSalt from './content-types/visitor-salt/schema.json';
import visitorSketch from './content-types/visitor-sketch/schema.json';
import controller from './controller';
import { adminRoutes, publicRoutes } from './routes';
import service from './service';
import snapshots from './snapshots';
import visitAnomalies from './visit-anomalies';
import { createVisitCounter } from './visits';

/** 发布排名: the annual ranking, its exports, snapshots and notice, and the visit counter. */
export default {
  contentTypes: {
    'ranking-snapshot': { schema: rankingSnapshot },
    'site-visit': { schema: siteVisit },
    'visitor-salt': { schema: visitorSalt },
    'visitor-sketch': { schema: visitorSketch },
  },
  controller,
  service,
  snapshots,
  visitAnomalies,
  visits: ({ strapi }: { strapi: Parameters<typeof createVisitCounter>[0] }) =>
    createVisitCounter(strapi),
  routes: { admin: adminRoutes, public: publicRoutes },
};
