import type { StrapiApp } from '@strapi/strapi/admin';
import { PasswordGuard } from './components/password/PasswordGuard';
import { FilePass } from './components/FilePass';
import { PluginIcon } from './components/PluginIcon';
import { ReviewPanel } from './components/ReviewPanel';
import { SubmissionPanel } from './components/SubmissionPanel';
import { bareValueNames } from '../../shared/contracts/content-manager';
import {
  HandlingStatusPanel,
  rememberStrings,
  withEnumColumns,
  withEnumFilters,
} from './components/contentManagerNames';
import { withReviewColumn } from './components/reviewColumn';
import { withReviewedPublish } from './components/reviewedPublish';
import { contentManagerApis, customFieldInput } from './contentManager';
import { COLUMN_FIELD } from '../../shared/contracts/oversight';
import { ANY_PAGE_PERMISSION } from './pages/adminPages';
import { permissionsOf } from './permissions';
import { PLUGIN_ID, getTranslation } from './pluginId';

type TranslationModule = { default: Record<string, string> };

const translationFiles = import.meta.glob<TranslationModule>('./translations/*.json');

const prefixed = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [getTranslation(key), value]));

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: '站群管理' },
      // Whoever may open any of the plugin's pages.
      permissions: permissionsOf(ANY_PAGE_PERMISSION),
      Component: () => import('./pages/App'),
    });
    // The home page is the 工作台: each user's to-dos (pages/workbench). Strapi's own home page
    // offers developer widgets (content types, webhooks, API tokens) and counts every entry of
    // the group, which site-bound users are refused (sites/route-guard.ts): it is replaced,
    // route and all, so that none of its requests are made. Its widgets go with it.
    app.router.addRoute((routes) => {
      if (!routes.some((route) => route.index))
        console.error('governance: Strapi has no home route to replace: review admin/src/index.ts');
      return routes.map((route) => {
        if (route.index)
          return {
            index: true,
            lazy: async () => ({
              Component: (await import('./pages/workbench/WorkbenchPage')).WorkbenchPage,
            }),
          };
        // 设置 → 系统信息 instead of Strapi's page of its licence plan and pricing.
        if (route.path === 'settings/*')
          return {
            ...route,
            children: route.children?.map((child) =>
              child.path === 'application-infos'
                ? {
                    path: 'application-infos',
                    lazy: async () => ({
                      Component: (await import('./pages/system/SystemInfoPage')).SystemInfoPage,
                    }),
                  }
                : child
            ),
          };
        return route;
      });
    });
    // The password reminder and the blocking page belong on every admin page, Strapi's own
    // included. A `future-global::` component is the one thing Strapi 5.54 renders on every
    // route inside its providers (auth, data fetching, translations, router); the upload
    // plugin mounts its progress dialog the same way. Strapi skips these components only
    // with the legacy media library, which config/features.ts turns off.
    app.addComponents({
      name: 'future-global::governance-password-guard',
      Component: PasswordGuard,
    });
    // Files not yet online open in the admin with the user's pass (media/file-gate.ts).
    app.addComponents({ name: 'future-global::governance-file-pass', Component: FilePass });
    // The article's 栏目: chosen from its site's columns (the server registers the same field).
    app.customFields.register({
      name: COLUMN_FIELD.name,
      pluginId: PLUGIN_ID,
      type: 'string',
      intlLabel: { id: getTranslation('columns.field.label'), defaultMessage: '栏目' },
      intlDescription: {
        id: getTranslation('columns.field.description'),
        defaultMessage: '从所属站点设置的栏目中选择',
      },
      components: { Input: customFieldInput(() => import('./components/ColumnInput')) },
    });
    app.registerPlugin({ id: PLUGIN_ID, name: '站群管理' });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = contentManagerApis(app);
    contentManager.addEditViewSidePanel([ReviewPanel, SubmissionPanel, HandlingStatusPanel]);
    contentManager.addDocumentAction(withReviewedPublish);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', withReviewColumn);
    // After the review column, which draws its own enumeration.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', withEnumColumns);
    app.registerHook('Admin/CM/pages/ListView/inject-in-filters', withEnumFilters);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = translationFiles[`./translations/${locale}.json`];
        const data = load ? (await load()).default : {};
        rememberStrings(locale, data);
        // The enumeration values the Content Manager's edit views show, by their bare value.
        return { data: { ...bareValueNames(data), ...prefixed(data) }, locale };
      })
    );
  },
};
