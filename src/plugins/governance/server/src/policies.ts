import { groupWideOnly } from './sites/route-guard';

export default {
  'group-wide-only': groupWideOnly,
};
