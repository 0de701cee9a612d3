import type { Core } from '@strapi/strapi';

type Policy = string | { name: string; config: Record<string, unknown> };
export type Route = {
  method: string;
  path: string;
  config?: { policies?: unknown[]; middlewares?: unknown[] };
};
type RouteGroups = Record<string, { type?: string; routes: Route[] }>;

/** A route of Strapi's admin (`admin`) or of a plugin, by method and path as it declares them. */
export interface RouteTarget {
  owner: string;
  method: string;
  path: string;
}

/** The admin routes of Strapi's admin (`admin`) or of a plugin, as declared, before Strapi mounts them. */
export const adminRoutesOf = (strapi: Core.Strapi, owner: string): Route[] => {
  const groups = (owner === 'admin' ? strapi.admin?.routes : strapi.plugin(owner).routes) as
    RouteGroups | undefined;
  return Object.values(groups ?? {})
    .filter((group) => (group.type ?? 'admin') === 'admin')
    .flatMap((group) => group.routes);
};

/** Appends a policy of ours after a route's own authentication and permission checks. */
export const appendPolicy = (route: Route, policy: Policy) => {
  route.config = { ...route.config, policies: [...(route.config?.policies ?? []), policy] };
};

/**
 * Appends a policy of ours to another module's admin route. Called when the plugin registers;
 * a route that is not found stops the boot, so an upgrade that renames one cannot silently
 * unguard it.
 */
export const addRoutePolicy = (
  strapi: Core.Strapi,
  target: RouteTarget,
  policy: Policy,
  reviewFile: string
) => {
  const route = adminRoutesOf(strapi, target.owner).find(
    (r) => r.method === target.method && r.path === target.path
  );
  if (!route)
    throw new Error(
      `governance: ${target.owner} has no ${target.method} ${target.path} to guard; review ${reviewFile}`
    );
  appendPolicy(route, policy);
};
