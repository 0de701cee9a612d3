import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { GovernanceConfig } from '../config';
import { getService } from '../utils/get-service';

/** 站群监测 over HTTP. */
const oversightController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const computedAt = new Date();
    const { oversight } = strapi.config.get('plugin::governance') as GovernanceConfig;
    ctx.body = {
      data: await getService(strapi, 'oversight').bySite(computedAt),
      meta: { computedAt: computedAt.toISOString(), veto: oversight.veto, staleAfterDays: oversight.staleAfterDays },
    };
  },
});

export default oversightController;
