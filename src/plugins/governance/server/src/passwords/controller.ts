import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { CAPACITY_NAMES } from '../../../shared/contracts/sites';
import { exportFiles } from '../utils/export-file';
import { csvFile } from '../utils/spreadsheet';
import { validateAccountFilters, validateHolder } from './validation';

const accountId = (ctx: Context) => {
  const id = Number(ctx.params.id);
  return Number.isInteger(id) && id > 0 ? id : 0;
};

const actorId = (ctx: Context) => (ctx.state.user as { id: number }).id;

const HEADER = [
  '姓名',
  '账号',
  '状态',
  '角色',
  '所属站点（身份）',
  '责任人',
  '密码已用天数',
  '密码到期日',
  '剩余天数',
  '须修改密码',
  '锁定',
  '最近登录',
] as const;

const MUST_CHANGE: Record<string, string> = {
  firstLogin: '首次登录须修改',
  adminReset: '重置后须修改',
};

/** Account security over HTTP: the caller's own status; the province's 账号安全 view and acts. */
const passwordsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The caller's own password status, for the admin's banner and blocking page. */
  async status(ctx: Context) {
    const userId = (ctx.state.user as { id: number }).id;
    ctx.body = { data: await getService(strapi, 'passwords').status(userId) };
  },

  async accounts(ctx: Context) {
    const filters = await validateAccountFilters(ctx.query);
    ctx.body = await getService(strapi, 'accounts').list(filters);
  },

  /**
   * The same rows as a spreadsheet (UTF-8 with a BOM, which Excel needs for Chinese), under its
   * title and the moment it was made; days and times in the group's time zone.
   */
  async exportAccounts(ctx: Context) {
    const filters = await validateAccountFilters(ctx.query);
    const { data } = await getService(strapi, 'accounts').list(filters);
    const files = exportFiles(strapi);
    const day = (iso: string | null) => (iso ? files.date(iso) : '');
    const now = new Date();
    files.attach(ctx, { title: '账号安全', asciiTitle: 'accounts', format: 'csv', at: now });
    ctx.body = csvFile([
      ['账号安全'],
      [files.stamp(now)],
      [...HEADER],
      ...data.map((a) => [
        a.name,
        a.email,
        a.isActive ? '启用' : '停用',
        a.roles.join('、'),
        a.sites.map((s) => `${s.name}（${CAPACITY_NAMES[s.capacity]}）`).join('、'),
        a.holderName ?? '',
        a.passwordAgeDays ?? '',
        day(a.expiresAt),
        a.daysLeft ?? '',
        a.mustChange ? MUST_CHANGE[a.mustChange] : '',
        a.lockedUntil ? `锁定至 ${files.dateTime(a.lockedUntil)}` : '',
        a.lastLoginAt ? files.dateTime(a.lastLoginAt) : '',
      ]),
    ]);
  },

  async unlock(ctx: Context) {
    await getService(strapi, 'accounts').unlock(accountId(ctx), actorId(ctx));
    ctx.status = 204;
  },

  async forceChange(ctx: Context) {
    await getService(strapi, 'accounts').forceChange(accountId(ctx), actorId(ctx));
    ctx.status = 204;
  },

  async setHolder(ctx: Context) {
    const { holderName } = await validateHolder(ctx.request.body);
    await getService(strapi, 'accounts').setHolder(
      accountId(ctx),
      holderName?.trim() ?? null,
      actorId(ctx)
    );
    ctx.status = 204;
  },
});

export default passwordsController;
