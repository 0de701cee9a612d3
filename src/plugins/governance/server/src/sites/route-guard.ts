import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { addRoutePolicy } from '../utils/route-policies';
import { siteScope } from './scope';

/**
 * Routes of other plugins that count or list across all sites with raw SQL, ignoring RBAC
 * conditions and the Document Service. Site-bound users are refused them; provincial admins
 * keep them. Checked when the plugin registers, so an upgrade that renames one stops the boot.
 */
const CROSS_SITE_ROUTES: Array<{ plugin: string; method: string; path: string }> = [
  // The home page's "entries" widget counts every readable content type with knex.
  { plugin: 'content-manager', method: 'GET', path: '/homepage/count-documents' },
];

/** Policy `plugin::governance.group-wide-only`: refuses users bound to sites. */
export const groupWideOnly = async (
  ctx: { state: { user?: { id: number } } },
  _config: unknown,
  { strapi }: { strapi: Core.Strapi }
) => {
  const user = ctx.state.user;
  if (!user) return false;
  const scope = await siteScope(strapi, user);
  if (!scope.all)
    throw new errors.PolicyError(
      '此统计涵盖全部站点，仅省厅管理员可见 (group-wide figures: provincial admins only)'
    );
  return true;
};

export const guardCrossSiteRoutes = (strapi: Core.Strapi) => {
  for (const { plugin, method, path } of CROSS_SITE_ROUTES) {
    addRoutePolicy(
      strapi,
      { owner: plugin, method, path },
      'plugin::governance.group-wide-only',
      'sites/route-guard.ts'
    );
  }
};
