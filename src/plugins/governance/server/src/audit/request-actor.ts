import type { Core } from '@strapi/strapi';
import { adminUserOfRequest } from '../utils/document-middleware';
import type { AuditActor } from './sentence';

/**
 * Who is behind the current request, for the one kind of act that learns its actor from nowhere
 * else: a Document Service write (publishing from the Content Manager, a REST call, a release).
 * An admin user; an API token, by its name; else the system (a scheduled release, a script).
 * Services acting for a known user pass that user to `record` instead.
 */
export const requestActor = (strapi: Core.Strapi): AuditActor => {
  const user = adminUserOfRequest(strapi);
  if (user) return user;
  const auth = (
    strapi.requestContext.get()?.state as
      | { auth?: { strategy?: { name?: string }; credentials?: { name?: string } | null } }
      | undefined
  )?.auth;
  if (auth?.strategy?.name === 'api-token' && auth.credentials?.name)
    return { id: null, name: `API 令牌“${auth.credentials.name}”` };
  return 'system';
};
