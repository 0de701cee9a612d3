import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ADMIN_USER, SITE_MEMBERSHIP } from '../uids';
import type { AccountRow } from '../passwords/accounts';
import type { AdminUser } from '../utils/document-middleware';
import { forbidden } from '../utils/forbidden';

/** Roles whose holders work across the whole group: no site condition applies to them. */
export const UNRESTRICTED_ROLE_CODES = ['strapi-super-admin', 'governance-provincial-admin'];

export type SiteScope = { all: true } | { all: false; siteIds: number[] };

/**
 * The sites a user may see and change: every site for a provincial admin, otherwise the sites
 * they are a member of. The one helper every admin route and rule of the plugin uses.
 */
export const siteScope = async (strapi: Core.Strapi, user: AdminUser): Promise<SiteScope> => {
  // One lookup per request: the RBAC condition runs once per permission, the middleware per call.
  const state = strapi.requestContext.get()?.state as
    { siteScope?: { userId: number; scope: Promise<SiteScope> } } | undefined;
  if (state?.siteScope?.userId === user.id) return state.siteScope.scope;
  const scope = computeScope(strapi, user);
  if (state) state.siteScope = { userId: user.id, scope };
  return scope;
};

const computeScope = async (strapi: Core.Strapi, user: AdminUser): Promise<SiteScope> => {
  const roles =
    user.roles ??
    (await strapi.db.query(ADMIN_USER).findOne({ where: { id: user.id }, populate: ['roles'] }))
      ?.roles ??
    [];
  if (roles.some((role: { code: string }) => UNRESTRICTED_ROLE_CODES.includes(role.code))) {
    return { all: true };
  }
  const memberships = await strapi.db.query(SITE_MEMBERSHIP).findMany({
    where: { user: { id: user.id } },
    populate: { site: { select: ['id'] } },
  });
  const siteIds = [
    ...new Set(
      memberships
        .map((m: { site?: { id: number } }) => m.site?.id)
        .filter((id): id is number => typeof id === 'number')
    ),
  ];
  return { all: false, siteIds };
};

/** The sites the user is a member of, in any capacity or in the ones given. */
const memberSites = async (strapi: Core.Strapi, userId: number, capacities?: string[]) => {
  const memberships = (await strapi.db.query(SITE_MEMBERSHIP).findMany({
    where: { user: { id: userId }, ...(capacities ? { capacity: { $in: capacities } } : {}) },
    populate: { site: { select: ['id', 'documentId'] } },
  })) as Array<{ site?: { id: number; documentId: string } | null }>;
  return memberships.flatMap((m) => (m.site ? [m.site] : []));
};

/** The document ids of the sites the user is a member of, in any capacity or in the ones given. */
export const memberSiteDocumentIds = async (
  strapi: Core.Strapi,
  userId: number,
  capacities?: string[]
): Promise<Set<string>> =>
  new Set((await memberSites(strapi, userId, capacities)).map((site) => site.documentId));

/** The ids of the sites the user is a member of, in any capacity. */
export const memberSiteIds = async (strapi: Core.Strapi, userId: number): Promise<number[]> => [
  ...new Set((await memberSites(strapi, userId)).map((site) => site.id)),
];

/** A site leader as a notice names and e-mails them. */
export type SiteLeader = Pick<AccountRow, 'firstname' | 'lastname' | 'email'>;

/** Each site's active leaders (第一责任人: its `leader` members), by site document id. */
export const siteLeaders = async (
  strapi: Core.Strapi,
  siteDocumentIds: string[]
): Promise<Map<string, SiteLeader[]>> => {
  const rows = (await strapi.db.query(SITE_MEMBERSHIP).findMany({
    where: { capacity: 'leader', site: { documentId: { $in: siteDocumentIds } } },
    populate: {
      user: { select: ['firstname', 'lastname', 'email', 'isActive'] },
      site: { select: ['documentId'] },
    },
  })) as Array<{
    user: (SiteLeader & { isActive: boolean }) | null;
    site: { documentId: string } | null;
  }>;
  const bySite = new Map<string, SiteLeader[]>();
  for (const { user, site } of rows) {
    if (!user?.isActive || !site) continue;
    bySite.set(site.documentId, [
      ...(bySite.get(site.documentId) ?? []),
      { firstname: user.firstname, lastname: user.lastname, email: user.email },
    ]);
  }
  return bySite;
};

/**
 * The sites a route's caller works on by its RBAC actions: every site with `everySite`; their own
 * with `ownSites` (none for a group-wide user holding only that); else a 403 saying `refusal`.
 */
export const scopeByActions = async (
  strapi: Core.Strapi,
  ctx: Context,
  actions: { everySite: string; ownSites: string; refusal: string }
): Promise<SiteScope> => {
  const can = (action: string) => Boolean(ctx.state.userAbility?.can(action));
  if (can(actions.everySite)) return { all: true };
  if (!can(actions.ownSites)) throw forbidden(actions.refusal);
  const scope = await siteScope(strapi, ctx.state.user);
  return scope.all ? { all: false, siteIds: [] } : scope;
};
