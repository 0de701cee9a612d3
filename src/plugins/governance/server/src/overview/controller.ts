import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { siteScope } from '../sites/scope';
import { validateOverviewQuery } from './validation';

const overviewController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: Context) {
    const { year } = await validateOverviewQuery(ctx.query);
    ctx.body = {
      data: await getService(strapi, 'overview').forYear(
        year,
        await siteScope(strapi, ctx.state.user)
      ),
    };
  },
});

export default overviewController;
