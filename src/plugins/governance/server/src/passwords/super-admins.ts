import type { Core } from '@strapi/strapi';
import { forbidden } from '../utils/forbidden';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import type { NamedAccount } from './accounts';
import { addRoutePolicy } from '../utils/route-policies';
import { ERRORS } from './messages';
import { ADMIN_ROLE, ADMIN_USER } from '../uids';

/** Strapi's code for the Super Admin role (`SUPER_ADMIN_CODE` in @strapi/admin). */
const SUPER_ADMIN_CODE = 'strapi-super-admin';

/** What one admin does to accounts, with the verb the audit trail names it by. */
const ACTS = {
  create: '创建',
  update: '修改',
  delete: '删除',
  unlock: '解锁',
  forceChange: '强制修改密码',
  holder: '指定责任人',
} as const;
export type AccountAct = keyof typeof ACTS;

export interface AccountRequest {
  act: AccountAct;
  /** The accounts acted on, as the request names them (none for a creation). */
  targetIds?: unknown;
  /** The roles the request gives, as it names them. */
  roles?: unknown;
  /** The e-mail of an account being created. */
  email?: unknown;
}

/**
 * Every id a request names, read generously: an id given as `"01"`, `" 1"` or a JSON array in a
 * string reaches the database as the number it casts to, so it is compared as that number.
 * Reading too much only refuses more; reading too little would let a grant through.
 */
export const idsIn = (value: unknown): number[] => {
  if (Array.isArray(value)) return value.flatMap(idsIn);
  if (typeof value === 'number') return Number.isInteger(value) ? [value] : [];
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('[')) {
      try {
        return idsIn(JSON.parse(text));
      } catch {
        return [];
      }
    }
    const id = Number(text);
    return text !== '' && Number.isInteger(id) ? [id] : [];
  }
  if (value && typeof value === 'object' && 'id' in value)
    return idsIn((value as { id: unknown }).id);
  return [];
};

/**
 * 超级管理员账号: nobody but a Super Admin gives or takes the Super Admin role, or changes,
 * deletes, blocks, unlocks or resets the password of a Super Admin account. A provincial admin
 * holding `admin::users.*` manages every other account. A refusal is on the audit trail.
 */
const superAdminsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = {
    async isSuperAdmin(userId: number): Promise<boolean> {
      return (
        (await strapi.db
          .query(ADMIN_USER)
          .count({ where: { id: userId, roles: { code: SUPER_ADMIN_CODE } } })) > 0
      );
    },

    /** The Super Admin accounts among `ids`. */
    async superAdminsAmong(ids: number[]): Promise<NamedAccount[]> {
      if (ids.length === 0) return [];
      return strapi.db.query(ADMIN_USER).findMany({
        where: { id: { $in: ids }, roles: { code: SUPER_ADMIN_CODE } },
        select: ['id', 'email', 'firstname', 'lastname'],
      }) as Promise<NamedAccount[]>;
    },

    async grantsSuperAdmin(roles: unknown): Promise<boolean> {
      const ids = idsIn(roles);
      if (ids.length === 0) return false;
      return (
        (await strapi.db
          .query(ADMIN_ROLE)
          .count({ where: { id: { $in: ids }, code: SUPER_ADMIN_CODE } })) > 0
      );
    },

    /** Throws 403 SUPER_ADMIN_ONLY, recorded, when `actorId` may not do `request`. */
    async assertMayManage(actorId: number, request: AccountRequest) {
      if (await service.isSuperAdmin(actorId)) return;
      const [grants, held] = await Promise.all([
        service.grantsSuperAdmin(request.roles),
        service.superAdminsAmong(idsIn(request.targetIds)),
      ]);
      if (!grants && held.length === 0) return;

      const verb = ACTS[request.act];
      const email = typeof request.email === 'string' ? request.email.slice(0, 100) : null;
      const accounts = held.map((a) => a.email).join('、');
      const summary =
        held.length > 0
          ? `试图${verb}超级管理员账号 ${held.map(personName).join('、')}，已拒绝`
          : request.act === 'create'
            ? `试图创建超级管理员账号 ${email ?? ''}，已拒绝`
            : `试图授予超级管理员角色，已拒绝`;
      // The accounts the request named, by e-mail (a self-promotion names the actor's own).
      const named = accounts
        ? []
        : ((await strapi.db.query(ADMIN_USER).findMany({
            where: { id: { $in: idsIn(request.targetIds) } },
            select: ['email'],
          })) as Array<{ email: string }>);
      await getService(strapi, 'audit').record('account.refused', {
        subject: accounts || email || named.map((a) => a.email).join('、') || null,
        summary,
        details: {
          act: request.act,
          grantsSuperAdmin: grants,
          superAdmins: held.map((a) => a.id),
          targets: idsIn(request.targetIds),
        },
        actor: { id: actorId },
      });
      throw forbidden(ERRORS.superAdminOnly, { code: 'SUPER_ADMIN_ONLY' });
    },
  };
  return service;
};

export default superAdminsService;

/** Strapi's admin routes that create, change or delete accounts, and what each does. */
const ACCOUNT_ROUTES: Array<{ method: string; path: string; act: AccountAct }> = [
  { method: 'POST', path: '/users', act: 'create' },
  { method: 'PUT', path: '/users/:id', act: 'update' },
  { method: 'DELETE', path: '/users/:id', act: 'delete' },
  { method: 'POST', path: '/users/batch-delete', act: 'delete' },
];
// `PUT /admin/users/me` takes no roles (Strapi refuses unknown keys) and changes only the
// caller's own account; registration completes an account someone already created.

interface PolicyContext {
  state: { user?: { id: number } };
  params: { id?: string };
  request: { body?: { roles?: unknown; ids?: unknown; email?: unknown } };
}

/** Policy `plugin::governance.super-admin-accounts`, config `{ act }`. */
export const superAdminAccounts = async (
  ctx: PolicyContext,
  config: { act: AccountAct },
  { strapi }: { strapi: Core.Strapi }
) => {
  const user = ctx.state.user;
  if (!user) return false;
  const body = ctx.request.body ?? {};
  await getService(strapi, 'superAdmins').assertMayManage(user.id, {
    act: config.act,
    targetIds: ctx.params.id ?? body.ids,
    roles: body.roles,
    email: body.email,
  });
  return true;
};

/** Puts the policy on Strapi's account routes, after their own permission checks. */
export const guardAccountRoutes = (strapi: Core.Strapi) => {
  for (const { method, path, act } of ACCOUNT_ROUTES) {
    addRoutePolicy(
      strapi,
      { owner: 'admin', method, path },
      { name: 'plugin::governance.super-admin-accounts', config: { act } },
      'passwords/super-admins.ts'
    );
  }
};
