/**
 * One named demo account per role, created through Strapi's admin services (so passwords are
 * hashed as the admin does it). Existing accounts are left alone: a second run changes nothing.
 * Until the sites-and-roles work gives each person their own role and sites, the non-admin
 * accounts hold Strapi's Editor role.
 */
import type { Core } from '@strapi/strapi';

export interface DemoAccount {
  role: string;
  name: string;
  email: string;
  site: string;
}

export const DEMO_ACCOUNTS: Array<DemoAccount & { firstname: string; lastname: string; roleCode: string }> = [
  { role: '省厅管理员 provincial admin', name: '王建国', firstname: '建国', lastname: '王', email: 'province.admin@demo.example', site: 'portal', roleCode: 'strapi-super-admin' },
  { role: '站点编辑 city editor', name: '李华', firstname: '华', lastname: '李', email: 'xian.editor@demo.example', site: 'xian', roleCode: 'strapi-editor' },
  { role: '站点编辑 county editor', name: '张敏', firstname: '敏', lastname: '张', email: 'ankang-hanbin.editor@demo.example', site: 'ankang-hanbin', roleCode: 'strapi-editor' },
  { role: '审核员 reviewer', name: '陈静', firstname: '静', lastname: '陈', email: 'reviewer@demo.example', site: 'portal', roleCode: 'strapi-editor' },
];

export const ensureDemoAccounts = async (strapi: Core.Strapi, password: string) => {
  const users = strapi.service('admin::user');
  const roles = strapi.service('admin::role');
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await users.exists({ email: account.email })) continue;
    const role = await roles.findOne({ code: account.roleCode });
    if (!role) throw new Error(`admin role ${account.roleCode} does not exist`);
    await users.create({
      firstname: account.firstname,
      lastname: account.lastname,
      email: account.email,
      password,
      isActive: true,
      registrationToken: null,
      preferedLanguage: 'zh-Hans',
      roles: [role.id],
    });
    created += 1;
  }
  return created;
};
