import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { randomUUID } from 'crypto';
import { personName } from '../utils/person-name';
import { getService } from '../utils/get-service';
import { ERRORS } from './messages';
import { passwordProblems } from './policy';
import type { ChangedBy } from './service';

const USER = 'admin::user';

type Credentials = { email: string; password: string };
type CheckResult = [unknown, unknown, { message: string }?];
interface AuthService {
  checkCredentials(input: Credentials): Promise<CheckResult>;
  hashPassword(password: string): Promise<string>;
  validatePassword(password: string, hash: string): Promise<boolean>;
}
interface RouteState {
  route?: { handler?: unknown; info?: { pluginName?: string; type?: string } };
  user?: { id: number };
}

/** `admin:authenticated-user.updateMe` and the like: which route a request is on. */
export const routeKey = (state: RouteState) =>
  typeof state.route?.handler === 'string'
    ? `${state.route.info?.pluginName ?? 'admin'}:${state.route.handler}`
    : null;

/** Routes on which the holder sets the password themselves (or is the first admin doing so). */
const HOLDER_ROUTES = new Set([
  'admin:authenticated-user.updateMe',
  'admin:authentication.resetPassword',
  'admin:authentication.register',
  'admin:authentication.registerAdmin',
]);

/**
 * Hooks into Strapi's admin authentication (register phase):
 * - `checkCredentials` counts failed logins per account and refuses a locked one, with the
 *   answer an unknown e-mail or a wrong password gets, so the answer tells nothing;
 * - `hashPassword` keeps the plain password a moment, so that the `admin::user` lifecycle can
 *   hold the new password against the policy and the history before it is written (every way
 *   of changing a password — profile, another admin, the e-mailed reset, registration, the CLI
 *   — ends in that write), then records the change and who made it.
 */
