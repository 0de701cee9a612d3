import overview from './overview';
import sites from './sites';

export default {
  overview: overview.service,
  sites: sites.service,
};
