/**
 * One named demo account per role, created through Strapi's admin services (so passwords are
 * hashed as the admin does it), each a member of their sites. Existing accounts keep their
 * password; missing roles and memberships are added, so a second run changes nothing.
 */
import type { Core } from '@strapi/strapi';

export interface DemoAccount {
  role: string;
  name: string;
  email: string;
  site: string;
}

type Capacity = 'leader' | 'editor' | 'reviewer' | 'approver' | 'handler';

export const DEMO_ACCOUNTS: Array<
  DemoAccount & {
    roleCodes: string[];
    memberships: Array<[string, Capacity]>;
  }
> = [
  {
    role: '省厅管理员 provincial admin',
    name: '王建国',
    email: 'province.admin@demo.example',
    site: '全部站点 all sites',
    // Also the super admin: Strapi needs one, and the province's admin is the natural holder.
    roleCodes: ['strapi-super-admin', 'governance-provincial-admin'],
    memberships: [['portal', 'leader']],
  },
  {
    role: '站点编辑 city editor',
    name: '李华',
    email: 'xian.editor@demo.example',
    site: 'xian',
    roleCodes: ['governance-site-editor'],
    memberships: [['xian', 'editor']],
  },
  {
    role: '站点编辑 county editor',
    name: '张敏',
    email: 'ankang-hanbin.editor@demo.example',
    site: 'ankang-hanbin',
    roleCodes: ['governance-site-editor'],
    memberships: [['ankang-hanbin', 'editor']],
  },
  {
    role: '审核员 reviewer',
    name: '陈静',
    email: 'reviewer@demo.example',
    site: 'portal, xian, ankang-hanbin',
    roleCodes: ['governance-reviewer'],
    memberships: [
      ['portal', 'reviewer'],
      ['xian', 'reviewer'],
      ['ankang-hanbin', 'reviewer'],
    ],
  },
  {
    role: '初审 site leader',
    name: '刘洋',
    email: 'xian.leader@demo.example',
    site: 'xian',
    roleCodes: ['governance-approver'],
    memberships: [['xian', 'leader']],
  },
  {
    role: '终审人 approver',
    name: '赵刚',
    email: 'approver@demo.example',
    site: 'portal, xian, ankang-hanbin',
    roleCodes: ['governance-approver'],
    memberships: [
      ['portal', 'approver'],
      ['xian', 'approver'],
      ['ankang-hanbin', 'approver'],
    ],
  },
  {
    role: '门户网站编辑 portal editor',
    name: '孙磊',
    email: 'portal.editor@demo.example',
    site: 'portal',
    roleCodes: ['governance-site-editor'],
    memberships: [['portal', 'editor']],
  },
  {
    role: '留言办理员 message handler',
    name: '周丽',
    email: 'xian.handler@demo.example',
    site: 'xian',
    roleCodes: ['governance-message-handler'],
    memberships: [['xian', 'handler']],
  },
];

export const ensureDemoAccounts = async (strapi: Core.Strapi, password: string) => {
  const users = strapi.service('admin::user');
  const roles = strapi.service('admin::role');
  const sites = strapi.plugin('governance').service('sites');
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const roleIds: number[] = [];
    for (const code of account.roleCodes) {
      const role = await roles.findOne({ code });
      if (!role) throw new Error(`admin role ${code} does not exist`);
      roleIds.push(role.id);
    }
    let user = await strapi.db
      .query('admin::user')
      .findOne({ where: { email: account.email }, populate: ['roles'] });
    if (!user) {
      user = await users.create({
        // 姓名 as one field, as the admin shows it (王建国): see passwords/full-names.ts.
        firstname: account.name,
        lastname: null,
        email: account.email,
        password,
        isActive: true,
        registrationToken: null,
        preferedLanguage: 'zh-Hans',
        roles: roleIds,
      });
      created += 1;
      // A demo account keeps its printed password; its holder is the named person.
      await strapi
        .plugin('governance')
        .service('passwords')
        .acceptCurrentPassword(user.id, account.name);
    } else {
      const held = new Set(user.roles.map((r: { id: number }) => r.id));
      if (roleIds.some((id) => !held.has(id)))
        await users.updateById(user.id, { roles: [...new Set([...held, ...roleIds])] });
    }
    for (const [code, capacity] of account.memberships) {
      const site = await strapi.db
        .query('api::site.site')
        .findOne({ where: { code }, select: ['documentId'] });
      // The demo's set-up, by the loader: 系统 in the log.
      await sites.addMember(
        { userId: user.id, siteDocumentId: site.documentId, capacity },
        { actor: 'system' }
      );
    }
  }
  return created;
};

/** A demo account's admin user, with its roles. */
export const userByEmail = async (strapi: Core.Strapi, email: string) =>
  strapi.db.query('admin::user').findOne({ where: { email }, populate: ['roles'] });
