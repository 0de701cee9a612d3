import type { Core } from '@strapi/strapi';
import { siteScope } from './scope';
import { isSiteKeyed } from './site-key';
import { SITE } from '../uids';
import { getService } from '../utils/get-service';

export const OWN_SITE_CONDITION = 'plugin::governance.own-site';

/**
 * The RBAC condition "在本人所属站点内": a permission holds only for documents of the user's own
 * sites (for sites themselves: only those sites). Strapi evaluates it on every request, so a
 * membership change applies at once. The admin passes the user with the permission merged in.
 *
 * Articles and messages are judged by their site key (site-key.ts), a column of the row: the
 * Content Manager's list needs no join through the link table, and a single document is judged
 * on the row as Strapi read it. Files by the folder they are in. Any other type a role gives
 * the condition to, by its relation.
 */
export const ownSiteCondition = (strapi: Core.Strapi) => ({
  displayName: '在本人所属站点内 (own sites only)',
  name: 'own-site',
  plugin: 'governance',
  async handler(user: {
    id: number;
    roles?: Array<{ code: string }>;
    permission?: { subject?: string | null; action?: string };
  }) {
    // Read before awaiting: the engine merges each permission into this same user object.
    const subject = user.permission?.subject;
    const action = user.permission?.action;
    const scope = await siteScope(strapi, user);
    if (scope.all) return true;
    // Files are the sites' by their folder (media/site-folders.ts); `$in`, which both the list's
    // filter and the check of one file understand (a prefix match neither does).
    if (action?.startsWith('plugin::upload.')) {
      const folders = await getService(strapi, 'siteFolders').ownFolders(scope.siteIds);
      return { folderPath: { $in: folders.map((folder) => folder.path) } };
    }
    if (subject === SITE) return { id: { $in: scope.siteIds } };
    if (subject && isSiteKeyed(subject)) return { siteKey: { $in: scope.siteIds } };
    return { 'site.id': { $in: scope.siteIds } };
  },
});
