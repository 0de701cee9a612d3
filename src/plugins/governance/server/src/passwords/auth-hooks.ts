import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
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
  typeof state.route?.handler === 'string' ? `${state.route.info?.pluginName ?? 'admin'}:${state.route.handler}` : null;

/** Routes on which the holder sets the password themselves (or is the first admin doing so). */
const HOLDER_ROUTES = new Set([
  'admin:authenticated-user.updateMe', 'admin:authentication.resetPassword', 'admin:authentication.register', 'admin:authentication.registerAdmin',
]);

/** A hash of a password nobody has, compared against when there is no account: same work, same time. */
let decoyHash: string | undefined;

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
      const user = (await strapi.db.query(USER).findOne({ where: { email }, select: ['id'] })) as { id: number } | null;
      if (!user) {
        decoyHash ??= await auth.hashPassword(`${Math.random()}`);
        await auth.validatePassword(password ?? '', decoyHash);
        return refused;
      }
      if (await passwords().lockedUntil(user.id)) {
        await auth.validatePassword(password ?? '', decoyHash ?? (decoyHash = await auth.hashPassword(`${Math.random()}`)));
        return refused;
      }
      const result = await auth.checkCredentials({ email, password });
      if (!result[1]) {
        if (result[2]?.message === 'Invalid credentials') {
          await passwords().registerFailure(user.id);
          return refused;
        }
        return result;
      }
      await passwords().registerSuccess(user.id);
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
    if (problems.length > 0) throw new errors.ValidationError(ERRORS.weakPassword(problems, policy), { code: 'PASSWORD_POLICY', problems });
    if (userId !== null && (await passwords().isReused(userId, plain))) {
      throw new errors.ValidationError(ERRORS.reused(policy.history), { code: 'PASSWORD_REUSED' });
    }
  };

  type Event = {
    action: string;
    params: { where?: { id?: number | string }; data?: { password?: string; email?: string } };
    result?: { id: number; password?: string };
    state: { changedBy?: ChangedBy; hash?: string };
  };

  const before = async (event: Event, action: 'create' | 'update') => {
    const hash = event.params.data?.password;
    if (!hash) return;
    const targetId = action === 'update' && event.params.where?.id !== undefined ? Number(event.params.where.id) : null;
    const plain = pending.get(hash);
    if (plain !== undefined) {
      pending.delete(hash);
      const email = event.params.data?.email ?? (targetId ? (await strapi.db.query(USER).findOne({ where: { id: targetId }, select: ['email'] }))?.email : null);
      await check(plain, targetId, email ?? null);
    }
    event.state.changedBy = changedBy(action, targetId);
    event.state.hash = hash;
  };

  const after = async (event: Event) => {
    if (!event.state.hash || !event.result) return;
    await passwords().recordChange(event.result.id, event.state.hash, event.state.changedBy ?? 'administrator');
    // Whoever held a session with the old password holds none now (Strapi itself ends them
    // when the holder changes it; not when someone else does).
    if (event.state.changedBy !== 'holder') await strapi.sessionManager('admin').invalidateRefreshToken(String(event.result.id));
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
