import type { Core } from '@strapi/strapi';
import type { GovernanceConfig } from '../config';
import { runWithLease } from '../jobs/lease';
import { emailsOn, sendEmail } from '../utils/email';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import type { AccountRow, NamedAccount } from './accounts';
import { daysLeft, expiresAt } from './policy';
import { type PasswordState } from './service';
import { ADMIN_USER, PASSWORD_REMINDER, PASSWORD_STATE } from '../uids';

export const PASSWORD_JOB = 'governance-password-daily';

/**
 * The daily account job: a reminder to every account whose password expires within a
 * threshold (14, 7, 3, 1 days), once per account, password and threshold; and accounts unused
 * for the policy's days disabled. It runs on one instance of several under its lease, and each
 * reminder is claimed by inserting its unique key first, so that no run, however many, sends
 * one twice.
 */
const passwordJobs = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;

  const service = {
    /** Sends the reminders due at `now`; answers how many were sent by this run. Stops once `signal` aborts. */
    async remind(now = new Date(), signal?: AbortSignal) {
      const passwords = getService(strapi, 'passwords');
      const policy = passwords.policy();
      if (policy.maxAgeDays === null || policy.reminderDays.length === 0) return 0;
      const users = (await strapi.db.query(ADMIN_USER).findMany({
        where: { isActive: true },
        select: ['id', 'email', 'firstname', 'lastname'],
      })) as NamedAccount[];
      const states = new Map(
        ((await strapi.db.query(PASSWORD_STATE).findMany({})) as PasswordState[]).map((s) => [
          s.userId,
          s,
        ])
      );
      let sent = 0;
      for (const user of users) {
        signal?.throwIfAborted();
        const state = states.get(user.id) ?? (await passwords.ensureState(user.id));
        if (!state.changedAt) continue;
        const expiry = expiresAt(new Date(state.changedAt), policy)!;
        const left = daysLeft(expiry, now);
        // The tightest threshold reached: a password found at 5 days left gets the 7-day reminder, once.
        const threshold = [...policy.reminderDays].reverse().find((days) => left < days);
        if (threshold === undefined || left < 0) continue;
        const key = `${user.id}:${new Date(state.changedAt).toISOString()}:${threshold}`;
        try {
          await strapi.db
            .query(PASSWORD_REMINDER)
            .create({ data: { key, userId: user.id, threshold, sentAt: now } });
        } catch {
          continue; // Claimed already, by an earlier run or another instance.
        }
        const expiryText = expiry.toLocaleDateString('zh-CN', { timeZone: config().timezone });
        const delivered = emailsOn(strapi)
          ? await sendEmail(
              strapi,
              user.email,
              `【密码即将到期】您的后台账号密码将于 ${expiryText} 到期`,
              `${personName(user)}：\n\n您在${config().groupName}后台的账号（${user.email}）密码将于 ${expiryText} 到期，还剩 ${left + 1} 天。\n到期后须先修改密码才能继续使用后台。请登录后台，在“个人资料”中修改密码。`
            )
          : false;
        await strapi.db
          .query(PASSWORD_REMINDER)
          .update({ where: { key }, data: { emailed: delivered } });
        sent += 1;
      }
      return sent;
    },

    /**
     * Disables the accounts nobody has used for the policy's days (last login, else creation),
     * except the last active super admin, whom Strapi itself will not disable. Each account is
     * disabled with a guarded update (only while active) and logged by the run that disabled it,
     * so two runs that meet disable and log it once; both go through the accounts in the same
     * order and count one already disabled as gone, so both spare the same last super admin.
     * Stops once `signal` aborts.
     */
    async disableInactive(now = new Date(), signal?: AbortSignal) {
      const cutoff = getService(strapi, 'passwords').inactiveBefore(now);
      if (!cutoff) return [];
      const users = (await strapi.db.query(ADMIN_USER).findMany({
        where: { isActive: true },
        select: ['id', 'email', 'firstname', 'lastname', 'createdAt'],
        populate: { roles: { select: ['code'] } },
        orderBy: { id: 'asc' },
      })) as Array<
        Pick<AccountRow, 'id' | 'email' | 'firstname' | 'lastname' | 'createdAt'> & {
          roles?: Array<{ code: string }>;
        }
      >;
      const states = new Map(
        ((await strapi.db.query(PASSWORD_STATE).findMany({})) as PasswordState[]).map((s) => [
          s.userId,
          s,
        ])
      );
      const superAdmins = users.filter((u) =>
        u.roles?.some((r) => r.code === 'strapi-super-admin')
      );
      const idle = users.filter(
        (u) => new Date(states.get(u.id)?.lastLoginAt ?? u.createdAt) < cutoff
      );
      const gone = new Set<number>();
      const disabled: number[] = [];
      for (const user of idle) {
        signal?.throwIfAborted();
        const isSuper = superAdmins.some((s) => s.id === user.id);
        if (isSuper && superAdmins.filter((s) => !gone.has(s.id)).length <= 1) continue;
        // Disabled and logged together, or neither.
        const changed = await strapi.db.transaction(async () => {
          const { count } = await strapi.db
            .query(ADMIN_USER)
            .updateMany({ where: { id: user.id, isActive: true }, data: { isActive: false } });
          if (count === 0) return false; // Disabled already, by another run.
          await getService(strapi, 'audit').record('account.disabled', {
            subject: user.email,
            summary: `停用${personName(user)}的账号：超过 ${getService(strapi, 'passwords').policy().disableAfterInactiveDays} 天未登录`,
            actor: 'system',
          });
          return true;
        });
        gone.add(user.id);
        if (changed) disabled.push(user.id);
      }
      return disabled;
    },

    /** The daily run, on one instance of several. */
    async runDaily() {
      return runWithLease(strapi, PASSWORD_JOB, 60 * 60 * 1000, async (signal) => {
        const reminded = await service.remind(new Date(), signal);
        const disabled = await service.disableInactive(new Date(), signal);
        return `sent ${reminded} reminder(s), disabled ${disabled.length} unused account(s)`;
      });
    },
  };
  return service;
};

export default passwordJobs;
