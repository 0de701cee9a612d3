import overview from './overview';
import review from './review';
import sites from './sites';

export default {
  admin: {
    type: 'admin',
    routes: [...overview.routes, ...sites.routes, ...review.routes],
  },
};
