import type { Core, UID } from '@strapi/strapi';
import { ACTIONS } from '../permissions';
import { OWN_SITE_CONDITION } from './condition';
import { ADMIN_PERMISSION, ADMIN_ROLE, ARTICLE, CITIZEN_MESSAGE, SITE } from '../uids';
import { STRAPI_SYSTEM_FIELDS } from '../utils/system-fields';

type ContentAction = 'read' | 'create' | 'update' | 'delete' | 'publish';

interface PermissionInput {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[] };
  conditions?: string[];
}

/** Attributes an editor works with; system fields are Strapi's own business. */
const SYSTEM_FIELDS = new Set<string>([...STRAPI_SYSTEM_FIELDS, 'locale', 'localizations']);

const fieldsOf = (strapi: Core.Strapi, uid: UID.ContentType) =>
  Object.entries(strapi.contentType(uid).attributes)
    .filter(
      ([name, attribute]) =>
        !SYSTEM_FIELDS.has(name) && (attribute as { visible?: boolean }).visible !== false
    )
    .map(([name]) => name);

const content = (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  actions: ContentAction[],
  ownSite: boolean
): PermissionInput[] =>
  actions.map((action) => ({
    action: `plugin::content-manager.explorer.${action}`,
    subject: uid,
    properties: ['read', 'create', 'update'].includes(action)
      ? { fields: fieldsOf(strapi, uid) }
      : {},
    conditions: ownSite ? [OWN_SITE_CONDITION] : [],
  }));

const ALL: ContentAction[] = ['read', 'create', 'update', 'delete', 'publish'];

/**
 * The media library's actions (`plugin::upload.*`): site-bound holders see and change their
 * sites' folders only (the own-site condition on the file's folder, media/route-guard.ts for the
 * routes conditions do not reach).
 */
const media = (actions: string[], ownSite: boolean): PermissionInput[] =>
  actions.map((action) => ({
    action: `plugin::upload.${action}`,
    conditions: ownSite ? [OWN_SITE_CONDITION] : [],
  }));
const MEDIA_WORK = [
  'read',
  'assets.create',
  'assets.update',
  'assets.download',
  'assets.copy-link',
  'settings.read',
];
// `settings.read`: the library's page reads the group's image settings (changing them stays the
// province's: media/route-guard.ts).
const MEDIA_VIEW = ['read', 'assets.download', 'settings.read'];

/** Which step a reviewer or approver takes is their site membership's capacity (review/chain.ts). */
const decides = [{ action: ACTIONS.reviewRead }, { action: ACTIONS.reviewDecide }];

/**
 * The group's roles, least privilege for each job. Every role but the provincial admin's works
 * under the own-site condition. Later concerns (review, replies…) add their actions here.
 */
