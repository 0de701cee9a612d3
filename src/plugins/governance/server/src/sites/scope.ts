import type { Core } from '@strapi/strapi';

/** Roles whose holders work across the whole group: no site condition applies to them. */
export const UNRESTRICTED_ROLE_CODES = ['strapi-super-admin', 'governance-provincial-admin'];

export const MEMBERSHIP = 'plugin::governance.site-membership';

export type SiteScope = { all: true } | { all: false; siteIds: number[] };

interface AdminUser {
  id: number;
  roles?: Array<{ code: string }>;
}

/**
 * The sites a user may see and change: every site for a provincial admin, otherwise the sites
 * they are a member of. The one helper every admin route and rule of the plugin uses.
 */
export const siteScope = async (strapi: Core.Strapi, user: AdminUser): Promise<SiteScope> => {
  // One lookup per request: the RBAC condition runs once per permission, the middleware per call.
  const state = strapi.requestContext.get()?.state as { siteScope?: { userId: number; scope: Promise<SiteScope> } } | undefined;
  if (state?.siteScope?.userId === user.id) return state.siteScope.scope;
  const scope = computeScope(strapi, user);
  if (state) state.siteScope = { userId: user.id, scope };
  return scope;
};

const computeScope = async (strapi: Core.Strapi, user: AdminUser): Promise<SiteScope> => {
  const roles = user.roles ?? (await strapi.db.query('admin::user').findOne({ where: { id: user.id }, populate: ['roles'] }))?.roles ?? [];
  if (roles.some((role: { code: string }) => UNRESTRICTED_ROLE_CODES.includes(role.code))) {
    return { all: true };
  }
  const memberships = await strapi.db.query(MEMBERSHIP).findMany({
    where: { user: { id: user.id } },
    populate: { site: { select: ['id'] } },
  });
  const siteIds = [...new Set(memberships.map((m: { site?: { id: number } }) => m.site?.id).filter((id): id is number => typeof id === 'number'))];
  return { all: false, siteIds };
};
