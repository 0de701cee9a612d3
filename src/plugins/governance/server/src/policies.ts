import { superAdminAccounts } from './passwords/super-admins';
import { groupWideOnly } from './sites/route-guard';

export default {
  'group-wide-only': groupWideOnly,
  'super-admin-accounts': superAdminAccounts,
};
