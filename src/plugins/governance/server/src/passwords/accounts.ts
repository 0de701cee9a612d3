import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  ACCOUNT_FILTERS,
  type AccountFilter,
  type AccountPage,
} from '../../../shared/contracts/accounts';
import type { Capacity } from '../../../shared/contracts/sites';
import type { PasswordExpiries } from '../../../shared/contracts/workbench';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { ERRORS } from './messages';
import { DAY, daysLeft, expiresAt } from './policy';
import { type PasswordState } from './service';
import type { AccountAct } from './super-admins';
import { ADMIN_USER, PASSWORD_STATE, SITE_MEMBERSHIP } from '../uids';
import { roleName } from '../sites/roles';

/** Not logged in for this long: 长期未登录, before the policy disables the account. */
const IDLE_DAYS = 30;

/**
 * An admin account's columns (admin::user) as the plugin reads them: here, the daily account job
 * (jobs.ts), the login guard, the super-admin checks, the site memberships (sites/). Each query
 * adds the relations it populates.
 */
export interface AccountRow {
  id: number;
  firstname: string | null;
  lastname: string | null;
  email: string;
  isActive: boolean;
  createdAt: string;
}

/** An account with what names it: for the audit trail, e-mails and the checks on who may act on it. */
export type NamedAccount = Pick<AccountRow, 'id' | 'firstname' | 'lastname' | 'email'>;

/**
 * 账号安全: every admin account with its sites, its named holder, its password's age and expiry,
 * its lock and last login, for the province's security officer; and the acts on an account
 * (unlock, force a change, name the holder), each on the audit trail.
 */
const accountsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const passwords = () => getService(strapi, 'passwords');
  const audit = () => getService(strapi, 'audit');

  /** The account acted on, once the actor may act on it (super-admins.ts). */
  const userOf = async (id: number, actorId: number, act: AccountAct) => {
    const user = (await strapi.db.query(ADMIN_USER).findOne({
      where: { id },
      select: ['id', 'firstname', 'lastname', 'email'],
    })) as NamedAccount | null;
    if (!user) throw new errors.NotFoundError(ERRORS.noSuchAccount(id));
    await getService(strapi, 'superAdmins').assertMayManage(actorId, { act, targetIds: [id] });
    return user;
  };

  const service = {
    async list(
      { filter = 'all', q }: { filter?: AccountFilter; q?: string },
      now = new Date()
    ): Promise<AccountPage> {
      const policy = passwords().policy();
      const users = (await strapi.db.query(ADMIN_USER).findMany({
        select: ['id', 'firstname', 'lastname', 'email', 'isActive', 'createdAt'],
        populate: { roles: { select: ['code', 'name'] } },
        orderBy: { id: 'asc' },
      })) as Array<AccountRow & { roles: Array<{ code: string; name: string }> }>;
      const states = new Map(
        ((await strapi.db.query(PASSWORD_STATE).findMany({})) as PasswordState[]).map((s) => [
          s.userId,
          s,
        ])
      );
      const memberships = (await strapi.db.query(SITE_MEMBERSHIP).findMany({
        populate: { user: { select: ['id'] }, site: { select: ['code', 'name'] } },
      })) as Array<{
        capacity: Capacity;
        user: { id: number } | null;
        site: { code: string; name: string } | null;
      }>;

      const rows = users.map((user) => {
        const state = states.get(user.id);
        const changedAt = state?.changedAt ? new Date(state.changedAt) : null;
        const expiry = changedAt ? expiresAt(changedAt, policy) : null;
        const locked =
          state?.lockedUntil && new Date(state.lockedUntil) > now ? state.lockedUntil : null;
        return {
          id: user.id,
          name: personName(user),
          email: user.email,
          isActive: user.isActive,
          roles: user.roles.map(roleName),
          sites: memberships
            .filter((m) => m.user?.id === user.id && m.site)
            .map((m) => ({ code: m.site!.code, name: m.site!.name, capacity: m.capacity })),
          holderName: state?.holderName ?? null,
          changedAt: state?.changedAt ?? null,
          passwordAgeDays: changedAt
            ? Math.floor((now.getTime() - changedAt.getTime()) / DAY)
            : null,
          expiresAt: expiry?.toISOString() ?? null,
          daysLeft: expiry ? daysLeft(expiry, now) : null,
          mustChange: state?.mustChange ?? null,
          lockedUntil: locked,
          failedLogins: state?.failedLogins ?? 0,
          lastLoginAt: state?.lastLoginAt ?? null,
          lastActive: new Date(state?.lastLoginAt ?? user.createdAt),
        };
      });

      const remindFrom = policy.reminderDays[0] ?? 0;
      const matches: Record<AccountFilter, (row: (typeof rows)[number]) => boolean> = {
        all: () => true,
        expired: (row) => row.daysLeft !== null && row.daysLeft < 0,
        // As the banner counts: from `remindFrom` days left down to the last day.
        dueSoon: (row) => row.daysLeft !== null && row.daysLeft >= 0 && row.daysLeft <= remindFrom,
        locked: (row) => row.lockedUntil !== null,
        inactive: (row) =>
          !row.isActive || row.lastActive.getTime() < now.getTime() - IDLE_DAYS * DAY,
        noHolder: (row) => !row.holderName,
      };
      const needle = q?.trim().toLowerCase();
      const searched = needle
        ? rows.filter(
            (row) =>
              row.name.toLowerCase().includes(needle) || row.email.toLowerCase().includes(needle)
          )
        : rows;
      const counts = Object.fromEntries(
        ACCOUNT_FILTERS.map((f) => [f, searched.filter(matches[f]).length])
      ) as Record<AccountFilter, number>;
      return {
        data: searched.filter(matches[filter]).map(({ lastActive: _lastActive, ...row }) => row),
        meta: { counts, idleDays: IDLE_DAYS },
      };
    },

    /**
     * How many passwords have expired and how many expire within the first reminder's days, as
     * the list's `expired` and `dueSoon` filters count them (daysLeft < 0; 0 ≤ daysLeft ≤ the
     * first reminder's days): one count query each, on when each password was changed. Null
     * when passwords do not expire.
     */
    async expiryCounts(now = new Date()): Promise<PasswordExpiries | null> {
      const policy = passwords().policy();
      if (policy.maxAgeDays === null) return null;
      const withinDays = policy.reminderDays[0] ?? 0;
      // A password changed at c expires at c + maxAge: expired once that is now or earlier,
      // due soon while it is within (withinDays + 1) days (daysLeft counts whole days left, minus one).
      const expiredFrom = new Date(now.getTime() - policy.maxAgeDays * DAY);
      const dueSoonTo = new Date(expiredFrom.getTime() + (withinDays + 1) * DAY);
      const states = strapi.db.query(PASSWORD_STATE);
      const [expired, dueSoon] = await Promise.all([
        states.count({ where: { changedAt: { $lte: expiredFrom } } }),
        states.count({ where: { changedAt: { $gt: expiredFrom, $lte: dueSoonTo } } }),
      ]);
      return { dueSoon, expired, withinDays };
    },

    async unlock(id: number, actorId: number) {
      const user = await userOf(id, actorId, 'unlock');
      await passwords().unlock(id);
      await audit().record('account.unlocked', {
        subject: user.email,
        summary: `解锁${personName(user)}的账号`,
        actor: { id: actorId },
      });
    },

    /** 强制修改密码: every request of the holder answers PASSWORD_EXPIRED until they change it. */
    async forceChange(id: number, actorId: number) {
      const user = await userOf(id, actorId, 'forceChange');
      await passwords().forceChange(id);
      await audit().record('account.forceChange', {
        subject: user.email,
        summary: `要求${personName(user)}修改密码`,
        actor: { id: actorId },
      });
    },

    /** The named person responsible for the account (账号责任人). */
    async setHolder(id: number, holderName: string | null, actorId: number) {
      const user = await userOf(id, actorId, 'holder');
      const state = await passwords().ensureState(id);
      await strapi.db
        .query(PASSWORD_STATE)
        .update({ where: { id: state.id }, data: { holderName } });
      await audit().record('account.holder', {
        subject: user.email,
        summary: holderName
          ? `指定${holderName}为${personName(user)}账号的责任人`
          : `取消${personName(user)}账号的责任人`,
        actor: { id: actorId },
      });
    },
  };
  return service;
};

export default accountsService;
