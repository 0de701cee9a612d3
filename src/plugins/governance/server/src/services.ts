import overview from './overview';
import sites from './sites/service';

export default {
  overview: overview.service,
  sites,
};
