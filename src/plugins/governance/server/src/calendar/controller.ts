import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';

/** 节假日安排 over HTTP; the service checks every input. */
const calendarController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'calendar');
  return {
    async overview(ctx: Context) {
      ctx.body = { data: await service().overview() };
    },
    async status(ctx: Context) {
      ctx.body = { data: service().status() };
    },
    async parse(ctx: Context) {
      const body = (ctx.request.body ?? {}) as { year?: unknown; text?: unknown };
      ctx.body = { data: service().parse(body.year, body.text) };
    },
    async save(ctx: Context) {
      ctx.body = {
        data: await service().save(ctx.params.year, ctx.request.body ?? {}, ctx.state.user),
      };
    },
  };
};

export default calendarController;
