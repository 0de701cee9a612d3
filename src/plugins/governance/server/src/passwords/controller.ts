import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { validateAccountFilters, validateHolder } from './validation';

const accountId = (ctx: Context) => {
  const id = Number(ctx.params.id);
  return Number.isInteger(id) && id > 0 ? id : 0;
};

const actorId = (ctx: Context) => (ctx.state.user as { id: number }).id;

/** Account security over HTTP: the caller's own status; the province's 账号安全 view and acts. */
const passwordsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The caller's own password status, for the admin's banner and blocking page. */
  async status(ctx: Context) {
    const userId = (ctx.state.user as { id: number }).id;
    ctx.body = { data: await getService(strapi, 'passwords').status(userId) };
  },

  async accounts(ctx: Context) {
    const filters = await validateAccountFilters(ctx.query);
    ctx.body = await getService(strapi, 'accounts').list(filters);
  },

  async unlock(ctx: Context) {
    await getService(strapi, 'accounts').unlock(accountId(ctx), actorId(ctx));
    ctx.status = 204;
  },

  async forceChange(ctx: Context) {
    await getService(strapi, 'accounts').forceChange(accountId(ctx), actorId(ctx));
    ctx.status = 204;
  },

  async setHolder(ctx: Context) {
    const { holderName } = await validateHolder(ctx.request.body);
    await getService(strapi, 'accounts').setHolder(
      accountId(ctx),
      holderName?.trim() ?? null,
      actorId(ctx)
    );
    ctx.status = 204;
  },
});

export default passwordsController;
