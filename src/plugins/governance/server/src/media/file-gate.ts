import type { Core } from '@strapi/strapi';
import contentDisposition from 'content-disposition';
import type { Context, Next } from 'koa';
import { getService } from '../utils/get-service';
import { UPLOAD_FILE } from '../uids';
import { FILE_PASS_COOKIE, filePasses } from './file-pass';

const UPLOADS = '/uploads/';
const NOT_FOUND = '找不到该文件：文件不存在，或所在的文章尚未发布。';
/**
 * A file is data, never a page: nothing in it runs, even an HTML or SVG file that got past the
 * upload checks (media/file-safety.ts), and the browser does not guess another type.
 */
const FILE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

interface GateFile {
  id: number;
  name: string;
  url: string;
  mime: string;
  folderPath: string | null;
  formats: Record<string, { url?: string }> | null;
}

/**
 * 先审后发 for files (docs/media.md): in front of the upload plugin's `/uploads`, a file answers
 * the public only while a published article uses it (media/published-files.ts). Staff of its
 * site open it with their file pass (media/file-pass.ts) whatever its state; anything else is
 * 404, alike for a file that is not online and one that does not exist, so that guessing a URL
 * tells nothing. Every file answered is sent as data: a download under its Chinese name unless
 * it is an image, sandboxed, its type not to be sniffed.
 */
export const fileGate = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const passes = filePasses(strapi);
  /** Format prefixes of image variants: `thumbnail_`, and one per configured breakpoint. */
  const formatPrefixes = () => [
    'thumbnail',
    ...Object.keys((strapi.config.get('plugin::upload.breakpoints') as object | undefined) ?? {}),
  ];

  /** The library file a path under /uploads is, itself or one of its formats (by the url index). */
  const fileAt = async (path: string): Promise<GateFile | null> => {
    const name = path.slice(UPLOADS.length);
    const candidates = [
      path,
      ...formatPrefixes()
        .filter((prefix) => name.startsWith(`${prefix}_`))
        .map((prefix) => `${UPLOADS}${name.slice(prefix.length + 1)}`),
    ];
    const files = (await strapi.db.query(UPLOAD_FILE).findMany({
      where: { url: { $in: candidates } },
      select: ['id', 'name', 'url', 'mime', 'folderPath', 'formats'],
    })) as GateFile[];
    return (
      files.find(
        (file) =>
          file.url === path ||
          Object.values(file.formats ?? {}).some((format) => format?.url === path)
      ) ?? null
    );
  };

  const staffMayOpen = (ctx: Context, file: GateFile) => {
    const pass = passes.read(ctx.cookies.get(FILE_PASS_COOKIE));
    if (!pass) return false;
    if (pass.folderPaths === null) return true;
    const folder = file.folderPath;
    return (
      folder !== null &&
      pass.folderPaths.some((root) => folder === root || folder.startsWith(`${root}/`))
    );
  };

  return async (ctx: Context, next: Next) => {
    if (!['GET', 'HEAD'].includes(ctx.method) || !ctx.path.startsWith(UPLOADS)) return next();
    let path: string;
    try {
      path = decodeURIComponent(ctx.path);
    } catch {
      path = '';
    }
    const file = path ? await fileAt(path) : null;
    const online = file ? await getService(strapi, 'publishedFiles').isPublic(file.id) : false;
    if (!file || (!online && !staffMayOpen(ctx, file))) {
      ctx.status = 404;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = NOT_FOUND;
      return;
    }
    await next();
    if (ctx.status !== 200 && ctx.status !== 206 && ctx.status !== 304) return;
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', FILE_POLICY);
    ctx.set(
      'Content-Disposition',
      contentDisposition(file.name, {
        type: file.mime.startsWith('image/') ? 'inline' : 'attachment',
      })
    );
    // Online: any cache may keep it, asking again before reuse (an unpublished file must stop
    // answering). Not online: only the staff member's own browser, for this visit.
    ctx.set('Cache-Control', online ? 'public, no-cache' : 'private, no-store');
  };
};
