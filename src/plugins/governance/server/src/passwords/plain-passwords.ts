import type { Core } from '@strapi/strapi';

interface AuthService {
  hashPassword(password: string): Promise<string>;
}

/**
 * Wraps Strapi's `hashPassword` to keep the plain password a moment, by its
 * fresh hash, so that the `admin::user` lifecycle (user-writes.ts) can hold the new password
 * against the policy and the history before it is written: every way of changing a password —
 * profile, another admin, the e-mailed reset, registration, the CLI — hashes it first.
 */
export const keepPlainPasswords = (strapi: Core.Strapi) => {
  const pending = new Map<string, string>();

  strapi.get('services').extend('admin::auth', (auth: AuthService) => ({
    ...auth,
    async hashPassword(password: string) {
      const hash = await auth.hashPassword(password);
      pending.set(hash, password);
      setTimeout(() => pending.delete(hash), 60_000).unref();
      return hash;
    },
  }));

  return {
    /** The plain password behind a fresh hash, once: the write that uses it takes it. */
    take(hash: string) {
      const plain = pending.get(hash);
      pending.delete(hash);
      return plain;
    },
  };
};

export type PlainPasswords = ReturnType<typeof keepPlainPasswords>;
