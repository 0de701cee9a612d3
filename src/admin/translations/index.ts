import { VIEWS } from '../../content-manager-views';
import { HANDLING_STATUS } from '../../plugins/governance/shared/contracts/content-manager';
import articleSchema from '../../api/article/content-types/article/schema.json';
import messageSchema from '../../api/citizen-message/content-types/citizen-message/schema.json';
import siteSchema from '../../api/site/content-types/site/schema.json';
import strapiZhHans from './strapi-zh-Hans.json';

/** The name the admin shows; a deployment names its own group at build time. */
export const groupName: string = process.env.STRAPI_ADMIN_GROUP_NAME || '陕西民政网站群';
export const productName = `${groupName}管理系统`;

/**
 * Strapi looks its content types and the Content Manager's column heads up as messages (the type
 * by its display name and its UID, a column as `content-manager.content-types.<uid>.<field>`),
 * with the stored Chinese as the fallback: shown right, but logged as a missing translation on
 * every list. The same names, from the schemas and the Content Manager's views table.
 */
const contentTypeNames = Object.fromEntries(
  [
    ['api::article.article', articleSchema.info.displayName],
    ['api::citizen-message.citizen-message', messageSchema.info.displayName],
    ['api::site.site', siteSchema.info.displayName],
  ].flatMap(([uid, name]) => [
    [uid, name],
    [name, name],
  ])
);
const columnHeads = Object.fromEntries(
  Object.entries(VIEWS).flatMap(([uid, view]) =>
    Object.entries({
      ...view.labels,
      // A message's own status, under the name the plugin's list column gives it.
      ...(view.labels.status ? { [HANDLING_STATUS]: view.labels.status } : {}),
    }).map(([field, label]) => [`content-manager.content-types.${uid}.${field}`, label])
  )
);

/**
 * Strapi ships zh-Hans with about a third of its newer strings missing (the home page, the
 * Media Library, the Content Manager under renamed keys), which left those screens in English:
 * strapi-zh-Hans.json supplies them. Then the strings that should name the group, not Strapi.
 */
export const adminTranslations = {
  'zh-Hans': {
    ...strapiZhHans,
    ...contentTypeNames,
    ...columnHeads,
    'Auth.form.welcome.title': `欢迎使用${productName}`,
    'Auth.form.welcome.subtitle': '请使用本人的实名账号登录',
    'app.components.LeftMenu.navbrand.title': productName,
    'app.components.LeftMenu.navbrand.workplace': '内容管理',
    // Strapi uses these without shipping any text for them, so even English shows a bare key.
    'content-manager.containers.list.table-headers.status': '状态',
    'search.placeholder': '搜索',
    // Missing in Strapi's zh-Hans (a console error on every page that sorts the menu).
    'content-manager.plugin.name': '内容管理',
    // 姓名 as one field: a Chinese name is kept whole (王建国) in what Strapi calls the first
    // name; the plugin joins one given in two parts (passwords/full-names.ts).
    'Auth.form.firstname.label': '姓名',
    'Auth.form.firstname.placeholder': '例如：王建国',
    'Auth.form.lastname.label': '姓氏（选填）',
    'Auth.form.lastname.placeholder': '中文姓名请整体填入“姓名”',
    'Settings.permissions.users.firstname': '姓名',
  },
  en: {
    'Auth.form.welcome.title': `Welcome to the ${groupName} CMS`,
    'Auth.form.welcome.subtitle': 'Log in with your own named account',
    'app.components.LeftMenu.navbrand.title': `${groupName} CMS`,
    'app.components.LeftMenu.navbrand.workplace': 'Content management',
    'content-manager.containers.list.table-headers.status': 'Status',
    'search.placeholder': 'Search',
  },
};
