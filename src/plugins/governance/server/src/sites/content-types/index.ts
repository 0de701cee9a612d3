import schema from './site-membership/schema.json';

export default {
  'site-membership': { schema },
};
