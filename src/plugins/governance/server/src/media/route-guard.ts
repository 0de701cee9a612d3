import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { siteScope } from '../sites/scope';
import { getService } from '../utils/get-service';
import { addRoutePolicy, adminRoutesOf } from '../utils/route-policies';
import { UPLOAD_FILE } from '../uids';
import { MEDIA_ERRORS } from './messages';

/** What a site-bound user's files and folders are: the folders of their sites, and the roots. */
interface OwnMedia {
  folderIds: Set<number>;
  paths: Set<string>;
  /** Each site's root folder id, by site id. */
  roots: Map<number, number>;
}

type Body = Record<string, unknown>;

const refuse = (message: string): never => {
  throw new errors.PolicyError(message);
};

const ids = (value: unknown): number[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(Number);

/** `fileInfo` as the routes take it: a JSON string, a list of them, or an object. */
const readInfos = (raw: unknown): { infos: Body[]; write: (infos: Body[]) => unknown } => {
  const parse = (item: unknown) => (typeof item === 'string' ? JSON.parse(item) : item) as Body;
  const asString = Array.isArray(raw) ? typeof raw[0] === 'string' : typeof raw === 'string';
  const infos = raw === undefined || raw === null ? [] : [raw].flat().map(parse);
  const one = (info: Body) => (asString ? JSON.stringify(info) : info);
  return {
    infos,
    // As it came (one, or a list), a list once there is more than one.
    write: (list) =>
      list.length === 0
        ? raw
        : Array.isArray(raw) || list.length > 1
          ? list.map(one)
          : one(list[0]),
  };
};

/** How many files a multipart upload carries. */
const filesIn = (ctx: Context) => {
  const files = (ctx.request as { files?: { files?: unknown } }).files?.files;
  return Array.isArray(files) ? files.length : files ? 1 : 0;
};

/**
 * The media library's routes that RBAC conditions do not reach (media/site-folders.ts): the
 * folders, the target folder of an upload or a move, the bulk actions. For a site-bound user,
 * every folder and file a request names must be in their sites' folders; a site's root folder
 * stays where it is; an upload that names no folder goes to the user's site's root (with several
 * sites, one must be chosen). Provincial admins pass as they are. The single-file routes (read,
 * replace, delete, list) are judged by the own-site condition on the file's folder path.
 */
const mediaGuard = (strapi: Core.Strapi) => {
  const ownMedia = async (ctx: Context): Promise<OwnMedia | null> => {
    const user = ctx.state.user as { id: number } | undefined;
    if (!user) return refuse(MEDIA_ERRORS.notYourFolder);
    const scope = await siteScope(strapi, user);
    if (scope.all) return null;
    const folders = getService(strapi, 'siteFolders');
    const [subtree, roots] = await Promise.all([
      folders.ownFolders(scope.siteIds),
      folders.roots(scope.siteIds),
    ]);
    return {
      folderIds: new Set(subtree.map((folder) => folder.id)),
      paths: new Set(subtree.map((folder) => folder.path)),
      roots: new Map([...roots].map(([siteId, root]) => [siteId, root.id])),
    };
  };

  const folderOwn = (own: OwnMedia, folder: unknown) => {
    if (folder === null || folder === undefined || !own.folderIds.has(Number(folder)))
      refuse(MEDIA_ERRORS.notYourFolder);
  };
  const foldersMovable = (own: OwnMedia, folderIds: number[]) => {
    for (const id of folderIds) {
      folderOwn(own, id);
      if ([...own.roots.values()].includes(id)) refuse(MEDIA_ERRORS.siteRootFixed);
    }
  };
  const filesOwn = async (own: OwnMedia, fileIds: number[]) => {
    if (fileIds.length === 0) return;
    const files = (await strapi.db.query(UPLOAD_FILE).findMany({
      where: { id: { $in: fileIds } },
      select: ['id', 'folderPath'],
    })) as Array<{ id: number; folderPath: string | null }>;
    if (
      files.length !== new Set(fileIds).size ||
      !files.every((file) => file.folderPath !== null && own.paths.has(file.folderPath))
    )
      refuse(MEDIA_ERRORS.notYourFile);
  };
  /** A new file's folder: the one named, or the user's only site's root. */
  const uploadFolder = (own: OwnMedia, folder: unknown) => {
    if (folder !== null && folder !== undefined && folder !== '') {
      folderOwn(own, folder);
      return Number(folder);
    }
    if (own.roots.size !== 1) return refuse(MEDIA_ERRORS.chooseSiteFolder);
    return [...own.roots.values()][0];
  };

  const body = (ctx: Context) => (ctx.request.body ?? {}) as Body;

  /** Per route (method and path as the upload plugin declares them): what is checked. */
  const checks: Record<string, (ctx: Context, own: OwnMedia) => Promise<void> | void> = {
    // Upload (new files, or with `?id` a replacement or new details of one file).
    'POST /': (ctx, own) => {
      const { infos, write } = readInfos(body(ctx).fileInfo);
      const replacing = ctx.request.query.id !== undefined;
      // Every new file its details, so none is stored without a folder (the library's root).
      if (!replacing) while (infos.length < Math.max(filesIn(ctx), 1)) infos.push({});
      for (const info of infos) {
        if (!replacing) info.folder = uploadFolder(own, info.folder);
        else if ('folder' in info) folderOwn(own, info.folder);
      }
      body(ctx).fileInfo = write(infos);
    },
    'POST /files': (ctx, own) => {
      const { infos, write } = readInfos(body(ctx).fileInfo);
      while (infos.length < Math.max(filesIn(ctx), 1)) infos.push({});
      for (const info of infos) info.folder = uploadFolder(own, info.folder);
      body(ctx).fileInfo = write(infos);
    },
    'POST /actions/upload-from-urls': (ctx, own) => {
      body(ctx).folderId = uploadFolder(own, body(ctx).folderId);
    },
    'PUT /files/:id': (ctx, own) => {
      const { infos } = readInfos(body(ctx).fileInfo);
      for (const info of infos) if ('folder' in info) folderOwn(own, info.folder);
    },
    'POST /actions/bulk-update': (ctx, own) => {
      const updates = (body(ctx).updates ?? []) as Array<{ fileInfo?: Body }>;
      for (const { fileInfo } of updates)
        if (fileInfo && 'folder' in fileInfo) folderOwn(own, fileInfo.folder);
    },
    'GET /folders': (ctx, own) => {
      // The parsed query object itself: a policy's context is a copy of the request's.
      const query = ctx.request.query as Body;
      const onlyOwn = { id: { $in: [...own.folderIds].map(String) } };
      query.filters = query.filters ? { $and: [query.filters, onlyOwn] } : onlyOwn;
    },
    'GET /folders/:id': (ctx, own) => folderOwn(own, ctx.params.id),
    'POST /folders': (ctx, own) => folderOwn(own, body(ctx).parent),
    'PUT /folders/:id': (ctx, own) => {
      foldersMovable(own, [Number(ctx.params.id)]);
      if ('parent' in body(ctx)) folderOwn(own, body(ctx).parent);
    },
    'POST /actions/bulk-delete': async (ctx, own) => {
      foldersMovable(own, ids(body(ctx).folderIds));
      await filesOwn(own, ids(body(ctx).fileIds));
    },
    'POST /actions/bulk-move': async (ctx, own) => {
      foldersMovable(own, ids(body(ctx).folderIds));
      await filesOwn(own, ids(body(ctx).fileIds));
      folderOwn(own, body(ctx).destinationFolderId);
    },
    // The group's image settings (size optimisation, orientation, formats): the province's.
    'PUT /settings': () => refuse(MEDIA_ERRORS.groupWideOnly),
    // Metadata written by a model for any file named: group-wide only (and off: config/admin.ts).
    'POST /actions/generate-ai-metadata': () => refuse(MEDIA_ERRORS.groupWideOnly),
    'POST /ai-metadata-jobs': () => refuse(MEDIA_ERRORS.groupWideOnly),
  };

  const policy = async (ctx: Context, route: string) => {
    const check = checks[route];
    if (!check) return refuse(MEDIA_ERRORS.notYourFolder);
    const own = await ownMedia(ctx);
    if (own) await check(ctx, own);
    return true;
  };

  /** The folder tree (the pickers' and the library's): only the user's sites' folders. */
  const ownStructure = async (ctx: Context, next: Next) => {
    await next();
    const own = await ownMedia(ctx);
    const data = (ctx.body as { data?: Array<{ id: number }> } | undefined)?.data;
    if (own && Array.isArray(data))
      ctx.body = { data: data.filter((folder) => [...own.roots.values()].includes(folder.id)) };
  };

  return { checks, policy, ownStructure };
};

const guards = new WeakMap<Core.Strapi, ReturnType<typeof mediaGuard>>();
const guardOf = (strapi: Core.Strapi) => {
  if (!guards.has(strapi)) guards.set(strapi, mediaGuard(strapi));
  return guards.get(strapi)!;
};

/** Policy `plugin::governance.site-media` (policies.ts): the checks above, for its route. */
export const siteMedia = async (
  ctx: Context,
  config: { route: string },
  { strapi }: { strapi: Core.Strapi }
) => guardOf(strapi).policy(ctx, config.route);

/** Puts the guard on the upload plugin's routes when the plugin registers. */
export const guardMediaRoutes = (strapi: Core.Strapi) => {
  const guard = guardOf(strapi);
  for (const key of Object.keys(guard.checks)) {
    const [method, path] = key.split(' ');
    addRoutePolicy(
      strapi,
      { owner: 'upload', method, path },
      { name: 'plugin::governance.site-media', config: { route: key } },
      'media/route-guard.ts'
    );
  }
  const structure = adminRoutesOf(strapi, 'upload').find(
    (route) => route.method === 'GET' && route.path === '/folder-structure'
  );
  if (!structure)
    throw new Error(
      'governance: upload has no GET /folder-structure to guard; review media/route-guard.ts'
    );
  structure.config = {
    ...structure.config,
    middlewares: [...(structure.config?.middlewares ?? []), guard.ownStructure],
  };
};
