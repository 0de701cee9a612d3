import type { Core } from '@strapi/strapi';
import { SITE, SITE_FOLDER, UPLOAD_FOLDER } from '../uids';

interface FolderRow {
  id: number;
  path: string;
}

/**
 * Each site's files live under a root folder of its own in the media library, named after the
 * site: a file belongs to the site whose root its folder path starts with. The mapping is kept
 * here (the upload plugin's folders have no field for it), made for every site at start-up and
 * for each new site as it is created.
 */
const siteFolders = ({ strapi }: { strapi: Core.Strapi }) => {
  const folders = () => strapi.db.query(UPLOAD_FOLDER);

  const folderName = (site: { name: string; code: string }) => `${site.name}（${site.code}）`;

  const service = {
    /** The root folder of `site`, made when it has none (or its folder was deleted). */
    async ensure(site: { id: number; name: string; code: string }) {
      const mapping = (await strapi.db
        .query(SITE_FOLDER)
        .findOne({ where: { siteId: site.id }, select: ['id', 'folderId'] })) as {
        id: number;
        folderId: number;
      } | null;
      if (mapping) {
        const folder = await folders().findOne({ where: { id: mapping.folderId }, select: ['id'] });
        if (folder) return mapping.folderId;
        await strapi.db.query(SITE_FOLDER).delete({ where: { id: mapping.id } });
      }
      const folder = (await strapi
        .plugin('upload')
        .service('folder')
        .create({ name: folderName(site), parent: null })) as FolderRow;
      await strapi.db.query(SITE_FOLDER).create({ data: { siteId: site.id, folderId: folder.id } });
      return folder.id;
    },

    /** Every site its root folder (start-up): the sites made before this rule, or by SQL. */
    async ensureAll() {
      const sites = (await strapi.db
        .query(SITE)
        .findMany({ select: ['id', 'name', 'code'] })) as Array<{
        id: number;
        name: string;
        code: string;
      }>;
      for (const site of sites) await service.ensure(site);
    },

    /** A new site gets its folder in the transaction that creates it, whichever way it came. */
    subscribe() {
      strapi.db.lifecycles.subscribe({
        models: [SITE],
        async afterCreate(event) {
          const site = (event as unknown as { result?: { id: number; name: string; code: string } })
            .result;
          if (site?.id) await service.ensure(site);
        },
      });
    },

    /** The root folders of `siteIds`, by site id. */
    async roots(siteIds: number[]) {
      if (siteIds.length === 0) return new Map<number, FolderRow>();
      const mappings = (await strapi.db.query(SITE_FOLDER).findMany({
        where: { siteId: { $in: siteIds } },
        select: ['siteId', 'folderId'],
      })) as Array<{ siteId: number; folderId: number }>;
      const rows = (await folders().findMany({
        where: { id: { $in: mappings.map((m) => m.folderId) } },
        select: ['id', 'path'],
      })) as FolderRow[];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return new Map(
        mappings.flatMap((m) => (byId.has(m.folderId) ? [[m.siteId, byId.get(m.folderId)!]] : []))
      );
    },

    /**
     * The folders of `siteIds`: their roots and everything below them (a folder's path is its
     * parents' ids, `/3/7`). Files carry their folder's path, so a file is the sites' when its
     * `folderPath` is one of these.
     */
    async subtree(siteIds: number[]): Promise<FolderRow[]> {
      const roots = [...(await service.roots(siteIds)).values()];
      if (roots.length === 0) return [];
      return (await folders().findMany({
        where: {
          $or: roots.flatMap((root) => [
            { path: root.path },
            { path: { $startsWith: `${root.path}/` } },
          ]),
        },
        select: ['id', 'path'],
      })) as FolderRow[];
    },

    /**
     * `subtree` once per request: the RBAC condition asks for it once per upload permission, and
     * the route guard again.
     */
    async ownFolders(siteIds: number[]): Promise<FolderRow[]> {
      const state = strapi.requestContext.get()?.state as
        { siteFolders?: { key: string; folders: Promise<FolderRow[]> } } | undefined;
      const key = siteIds.join(',');
      if (state?.siteFolders?.key === key) return state.siteFolders.folders;
      const folders = service.subtree(siteIds);
      if (state) state.siteFolders = { key, folders };
      return folders;
    },
  };
  return service;
};

export default siteFolders;
