import type { PasswordRules } from '../../../shared/contracts/passwords';

/**
 * The password policy of the group's admin accounts. The default is the 等保 2.0 level-3
 * profile the province applies (GB/T 22239-2019: complex passwords changed periodically,
 * failed logins limited); `nist` follows NIST SP 800-63B instead: long passwords, no
 * composition rules of ours and no periodic rotation, for deployments that choose it.
 * Strapi's own rules apply under both: 8 to 72 bytes with a lower-case letter, an upper-case
 * letter and a digit. What the holder is told of it (PasswordRules) is in shared/contracts.
 */
export interface PasswordPolicy extends PasswordRules {
  /** Days before expiry a reminder is due, largest first. */
  reminderDays: number[];
  /** Failed logins in a row that lock the account, whatever the address they came from. */
  lockAfter: number;
  lockMinutes: number;
  /** A password someone else set (a new account, an administrator's reset) must be replaced at login. */
  changeAtFirstLogin: boolean;
  changeAfterReset: boolean;
  /** Accounts not used for this many days are disabled; null: never. */
  disableAfterInactiveDays: number | null;
}

export const PROFILES: Record<PasswordPolicy['profile'], PasswordPolicy> = {
  dengbao3: {
    profile: 'dengbao3',
    minLength: 8,
    minClasses: 3,
    maxAgeDays: 90,
    reminderDays: [14, 7, 3, 1],
    history: 5,
    lockAfter: 5,
    lockMinutes: 30,
    changeAtFirstLogin: true,
    changeAfterReset: true,
    disableAfterInactiveDays: 90,
  },
  nist: {
    profile: 'nist',
    minLength: 15,
    minClasses: 0,
    maxAgeDays: null,
    reminderDays: [],
    history: 5,
    lockAfter: 10,
    lockMinutes: 30,
    changeAtFirstLogin: true,
    changeAfterReset: true,
    disableAfterInactiveDays: 90,
  },
};

/** Passwords every guessing list starts with, as people adapt them to "3 classes of 8". */
const COMMON = [
  'password',
  'passw0rd',
  'admin',
  'administrator',
  'qwerty',
  'abc123',
  '123456',
  '12345678',
  'letmein',
  'welcome',
  'iloveyou',
  'p@ssw0rd',
  'strapi',
];

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

export type PasswordProblem = 'tooShort' | 'tooFewClasses' | 'containsAccount' | 'common';

/** What is wrong with a new password under the policy (Strapi's own checks come first). */
export const passwordProblems = (
  password: string,
  policy: PasswordPolicy,
  account: { email?: string | null }
): PasswordProblem[] => {
  const problems: PasswordProblem[] = [];
  if ([...password].length < policy.minLength) problems.push('tooShort');
  if (CLASSES.filter((pattern) => pattern.test(password)).length < policy.minClasses)
    problems.push('tooFewClasses');
  const lower = password.toLowerCase();
  const name = account.email?.split('@')[0]?.toLowerCase();
  if (name && name.length >= 3 && lower.includes(name)) problems.push('containsAccount');
  // "Admin123!" is "admin" with the classes bolted on.
  const core = lower.replace(/[^a-z]/g, '');
  if (COMMON.some((word) => lower.includes(word) && core.length <= word.length + 2))
    problems.push('common');
  return problems;
};

export const DAY = 86_400_000;

/** When a password changed at `changedAt` expires; null without rotation. */
export const expiresAt = (changedAt: Date, policy: PasswordPolicy): Date | null =>
  policy.maxAgeDays === null ? null : new Date(changedAt.getTime() + policy.maxAgeDays * DAY);

/** Whole days left before `expiry` (0 on its last day, negative once past). */
export const daysLeft = (expiry: Date, now: Date) =>
  Math.ceil((expiry.getTime() - now.getTime()) / DAY) - 1;

/** A policy as configured: a profile's values with the deployment's own on top, checked. */
export const resolvePolicy = (
  configured: Partial<PasswordPolicy> & { profile?: string }
): PasswordPolicy => {
  const profile = configured.profile ?? 'dengbao3';
  if (!(profile in PROFILES))
    throw new Error(
      `governance.passwords.profile must be "dengbao3" or "nist"; got ${JSON.stringify(profile)}.`
    );
  const policy = {
    ...PROFILES[profile as PasswordPolicy['profile']],
    ...configured,
    profile,
  } as PasswordPolicy;
  const whole = (value: unknown, min: number) =>
    Number.isInteger(value) && (value as number) >= min;
  const checks: Array<[boolean, string]> = [
    [
      whole(policy.minLength, 8) && policy.minLength <= 64,
      'minLength must be a whole number from 8 to 64',
    ],
    [whole(policy.minClasses, 0) && policy.minClasses <= 4, 'minClasses must be 0 to 4'],
    [
      policy.maxAgeDays === null || whole(policy.maxAgeDays, 1),
      'maxAgeDays must be a whole number of days, or null',
    ],
    [
      Array.isArray(policy.reminderDays) && policy.reminderDays.every((d) => whole(d, 1)),
      'reminderDays must be whole numbers of days',
    ],
    [whole(policy.history, 0) && policy.history <= 24, 'history must be 0 to 24'],
    [whole(policy.lockAfter, 1), 'lockAfter must be a whole number, 1 or more'],
    [whole(policy.lockMinutes, 1), 'lockMinutes must be a whole number of minutes, 1 or more'],
    [
      typeof policy.changeAtFirstLogin === 'boolean' &&
        typeof policy.changeAfterReset === 'boolean',
      'changeAtFirstLogin and changeAfterReset must be true or false',
    ],
    [
      policy.disableAfterInactiveDays === null || whole(policy.disableAfterInactiveDays, 1),
      'disableAfterInactiveDays must be a whole number of days, or null',
    ],
  ];
  const failed = checks.filter(([ok]) => !ok).map(([, message]) => message);
  if (failed.length > 0) throw new Error(`governance.passwords: ${failed.join('; ')}.`);
  return { ...policy, reminderDays: [...policy.reminderDays].sort((a, b) => b - a) };
};
