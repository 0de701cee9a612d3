import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import type { PasswordCheck } from './password-check';
import type { PlainPasswords } from './plain-passwords';
import { routeKey, type RouteState } from './route-key';
import type { ChangedBy } from './service';
import { ADMIN_USER } from '../uids';

/** Routes on which the holder sets the password themselves (or is the first admin doing so). */
const HOLDER_ROUTES = new Set([
  'admin:authenticated-user.updateMe',
  'admin:authentication.resetPassword',
  'admin:authentication.register',
  'admin:authentication.registerAdmin',
]);

type Event = {
  action: string;
  params: {
    where?: { id?: number | string };
    data?: { password?: string; email?: string; roles?: unknown };
  };
  result?: { id: number; email?: string; password?: string };
  state: { changedBy?: ChangedBy; hash?: string };
};

/** An account as the log names it: its e-mail. */
const accountOf = (user: { id: number; email?: string }) => user.email ?? `user ${user.id}`;

/**
 * The `admin::user` lifecycle: a new password is held against the policy and the history
 * before it is written, then its change is recorded with who made it; role changes go on the
 * audit trail; whoever held a session with the old password holds none now.
 */
export const watchUserWrites = (
  strapi: Core.Strapi,
  plainPasswords: PlainPasswords,
  check: PasswordCheck
) => {
  const passwords = () => getService(strapi, 'passwords');
  const audit = () => getService(strapi, 'audit');

  /** Who is setting the password, from the request it comes with (none: the CLI or a script). */
  const changedBy = (action: 'create' | 'update', targetId: number | null): ChangedBy => {
    const ctx = strapi.requestContext.get() as { state?: RouteState } | undefined;
    const key = ctx?.state ? routeKey(ctx.state) : null;
    if (key && HOLDER_ROUTES.has(key)) return 'holder';
    if (key === 'admin:user.update' && ctx?.state?.user?.id === targetId) return 'holder';
    return action === 'create' ? 'creation' : 'administrator';
  };

  const before = async (event: Event, action: 'create' | 'update') => {
    const hash = event.params.data?.password;
    if (!hash) return;
    const targetId =
      action === 'update' && event.params.where?.id !== undefined
        ? Number(event.params.where.id)
        : null;
    const plain = plainPasswords.take(hash);
    if (plain !== undefined) {
      const email =
        event.params.data?.email ??
        (targetId
          ? (
              await strapi.db
                .query(ADMIN_USER)
                .findOne({ where: { id: targetId }, select: ['email'] })
            )?.email
          : null);
      await check(plain, targetId, email ?? null);
    }
    event.state.changedBy = changedBy(action, targetId);
    event.state.hash = hash;
  };

  const after = async (event: Event) => {
    if (event.params.data?.roles !== undefined && event.result) {
      await audit().record('user.roles', {
        subject: accountOf(event.result),
        summary: `变更账号 ${accountOf(event.result)} 的角色`,
        details: { roles: event.params.data.roles as unknown },
      });
    }
    if (!event.state.hash || !event.result) return;
    const by = event.state.changedBy ?? 'administrator';
    await passwords().recordChange(event.result.id, event.state.hash, by);
    await audit().record('password.changed', {
      subject: accountOf(event.result),
      summary: {
        holder: '本人修改密码',
        administrator: '管理员设置密码',
        creation: '创建账号并设置初始密码',
      }[by],
      details: { changedBy: event.state.changedBy },
    });
    // Whoever held a session with the old password holds none now (Strapi itself ends them
    // when the holder changes it; not when someone else does).
    if (by !== 'holder')
      await strapi.sessionManager('admin').invalidateRefreshToken(String(event.result.id));
  };

  strapi.db.lifecycles.subscribe({
    models: [ADMIN_USER],
    beforeCreate: (event: Event) => before(event, 'create'),
    beforeUpdate: (event: Event) => before(event, 'update'),
    afterCreate: after,
    afterUpdate: after,
  });
};