export const registerAuthHooks = (strapi: Core.Strapi) => {
  const passwords = () => getService(strapi, 'passwords');
  const audit = () => getService(strapi, 'audit');
  /** A hash of a password nobody has, compared against when there is no account: same work, same time. */
  let decoyHash: Promise<string> | undefined;
  const decoy = () =>
    (decoyHash ??= strapi.service('admin::auth').hashPassword(randomUUID()) as Promise<string>);
  /** Plain passwords by their fresh hash, until the write that uses them. */
  const pending = new Map<string, string>();

  strapi.get('services').extend('admin::auth', (auth: AuthService) => ({
    ...auth,
    async hashPassword(password: string) {
      const hash = await auth.hashPassword(password);
      pending.set(hash, password);
      setTimeout(() => pending.delete(hash), 60_000).unref();
      return hash;
    },
    async checkCredentials({ email, password }: Credentials): Promise<CheckResult> {
      const refused: CheckResult = [null, false, { message: ERRORS.invalidCredentials }];
      const user = (await strapi.db
        .query(USER)
        .findOne({ where: { email }, select: ['id', 'firstname', 'lastname', 'email'] })) as {
        id: number;
        firstname: string | null;
        lastname: string | null;
        email: string;
      } | null;
      // Recorded one by one up to a cap per source address; the rest in a counted summary (audit/login-failures.ts).
      const failed = async (reason: string) => {
        await getService(strapi, 'loginFailures').failure(() =>
          audit().record('login.failure', {
            subject: String(email ?? '').slice(0, 100),
            summary: `登录失败：${reason}`,
            actor: {
              id: user?.id ?? null,
              name: user ? personName(user) : String(email ?? '').slice(0, 100),
            },
          })
        );
        return refused;
      };
      if (!user) {
        await auth.validatePassword(password ?? '', await decoy());
        return failed('账号不存在');
      }
      if (await passwords().lockedUntil(user.id)) {
        await auth.validatePassword(password ?? '', await decoy());
        return failed('账号已锁定');
      }
      const result = await auth.checkCredentials({ email, password });
      if (!result[1]) {
        if (result[2]?.message !== 'Invalid credentials') return result;
        const locked = await passwords().registerFailure(user.id);
        if (locked) {
          const { lockAfter, lockMinutes } = passwords().policy();
          await audit().record('account.locked', {
            subject: user.email,
            summary: `${personName(user)} 连续 ${lockAfter} 次登录失败，账号锁定 ${lockMinutes} 分钟`,
            actor: 'system',
          });
        }
        return failed('密码错误');
      }
      await passwords().registerSuccess(user.id);
      await audit().record('login.success', {
        subject: user.email,
        summary: `${personName(user)} 登录`,
        actor: { id: user.id, name: personName(user) },
      });
      return result;
    },
  }));

  /** Who is setting the password, from the request it comes with (none: the CLI or a script). */
  const changedBy = (action: 'create' | 'update', targetId: number | null): ChangedBy => {
    const ctx = strapi.requestContext.get() as { state?: RouteState } | undefined;
    const key = ctx?.state ? routeKey(ctx.state) : null;
    if (key && HOLDER_ROUTES.has(key)) return 'holder';
    if (key === 'admin:user.update' && ctx?.state?.user?.id === targetId) return 'holder';
    return action === 'create' ? 'creation' : 'administrator';
  };

  /** Refuses a new password the policy or the history does not allow. */
  const check = async (plain: string, userId: number | null, email: string | null) => {
    const policy = passwords().policy();
    const problems = passwordProblems(plain, policy, { email });
    // `errors` in Strapi's own shape: the profile form shows it under the password field.
    const refuse = (message: string, details: Record<string, unknown>) =>
      new errors.ValidationError(message, {
        ...details,
        errors: [{ path: ['password'], message, name: 'ValidationError' }],
      });
    if (problems.length > 0)
      throw refuse(ERRORS.weakPassword(problems, policy), { code: 'PASSWORD_POLICY', problems });
    if (userId !== null && (await passwords().isReused(userId, plain))) {
      throw refuse(ERRORS.reused(policy.history), { code: 'PASSWORD_REUSED' });
    }
  };

  type Event = {
    action: string;
    params: {
      where?: { id?: number | string };
      data?: { password?: string; email?: string; roles?: unknown };
    };
    result?: { id: number; email?: string; password?: string };
    state: { changedBy?: ChangedBy; hash?: string };
  };

  const before = async (event: Event, action: 'create' | 'update') => {
    const hash = event.params.data?.password;
    if (!hash) return;
    const targetId =
      action === 'update' && event.params.where?.id !== undefined
        ? Number(event.params.where.id)
        : null;
    const plain = pending.get(hash);
    if (plain !== undefined) {
      pending.delete(hash);
      const email =
        event.params.data?.email ??
        (targetId
          ? (await strapi.db.query(USER).findOne({ where: { id: targetId }, select: ['email'] }))
              ?.email
          : null);
      await check(plain, targetId, email ?? null);
    }
    event.state.changedBy = changedBy(action, targetId);
    event.state.hash = hash;
  };

  /** An account as the log names it: its e-mail. */
  const accountOf = (user: { id: number; email?: string }) => user.email ?? `user ${user.id}`;

  const after = async (event: Event) => {
    if (event.params.data?.roles !== undefined && event.result) {
      await audit().record('user.roles', {
        subject: accountOf(event.result),
        summary: `变更账号 ${accountOf(event.result)} 的角色`,
        details: { roles: event.params.data.roles as unknown },
      });
    }
    if (!event.state.hash || !event.result) return;
    await passwords().recordChange(
      event.result.id,
      event.state.hash,
      event.state.changedBy ?? 'administrator'
    );
    await audit().record('password.changed', {
      subject: accountOf(event.result),
      summary: {
        holder: '本人修改密码',
        administrator: '管理员设置密码',
        creation: '创建账号并设置初始密码',
      }[event.state.changedBy ?? 'administrator'],
      details: { changedBy: event.state.changedBy },
    });
    // Whoever held a session with the old password holds none now (Strapi itself ends them
    // when the holder changes it; not when someone else does).
    if (event.state.changedBy !== 'holder')
      await strapi.sessionManager('admin').invalidateRefreshToken(String(event.result.id));
  };

  strapi.db.lifecycles.subscribe({
    models: [USER],
    beforeCreate: (event: Event) => before(event, 'create'),
    beforeUpdate: (event: Event) => before(event, 'update'),
    afterCreate: after,
    afterUpdate: after,
  });

  return { check };
};
