import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { forbidden } from '../utils/forbidden';
import { getService } from '../utils/get-service';
import { routeKey } from './auth-hooks';
import { ERRORS } from './messages';

/**
 * What a user whose password must change may still do: read who they are (the admin needs it
 * to render), change the password, log out, and read their own password status (the banner and
 * the blocking page). Everything else answers 403 PASSWORD_EXPIRED.
 */
const OPEN_WHILE_EXPIRED = new Set([
  'admin:authenticated-user.getMe',
  'admin:authenticated-user.getOwnPermissions',
  'admin:authentication.logout',
  'governance:passwords.status',
]);
const CHANGE_PASSWORD = 'admin:authenticated-user.updateMe';

interface AuthRegistry {
  authenticate(ctx: Context, next: Next): Promise<unknown>;
}

/**
 * Enforces the password policy on every admin route, Strapi's and every plugin's: Strapi sets
 * the user only inside its auth step, after routing, so the check wraps that step (a global
 * middleware would run before anyone is known). The check runs right after authentication,
 * before authorisation and policies; routes without authentication (login, the e-mailed reset)
 * pass untouched. The profile's password change is checked against the policy here too, before
 * Strapi ends the user's sessions for it.
 */
export const enforcePasswordPolicy = (
  strapi: Core.Strapi,
  checkNewPassword: (plain: string, userId: number, email: string | null) => Promise<void>
) => {
  const auth = strapi.get('auth') as AuthRegistry;
  const authenticate = auth.authenticate.bind(auth);
  auth.authenticate = (ctx: Context, next: Next) =>
    authenticate(ctx, async () => {
      const user = ctx.state.user as { id: number; email?: string } | undefined;
      // A route whose handler is a function has no name: it is never on the open list.
      const key = routeKey(ctx.state);
      if (!user || ctx.state.route?.info?.type !== 'admin') return next();
      const body = (ctx.request as { body?: { password?: unknown } }).body;
      const newPassword =
        key === CHANGE_PASSWORD && typeof body?.password === 'string' ? body.password : null;
      if (newPassword !== null) await checkNewPassword(newPassword, user.id, user.email ?? null);
      if ((key && OPEN_WHILE_EXPIRED.has(key)) || newPassword !== null) return next();
      const reason = await getService(strapi, 'passwords').mustChange(user.id);
      if (reason) throw forbidden(ERRORS.mustChange(reason), { code: 'PASSWORD_EXPIRED', reason });
      return next();
    });
};
