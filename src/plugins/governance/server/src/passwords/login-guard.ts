import type { Core } from '@strapi/strapi';
import { randomUUID } from 'crypto';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import type { NamedAccount } from './accounts';
import { ERRORS } from './messages';
import { ADMIN_USER } from '../uids';

type Credentials = { email: string; password: string };
/** What Strapi's admin `checkCredentials` answers: [error, user or false, info]. */
export type LoginAnswer = [unknown, unknown, { message: string }?];

interface AuthService {
  checkCredentials(input: Credentials): Promise<LoginAnswer>;
  hashPassword(password: string): Promise<string>;
  validatePassword(password: string, hash: string): Promise<boolean>;
}

/**
 * Whether Strapi refused a known account's login for its password. Strapi 5's admin auth
 * service tells its refusals apart by their English message only (`Invalid credentials` for a
 * wrong password, `User not active` for a blocked account's right one); its `admin.auth.error`
 * event carries the same message and not the account. The passwords integration test fails if
 * Strapi words it otherwise.
 */
export const isWrongPassword = (answer: LoginAnswer) =>
  !answer[1] && answer[2]?.message === 'Invalid credentials';

/**
 * Wraps Strapi's `checkCredentials`: counts failed logins per account, locks
 * it after too many, refuses a locked one, and puts every login on the audit trail. A locked or
 * unknown account gets the answer a wrong password gets, after the same work, so the answer
 * tells nothing.
 */
export const guardLogins = (strapi: Core.Strapi) => {
  const passwords = () => getService(strapi, 'passwords');
  const audit = () => getService(strapi, 'audit');

  strapi.get('services').extend('admin::auth', (auth: AuthService) => {
    /** A hash of a password nobody has, compared against when there is no account: same work, same time. */
    let decoyHash: Promise<string> | undefined;
    const decoy = () => (decoyHash ??= auth.hashPassword(randomUUID()));
    const refused: LoginAnswer = [null, false, { message: ERRORS.invalidCredentials }];

    // Recorded one by one up to a cap per source address; the rest in a counted summary (audit/login-failures.ts).
    const failed = async (email: string, user: NamedAccount | null, reason: string) => {
      await getService(strapi, 'loginFailures').failure(() =>
        audit().record('login.failure', {
          subject: String(email ?? '').slice(0, 100),
          summary: `登录失败：${reason}`,
          // The account tried; an address without an account, as it was typed.
          actor: user ?? { id: null, name: String(email ?? '').slice(0, 100) },
        })
      );
      return refused;
    };

    const wrongPassword = async (email: string, user: NamedAccount) => {
      if (await passwords().registerFailure(user.id)) {
        const { lockAfter, lockMinutes } = passwords().policy();
        await audit().record('account.locked', {
          subject: user.email,
          summary: `锁定${personName(user)}的账号 ${lockMinutes} 分钟：连续 ${lockAfter} 次登录失败`,
          actor: 'system',
        });
      }
      return failed(email, user, '密码错误');
    };

    const succeeded = async (user: NamedAccount) => {
      await passwords().registerSuccess(user.id);
      await audit().record('login.success', {
        subject: user.email,
        summary: '登录',
        actor: user,
      });
    };

    return {
      ...auth,
      async checkCredentials({ email, password }: Credentials): Promise<LoginAnswer> {
        const user = (await strapi.db.query(ADMIN_USER).findOne({
          where: { email },
          select: ['id', 'firstname', 'lastname', 'email'],
        })) as NamedAccount | null;
        if (!user || (await passwords().lockedUntil(user.id))) {
          await auth.validatePassword(password ?? '', await decoy());
          return failed(email, user, user ? '账号已锁定' : '账号不存在');
        }
        const answer = await auth.checkCredentials({ email, password });
        if (answer[1]) await succeeded(user);
        else if (isWrongPassword(answer)) return wrongPassword(email, user);
        return answer;
      },
    };
  });
};