export const roleDefinitions = (strapi: Core.Strapi) => [
  {
    code: 'governance-provincial-admin',
    name: '省厅管理员',
    description: '管理全部站点、站点人员和账号，查看发布排名和站群监测',
    permissions: [
      ...content(strapi, SITE, ['read', 'create', 'update', 'delete'], false),
      ...content(strapi, ARTICLE, ALL, false),
      ...content(strapi, CITIZEN_MESSAGE, ['read', 'update'], false),
      ...media(MEDIA_WORK, false),
      { action: ACTIONS.overviewRead },
      { action: ACTIONS.sitesManage },
      // The province writes notices too, which pass review like any article; it keeps the word list.
      { action: ACTIONS.reviewRead },
      { action: ACTIONS.reviewSubmit },
      { action: ACTIONS.reviewWords },
      { action: ACTIONS.messagesHandle },
      { action: ACTIONS.messagesExtend },
      { action: ACTIONS.messagesOversee },
      { action: ACTIONS.accountsManage },
      { action: ACTIONS.auditRead },
      { action: ACTIONS.rankingsRead },
      { action: ACTIONS.rankingsManage },
      { action: ACTIONS.submissionsSubmit },
      { action: ACTIONS.submissionsReceive },
      { action: ACTIONS.oversightRead },
      { action: ACTIONS.oversightManage },
      { action: ACTIONS.annualReportsOversee },
      { action: ACTIONS.calendarManage },
      ...['create', 'read', 'update', 'delete'].map((a) => ({ action: `admin::users.${a}` })),
      { action: 'admin::roles.read' },
    ],
  },
  {
    code: 'governance-site-editor',
    name: '站点编辑',
    description: '撰写和维护本站点的文章，办理本站点的网民留言',
    // Editors also answer their site's citizens (the handling flow comes with the replies work).
    permissions: [
      ...content(strapi, SITE, ['read'], true),
      ...content(strapi, ARTICLE, ALL, true),
      ...content(strapi, CITIZEN_MESSAGE, ['read', 'update'], true),
      ...media(MEDIA_WORK, true),
      { action: ACTIONS.reviewRead },
      { action: ACTIONS.reviewSubmit },
      { action: ACTIONS.messagesHandle },
      { action: ACTIONS.rankingsOwn },
      { action: ACTIONS.submissionsSubmit },
      { action: ACTIONS.submissionsReceive },
      { action: ACTIONS.oversightOwn },
      { action: ACTIONS.annualReportsFill },
    ],
  },
  {
    code: 'governance-reviewer',
    name: '审核员',
    description: '对所属站点的文章在发布前进行保密审查',
    permissions: [
      ...content(strapi, SITE, ['read'], true),
      ...content(strapi, ARTICLE, ['read'], true),
      ...media(MEDIA_VIEW, true),
      ...decides,
    ],
  },
  {
    code: 'governance-approver',
    name: '终审人',
    description: '负责所属站点文章的初审或终审（站点负责人、终审）',
    // The site's responsible person sees its standing and reports its rectifications.
    permissions: [
      ...content(strapi, SITE, ['read'], true),
      ...content(strapi, ARTICLE, ['read'], true),
      ...media(MEDIA_VIEW, true),
      ...decides,
      { action: ACTIONS.oversightOwn },
      // The site's leader signs its annual report form (单位负责人).
      { action: ACTIONS.annualReportsFill },
    ],
  },
  {
    code: 'governance-message-handler',
    name: '留言办理员',
    description: '签收并答复所属站点的网民留言',
    permissions: [
      ...content(strapi, SITE, ['read'], true),
      ...content(strapi, CITIZEN_MESSAGE, ['read', 'update'], true),
      { action: ACTIONS.messagesHandle },
    ],
  },
];

export type GovernanceRoleCode = ReturnType<typeof roleDefinitions>[number]['code'];

/** Strapi's own roles in Chinese: Strapi creates them in English ("Super Admin"). */
const STRAPI_ROLE_NAMES: Record<string, string> = {
  'strapi-super-admin': '超级管理员',
  'strapi-editor': '内容编辑',
  'strapi-author': '作者',
};
const STRAPI_ROLE_DESCRIPTIONS: Record<string, string> = {
  'strapi-super-admin': '可访问并管理全部功能和设置',
  'strapi-editor': '可管理并发布全部内容，包括他人创建的内容',
  'strapi-author': '可管理本人创建的内容',
};

/** Latin words: a description or name still as Strapi or an earlier version wrote it. */
const ENGLISH = /[A-Za-z]{4,}/;

/**
 * The roles' names and descriptions in Chinese where they are still as Strapi or an earlier
 * version of the plugin wrote them (English); a name or description the province wrote stays.
 */
