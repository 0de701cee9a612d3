import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { ERRORS } from './messages';
import { passwordProblems } from './policy';

/** Refuses a new password the policy or the history does not allow. */
export const passwordCheck =
  (strapi: Core.Strapi) => async (plain: string, userId: number | null, email: string | null) => {
    const passwords = getService(strapi, 'passwords');
    const policy = passwords.policy();
    const problems = passwordProblems(plain, policy, { email });
    // `errors` in Strapi's own shape: the profile form shows it under the password field.
    const refuse = (message: string, details: Record<string, unknown>) =>
      new errors.ValidationError(message, {
        ...details,
        errors: [{ path: ['password'], message, name: 'ValidationError' }],
      });
    if (problems.length > 0)
      throw refuse(ERRORS.weakPassword(problems, policy), { code: 'PASSWORD_POLICY', problems });
    if (userId !== null && (await passwords.isReused(userId, plain))) {
      throw refuse(ERRORS.reused(policy.history), { code: 'PASSWORD_REUSED' });
    }
  };

export type PasswordCheck = ReturnType<typeof passwordCheck>;
