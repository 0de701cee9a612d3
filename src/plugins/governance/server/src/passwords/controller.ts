import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { daysLeft, expiresAt } from './policy';

/** The caller's own password status, for the admin's banner and blocking page. */
const passwordsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async status(ctx: Context) {
    const passwords = getService(strapi, 'passwords');
    const userId = (ctx.state.user as { id: number }).id;
    const policy = passwords.policy();
    const state = await passwords.ensureState(userId);
    const now = new Date();
    const expiry = state.changedAt ? expiresAt(new Date(state.changedAt), policy) : null;
    ctx.body = {
      data: {
        mustChange: await passwords.mustChange(userId, now),
        changedAt: state.changedAt,
        expiresAt: expiry?.toISOString() ?? null,
        daysLeft: expiry ? daysLeft(expiry, now) : null,
        remindFromDays: policy.reminderDays[0] ?? null,
        policy: { profile: policy.profile, minLength: policy.minLength, minClasses: policy.minClasses, maxAgeDays: policy.maxAgeDays, history: policy.history },
      },
    };
  },
});

export default passwordsController;
