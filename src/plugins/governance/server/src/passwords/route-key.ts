interface RouteState {
  route?: { handler?: unknown; info?: { pluginName?: string; type?: string } };
  user?: { id: number };
}

export type { RouteState };

/** `admin:authenticated-user.updateMe` and the like: which route a request is on. */
export const routeKey = (state: RouteState) =>
  typeof state.route?.handler === 'string'
    ? `${state.route.info?.pluginName ?? 'admin'}:${state.route.handler}`
    : null;
