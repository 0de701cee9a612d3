import { notInternal } from './internal-records';
import { superAdminAccounts } from './passwords/super-admins';
import { groupWideOnly } from './sites/route-guard';
import { siteMedia } from './media/route-guard';

export default {
  'group-wide-only': groupWideOnly,
  'not-internal': notInternal,
  'super-admin-accounts': superAdminAccounts,
  'site-media': siteMedia,
};
