import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { GroupTime } from '../../../shared/contracts/time';
import { zoneName } from '../../../shared/local-time';
import type { GovernanceConfig } from '../config';

/** The group's time zone for the admin, which shows every time in it whatever the browser's. */
const timeController = ({ strapi }: { strapi: Core.Strapi }) => ({
  zone(ctx: Context) {
    const { timezone } = strapi.config.get('plugin::governance') as GovernanceConfig;
    const data: GroupTime = { timezone, zoneName: zoneName(timezone) };
    ctx.body = { data };
  },
});

export default timeController;