const roleWordsInChinese = async (strapi: Core.Strapi) => {
  const chinese: Record<string, { name: string; description: string }> = Object.fromEntries([
    ...Object.keys(STRAPI_ROLE_NAMES).map((code) => [
      code,
      { name: STRAPI_ROLE_NAMES[code], description: STRAPI_ROLE_DESCRIPTIONS[code] },
    ]),
    ...roleDefinitions(strapi).map(({ code, name, description }) => [code, { name, description }]),
  ]);
  const existing = (await strapi.db.query(ADMIN_ROLE).findMany({
    where: { code: { $in: Object.keys(chinese) } },
    select: ['id', 'code', 'name', 'description'],
  })) as Array<{ id: number; code: string; name: string; description: string | null }>;
  for (const role of existing) {
    const data: { name?: string; description?: string } = {};
    if (ENGLISH.test(role.name)) data.name = chinese[role.code].name;
    if (!role.description || ENGLISH.test(role.description))
      data.description = chinese[role.code].description;
    if (Object.keys(data).length > 0)
      await strapi.db.query(ADMIN_ROLE).update({ where: { id: role.id }, data });
  }
};

/** A role as the pages, exports and the log name it: the group's roles as the province named them. */
export const roleName = (role: { code: string; name: string }) =>
  STRAPI_ROLE_NAMES[role.code] ?? role.name;

/**
 * Bumped whenever `roleDefinitions` grants something new (a later feature's actions), so that
 * existing installations receive it on their next start.
 */
export const ROLES_VERSION = 14;

/** Attributes added to the content types after roles were first made, and the version that did. */
const FIELDS_ADDED: Array<{ version: number; subject: string; fields: string[] }> = [
  { version: 14, subject: ARTICLE, fields: ['cover', 'attachments'] },
];

const key = (p: { action: string; subject?: string | null }) => `${p.action} ${p.subject ?? ''}`;

/**
 * Creates the roles that do not exist yet, with their permissions. When ROLES_VERSION has
 * moved on, existing roles receive the permissions they lack (by action and subject) and keep
 * everything else: what the province shaped in Settings → Roles is never taken away.
 */
export const ensureRoles = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'governance', key: 'roles' });
  const synced = ((await store.get({})) as { version?: number } | null)?.version ?? 0;
  const roles = strapi.service('admin::role');

  for (const definition of roleDefinitions(strapi)) {
    const existing = await strapi.db
      .query(ADMIN_ROLE)
      .findOne({ where: { code: definition.code } });
    if (!existing) {
      const role = await strapi.db.query(ADMIN_ROLE).create({
        data: { name: definition.name, code: definition.code, description: definition.description },
      });
      await roles.assignPermissions(role.id, definition.permissions);
    } else if (synced < ROLES_VERSION) {
      const held = (await strapi.db.query(ADMIN_PERMISSION).findMany({
        where: { role: { id: existing.id } },
        select: ['id', 'action', 'subject', 'properties'],
      })) as Array<PermissionInput & { id: number }>;
      const heldKeys = new Set(held.map(key));
      const missing = definition.permissions.filter((p) => !heldKeys.has(key(p)));
      if (missing.length > 0) await roles.addPermissions(existing.id, missing);
      // Attributes added since to a content type join the fields of the permissions holding
      // them; fields the province took away stay away.
      for (const permission of held) {
        const fields = permission.properties?.fields;
        const wanted = (definition.permissions as PermissionInput[]).find(
          (p) => key(p) === key(permission)
        );
        const added = FIELDS_ADDED.filter(
          (change) => change.version > synced && change.subject === permission.subject
        )
          .flatMap((change) => change.fields)
          .filter(
            (field) => wanted?.properties?.fields?.includes(field) && !fields?.includes(field)
          );
        if (fields && added.length > 0)
          await strapi.db.query(ADMIN_PERMISSION).update({
            where: { id: permission.id },
            data: { properties: { ...permission.properties, fields: [...fields, ...added] } },
          });
      }
    }
  }
  if (synced < ROLES_VERSION) await roleWordsInChinese(strapi);
  if (synced !== ROLES_VERSION) await store.set({ value: { version: ROLES_VERSION } });
};
