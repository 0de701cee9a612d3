import type { Core } from '@strapi/strapi';

/** The admin user behind the current request, for admin-panel routes only (session or token). */
export interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string;
  roles?: Array<{ code: string }>;
}

/**
 * The admin user behind the current request, for any admin-panel route (session or admin
 * token). Public content-API requests, scripts and jobs carry no admin user.
 */
export const adminUserOfRequest = (strapi: Core.Strapi): AdminUser | undefined => {
  const state = strapi.requestContext.get()?.state as
    { route?: { info?: { type?: string } }; user?: AdminUser } | undefined;
  return state?.route?.info?.type === 'admin' ? state.user : undefined;
};

/** The document a Document Service action worked on: from its result, else from its params. */
export const documentIdOf = (
  result: unknown,
  params: { documentId?: string }
): string | undefined =>
  result && typeof result === 'object' && 'documentId' in result
    ? String(result.documentId)
    : params.documentId;
