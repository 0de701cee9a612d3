import { errors } from '@strapi/utils';

/**
 * What anyone may do through the content API without a token. Citizens have no accounts, so
 * instead of the users-permissions plugin (its register and login routes would be open doors)
 * anonymous callers get exactly these scopes, declared here where a reviewer can read them.
 */
export const PUBLIC_SCOPES = new Set([
  'api::site.site.find',
  'api::site.site.findOne',
  'api::article.article.find',
  'api::article.article.findOne',
  // Citizens write to a site, look their message up by its query code and rate its answer, read published replies.
  'plugin::governance.replies.submit',
  'plugin::governance.replies.lookup',
  'plugin::governance.replies.rate',
  'plugin::governance.replies.publicReplies',
  // The sites' pages count their visits.
  'plugin::governance.rankings.visit',
]);

type Scope = string | string[] | undefined;

const isPublic = (scope: Scope) => {
  const scopes = Array.isArray(scope) ? scope : scope ? [scope] : [];
  return scopes.length > 0 && scopes.some((s) => PUBLIC_SCOPES.has(s));
};

/**
 * A content-API auth strategy for callers without an Authorization header. Strapi also calls
 * `verify` for every relation a query filters or populates by (`<target>.find`), so relations
 * to non-public types stay closed.
 */
export const publicAccessStrategy = {
  name: 'public-access',

  authenticate(ctx: { request: { header: Record<string, unknown> } }) {
    // A caller that sends a token is judged by the API-token strategy, never downgraded to public.
    if (ctx.request.header.authorization) return { authenticated: false };
    return { authenticated: true, credentials: null };
  },

  verify(_auth: unknown, config: { scope?: Scope } = {}) {
    if (!isPublic(config.scope)) {
      throw new errors.ForbiddenError();
    }
  },
};
