import type { Core } from '@strapi/strapi';

/**
 * The two API tokens Strapi makes on a fresh installation ("Read Only" and "Full Access", with
 * no expiry). A government site's content API should be reached only with tokens someone made
 * on purpose, named and dated, never with a full-access key nobody asked for; so they are
 * removed while they are still Strapi's untouched, unused defaults. One in use stays (something
 * depends on it), with a warning in the log.
 */
const STRAPI_DEFAULTS = [
  {
    name: 'Read Only',
    description:
      'A default API token with read-only permissions, only used for accessing resources',
  },
  {
    name: 'Full Access',
    description:
      'A default API token with full access permissions, used for accessing or modifying resources',
  },
];

export const removeStrapiDefaultTokens = async (strapi: Core.Strapi) => {
  const tokens = (await strapi.db.query('admin::api-token').findMany({
    where: { $or: STRAPI_DEFAULTS },
    select: ['id', 'name', 'lastUsedAt'],
  })) as Array<{ id: number; name: string; lastUsedAt: string | null }>;
  for (const token of tokens) {
    if (token.lastUsedAt) {
      strapi.log.warn(
        `governance: Strapi's default API token "${token.name}" is in use; replace it with a token of its own and delete it`
      );
      continue;
    }
    await strapi.service('admin::api-token-content-api').revoke(token.id);
  }
  return tokens.filter((token) => !token.lastUsedAt).length;
};
