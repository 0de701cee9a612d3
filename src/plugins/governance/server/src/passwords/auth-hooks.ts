import type { Core } from '@strapi/strapi';
import { guardLogins } from './login-guard';
import { passwordCheck } from './password-check';
import { keepPlainPasswords } from './plain-passwords';
import { watchUserWrites } from './user-writes';

export { routeKey } from './route-key';

/**
 * Hooks into Strapi's admin authentication, installed at bootstrap: failed logins and locks
 * (login-guard.ts); the plain password kept a moment after hashing (plain-passwords.ts) so the
 * `admin::user` lifecycle (user-writes.ts) can hold it against the policy and the history
 * (password-check.ts) before it is written, then record the change and who made it.
 */
export const registerAuthHooks = (strapi: Core.Strapi) => {
  const plainPasswords = keepPlainPasswords(strapi);
  guardLogins(strapi);
  const check = passwordCheck(strapi);
  watchUserWrites(strapi, plainPasswords, check);
  return { check };
};
