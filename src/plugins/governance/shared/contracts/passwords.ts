/**
 * The user's own password (GET /governance/passwords/status): shared by the server's passwords
 * service and the admin's banner and blocking page.
 */

/** 等保 2.0 level 3 (periodic rotation) or NIST SP 800-63B (no rotation). */
export type PasswordProfile = 'dengbao3' | 'nist';

/** Why the password must change before anything else: the server refuses other requests until it does. */
export type MustChangeReason = 'firstLogin' | 'adminReset' | 'expired';

/** What an account's state records: an expiry is computed from the policy, never stored. */
export type RecordedMustChange = Exclude<MustChangeReason, 'expired'>;

/** The policy as a password's holder is told it: what a new password must meet, how long it lives. */
export interface PasswordRules {
  profile: PasswordProfile;
  minLength: number;
  /** Of the four classes (lower case, upper case, digits, symbols), how many a password needs. */
  minClasses: number;
  /** Days a password lives; null: no rotation. */
  maxAgeDays: number | null;
  /** How many earlier passwords may not come back. */
  history: number;
}

export interface PasswordStatus {
  mustChange: MustChangeReason | null;
  changedAt: string | null;
  expiresAt: string | null;
  /** 0 on the last day, negative once expired; null when the password does not expire. */
  daysLeft: number | null;
  /** The banner shows from this many days before expiry. */
  remindFromDays: number | null;
  policy: PasswordRules;
}
