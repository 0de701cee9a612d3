import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { siteScope } from './scope';
import { validateAddMember, validateUserQuery } from './validation';

const sitesController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async tree(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'sites').tree(await siteScope(strapi, ctx.state.user)),
    };
  },

  async users(ctx: Context) {
    const { q } = await validateUserQuery(ctx.query);
    ctx.body = { data: await getService(strapi, 'sites').findUsers(q ?? '') };
  },

  async addMember(ctx: Context) {
    const { userId, capacity } = await validateAddMember(ctx.request.body);
    const scope = await siteScope(strapi, ctx.state.user);
    const membership = await getService(strapi, 'sites').addMember(
      { userId, capacity, siteDocumentId: ctx.params.documentId },
      { actor: ctx.state.user, scope }
    );
    ctx.status = 201;
    ctx.body = { data: { id: membership.id } };
  },

  async removeMember(ctx: Context) {
    const id = Number(ctx.params.id);
    if (!Number.isInteger(id) || id <= 0)
      return ctx.badRequest('成员关系编号无效 (invalid membership id)');
    await getService(strapi, 'sites').removeMember(id, {
      actor: ctx.state.user,
      scope: await siteScope(strapi, ctx.state.user),
    });
    ctx.status = 204;
  },
});

export default sitesController;
