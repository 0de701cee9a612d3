import type { Core } from '@strapi/strapi';

type Policy = string | { name: string; config: Record<string, unknown> };
type Route = { method: string; path: string; config?: { policies?: unknown[] } };
type RouteGroups = Record<string, { type?: string; routes: Route[] }>;

/** A route of Strapi's admin (`admin`) or of a plugin, by method and path as it declares them. */
export interface RouteTarget {
  owner: string;
  method: string;
  path: string;
}

/**
 * Appends a policy of ours to another module's admin route, after its own authentication and
 * permission checks. Called when the plugin registers, before Strapi mounts the routes; a route
 * that is not found stops the boot, so an upgrade that renames one cannot silently unguard it.
 */
export const addRoutePolicy = (strapi: Core.Strapi, target: RouteTarget, policy: Policy, reviewFile: string) => {
  const groups = (target.owner === 'admin' ? strapi.admin?.routes : strapi.plugin(target.owner).routes) as RouteGroups | undefined;
  const route = Object.values(groups ?? {})
    .filter((group) => (group.type ?? 'admin') === 'admin')
    .flatMap((group) => group.routes)
    .find((r) => r.method === target.method && r.path === target.path);
  if (!route) throw new Error(`governance: ${target.owner} has no ${target.method} ${target.path} to guard; review ${reviewFile}`);
  route.config = { ...route.config, policies: [...(route.config?.policies ?? []), policy] };
};
