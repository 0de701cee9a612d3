import sites from './sites/content-types';

export default {
  ...sites,
};
