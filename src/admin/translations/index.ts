/** The name the admin shows; a deployment names its own group at build time. */
export const groupName: string = process.env.STRAPI_ADMIN_GROUP_NAME || '陕西民政网站群';
export const productName = `${groupName}管理系统`;

/** Overrides of Strapi's own strings that name Strapi where the group should be named. */
export const adminTranslations = {
  'zh-Hans': {
    'Auth.form.welcome.title': `欢迎使用${productName}`,
    'Auth.form.welcome.subtitle': '请使用本人的实名账号登录',
    'app.components.LeftMenu.navbrand.title': productName,
    'app.components.LeftMenu.navbrand.workplace': '内容管理',
  },
  en: {
    'Auth.form.welcome.title': `Welcome to the ${groupName} CMS`,
    'Auth.form.welcome.subtitle': 'Log in with your own named account',
    'app.components.LeftMenu.navbrand.title': `${groupName} CMS`,
    'app.components.LeftMenu.navbrand.workplace': 'Content management',
  },
};
