import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import {
  validateDecline,
  validateId,
  validateListQuery,
  validateSubmit,
  validateTargetsQuery,
} from './validation';

/** 信息报送 over HTTP. */
const submissionsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'submissions');
  const idOf = async (ctx: Context) => (await validateId(ctx.params)).id;
  return {
    async targets(ctx: Context) {
      const { article } = await validateTargetsQuery(ctx.query);
      ctx.body = { data: await service().targets(article, ctx.state.user) };
    },
    async submit(ctx: Context) {
      const input = await validateSubmit(ctx.request.body ?? {});
      ctx.status = 201;
      ctx.body = {
        data: await service().submit({ ...input, note: input.note || null }, ctx.state.user),
      };
    },
    async withdraw(ctx: Context) {
      ctx.body = { data: await service().withdraw(await idOf(ctx), ctx.state.user) };
    },
    async adopt(ctx: Context) {
      ctx.body = { data: await service().adopt(await idOf(ctx), ctx.state.user) };
    },
    async decline(ctx: Context) {
      const { reason } = await validateDecline(ctx.request.body ?? {});
      ctx.body = { data: await service().decline(await idOf(ctx), reason, ctx.state.user) };
    },
    async incoming(ctx: Context) {
      ctx.body = await service().incoming(await validateListQuery(ctx.query), ctx.state.user);
    },
    async outgoing(ctx: Context) {
      ctx.body = await service().outgoing(await validateListQuery(ctx.query), ctx.state.user);
    },
  };
};

export default submissionsController;
