import overview from './overview';
import sites from './sites';

export default {
  admin: {
    type: 'admin',
    routes: [...overview.routes, ...sites.routes],
  },
};
