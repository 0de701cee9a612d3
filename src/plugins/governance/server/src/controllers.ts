import overview from './overview';
import sites from './sites';

export default {
  overview: overview.controller,
  sites: sites.controller,
};
