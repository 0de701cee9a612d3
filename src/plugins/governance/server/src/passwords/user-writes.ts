import type { Core } from '@strapi/strapi';
import { requestActor } from '../audit/request-actor';
import type { AdminUser } from '../utils/document-middleware';
import { getService } from '../utils/get-service';
import { roleName } from '../sites/roles';
import { personName } from '../utils/person-name';
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

  /** The account as its entry names it (its holder's name; the e-mail without one), with its roles now. */
  const accountNamed = async (id: number) => {
    const user = (await strapi.db.query(ADMIN_USER).findOne({
      where: { id },
      select: ['id', 'firstname', 'lastname', 'email'],
      populate: { roles: { select: ['code', 'name'] } },
    })) as (Omit<AdminUser, 'roles'> & { roles?: Array<{ code: string; name: string }> }) | null;
    return {
      name: personName(user),
      roles: (user?.roles ?? []).map(roleName).join('、') || '无',
    };
  };

  const after = async (event: Event) => {
    if (!event.result || (event.params.data?.roles === undefined && !event.state.hash)) return;
    const account = await accountNamed(event.result.id);
    // An administrator in the admin, an API token or a script (the demo loader, the CLI).
    const requester = requestActor(strapi);
    if (event.params.data?.roles !== undefined) {
      await audit().record('user.roles', {
        subject: accountOf(event.result),
        summary: `将${account.name}的角色设为${account.roles}`,
        details: { roles: event.params.data.roles as unknown },
        actor: requester,
      });
    }
    if (!event.state.hash) return;
    const by = event.state.changedBy ?? 'administrator';
    await passwords().recordChange(event.result.id, event.state.hash, by);
    await audit().record('password.changed', {
      subject: accountOf(event.result),
      summary: {
        holder: '修改了本人的密码',
        administrator: `为${account.name}设置了新密码`,
        creation: `创建${account.name}的账号并设置初始密码`,
      }[by],
      details: { changedBy: event.state.changedBy },
      // The holder themselves, also on the routes that reset a forgotten password (no session).
      actor: by === 'holder' ? { id: event.result.id } : requester,
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
