import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { validateWorkbenchQuery } from './validation';

/** 工作台 over HTTP: the caller's own to-dos, by the permissions their session holds. */
const workbenchController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: Context) {
    await validateWorkbenchQuery(ctx.query);
    const ability = ctx.state.userAbility as { can: (action: string) => boolean } | undefined;
    ctx.body = {
      data: await getService(strapi, 'workbench').forUser(ctx.state.user, (action) =>
        Boolean(ability?.can(action))
      ),
    };
  },
});

export default workbenchController;
