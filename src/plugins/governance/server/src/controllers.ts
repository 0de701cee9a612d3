import overview from './overview';

export default {
  overview: overview.controller,
};
