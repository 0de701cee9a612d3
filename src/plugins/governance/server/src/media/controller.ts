import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { siteScope } from '../sites/scope';
import { getService } from '../utils/get-service';
import { FILE_PASS_COOKIE, FILE_PASS_MINUTES, filePasses } from './file-pass';

/** The media concern over HTTP: the staff's pass to their sites' files not yet online. */
const mediaController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * A cookie for `/uploads` only (HttpOnly, SameSite=Strict): the admin's images and downloads
   * of files not yet online carry it, as `<img>` and links cannot send the admin's token.
   */
  async pass(ctx: Context) {
    const user = ctx.state.user as { id: number };
    const scope = await siteScope(strapi, user);
    const roots = scope.all ? null : await getService(strapi, 'siteFolders').roots(scope.siteIds);
    const token = filePasses(strapi).issue({
      userId: user.id,
      folderPaths: roots ? [...roots.values()].map((folder) => folder.path) : null,
    });
    ctx.cookies.set(FILE_PASS_COOKIE, token, {
      path: '/uploads',
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.secure,
      maxAge: FILE_PASS_MINUTES * 60 * 1000,
      overwrite: true,
    });
    ctx.body = { data: { minutes: FILE_PASS_MINUTES } };
  },
});

export default mediaController;
