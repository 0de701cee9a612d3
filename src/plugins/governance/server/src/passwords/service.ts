import type { Core } from '@strapi/strapi';
import type {
  MustChangeReason,
  PasswordStatus,
  RecordedMustChange,
} from '../../../shared/contracts/passwords';
import type { GovernanceConfig } from '../config';
import { dbNames } from '../utils/db-names';
import { DAY, daysLeft, expiresAt, resolvePolicy, type PasswordPolicy } from './policy';
import { ADMIN_USER, PASSWORD_REMINDER, PASSWORD_STATE } from '../uids';

export interface PasswordState {
  id: number;
  userId: number;
  holderName: string | null;
  changedAt: string | null;
  history: string[] | null;
  mustChange: RecordedMustChange | null;
  failedLogins: number | null;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  lastFailedAt: string | null;
  remindersSent: number[] | null;
}

/** Who set a password: its holder (profile, e-mailed reset link, registration) or someone else. */
export type ChangedBy = 'holder' | 'administrator' | 'creation';

/**
 * The password state of every admin account (账号密码状态): when its password changed, the
 * hashes of the last ones, failed logins and the lock, the last login, whether it must change
 * at the next login. The auth hooks (auth-hooks.ts) feed it; enforcement reads it.
 */
const passwordService = ({ strapi }: { strapi: Core.Strapi }) => {
  const states = () => strapi.db.query(PASSWORD_STATE);

  const service = {
    policy(): PasswordPolicy {
      return resolvePolicy((strapi.config.get('plugin::governance') as GovernanceConfig).passwords);
    },

    async stateOf(userId: number): Promise<PasswordState | null> {
      return states().findOne({ where: { userId } });
    },

    /**
     * The state of an account seen for the first time. An account that existed before this
     * plugin counts from now: it gets a full period rather than an expiry on the first day.
     */
    async ensureState(userId: number): Promise<PasswordState> {
      const existing = await service.stateOf(userId);
      if (existing) return existing;
      try {
        return await states().create({
          data: { userId, changedAt: new Date(), history: [], failedLogins: 0 },
        });
      } catch (error) {
        // Created at the same moment by another request: the user id is unique.
        const raced = await service.stateOf(userId);
        if (raced) return raced;
        throw error;
      }
    },

    /** Whether `plain` is one of the account's last passwords (its current one included). */
    async isReused(userId: number, plain: string): Promise<boolean> {
      const policy = service.policy();
      if (policy.history === 0) return false;
      const state = await service.stateOf(userId);
      const user = await strapi.db
        .query(ADMIN_USER)
        .findOne({ where: { id: userId }, select: ['password'] });
      const hashes = [
        ...new Set([user?.password, ...(state?.history ?? [])].filter(Boolean) as string[]),
      ].slice(0, policy.history);
      const auth = strapi.service('admin::auth');
      for (const hash of hashes) if (await auth.validatePassword(plain, hash)) return true;
      return false;
    },

    /** After a password was written: its date, the history, and whether it must be changed at login. */
    async recordChange(userId: number, hash: string, changedBy: ChangedBy) {
      const policy = service.policy();
      const state = await service.ensureState(userId);
      const mustChange =
        changedBy === 'creation' && policy.changeAtFirstLogin
          ? 'firstLogin'
          : changedBy === 'administrator' && policy.changeAfterReset
            ? 'adminReset'
            : null;
      await states().update({
        where: { id: state.id },
        data: {
          changedAt: new Date(),
          history: [hash, ...(state.history ?? []).filter((h) => h !== hash)].slice(
            0,
            Math.max(policy.history, 1)
          ),
          mustChange,
          failedLogins: 0,
          lockedUntil: null,
          remindersSent: [],
        },
      });
    },

    /** Why the account must change its password before anything else, if it must. */
    async mustChange(userId: number, now = new Date()): Promise<MustChangeReason | null> {
      const state = await service.ensureState(userId);
      if (state.mustChange) return state.mustChange;
      const expiry = state.changedAt
        ? expiresAt(new Date(state.changedAt), service.policy())
        : null;
      return expiry && expiry <= now ? 'expired' : null;
    },

    /** The account's own password status, for the admin's banner and blocking page. */
    async status(userId: number, now = new Date()): Promise<PasswordStatus> {
      const policy = service.policy();
      const state = await service.ensureState(userId);
      const expiry = state.changedAt ? expiresAt(new Date(state.changedAt), policy) : null;
      return {
        mustChange: await service.mustChange(userId, now),
        changedAt: state.changedAt,
        expiresAt: expiry?.toISOString() ?? null,
        daysLeft: expiry ? daysLeft(expiry, now) : null,
        remindFromDays: policy.reminderDays[0] ?? null,
        policy: {
          profile: policy.profile,
          minLength: policy.minLength,
          minClasses: policy.minClasses,
          maxAgeDays: policy.maxAgeDays,
          history: policy.history,
        },
      };
    },

    /** Whether the account is locked now. */
    async lockedUntil(userId: number, now = new Date()): Promise<Date | null> {
      const state = await service.stateOf(userId);
      return state?.lockedUntil && new Date(state.lockedUntil) > now
        ? new Date(state.lockedUntil)
        : null;
    },

    /**
     * A failed login: counted per account, whatever address it came from; the count that
     * reaches the policy's limit locks the account. Answers whether this failure locked it.
     */
    async registerFailure(userId: number, now = new Date()): Promise<boolean> {
      const policy = service.policy();
      const state = await service.ensureState(userId);
      const names = dbNames(strapi, PASSWORD_STATE);
      // One atomic increment: failures arriving together are all counted.
      await strapi.db
        .connection(names.table)
        .where({ id: state.id })
        .increment(names.column('failedLogins'), 1)
        .update({ [names.column('lastFailedAt')]: now });
      const { failedLogins } = (await service.stateOf(userId))!;
      if ((failedLogins ?? 0) < policy.lockAfter) return false;
      const { count } = await states().updateMany({
        where: {
          id: state.id,
          $or: [{ lockedUntil: { $null: true } }, { lockedUntil: { $lt: now } }],
        },
        data: {
          lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000),
          failedLogins: 0,
        },
      });
      return count === 1;
    },

    async registerSuccess(userId: number, now = new Date()) {
      const state = await service.ensureState(userId);
      await states().update({
        where: { id: state.id },
        data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now },
      });
    },

    async unlock(userId: number) {
      const state = await service.ensureState(userId);
      await states().update({
        where: { id: state.id },
        data: { failedLogins: 0, lockedUntil: null },
      });
    },

    /**
     * Records that the account's holder keeps the password they were given, and who holds the
     * account: for accounts set up by a script whose holder chose the password with the
     * administrator (the demo, a migration), which must not be sent to a first-login change.
     */
    async acceptCurrentPassword(userId: number, holderName?: string) {
      const state = await service.ensureState(userId);
      await states().update({
        where: { id: state.id },
        data: { mustChange: null, ...(holderName ? { holderName } : {}) },
      });
    },

    /** 强制修改: the holder must change the password at their next request. */
    async forceChange(userId: number) {
      const state = await service.ensureState(userId);
      await states().update({ where: { id: state.id }, data: { mustChange: 'adminReset' } });
    },

    /**
     * Forgets deleted accounts: their state, with the hashes of their last passwords, and their
     * reminders. Nothing of a password outlives its account.
     */
    async forget(userIds: number[]) {
      if (userIds.length === 0) return;
      await states().deleteMany({ where: { userId: { $in: userIds } } });
      await strapi.db.query(PASSWORD_REMINDER).deleteMany({ where: { userId: { $in: userIds } } });
    },

    /** Days after which an unused account is disabled, and the cut-off for `now`. */
    inactiveBefore(now = new Date()): Date | null {
      const days = service.policy().disableAfterInactiveDays;
      return days === null ? null : new Date(now.getTime() - days * DAY);
    },
  };
  return service;
};

export default passwordService;
