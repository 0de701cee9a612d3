import { CheckCircle, Eye } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PasswordGuard } from './components/password/PasswordGuard';
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
import { PERMISSIONS, permissionsOf } from './permissions';
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
    // First on the home page: what waits for the user comes before recent documents.
    app.widgets.register((widgets) => [
      {
        id: 'review-tasks',
        pluginId: PLUGIN_ID,
        icon: CheckCircle,
        title: { id: getTranslation('review.widget.title'), defaultMessage: '审核待办' },
        component: async () => (await import('./components/ReviewWidget')).ReviewWidget,
        permissions: PERMISSIONS.reviewRead,
      },
      {
        id: 'site-oversight',
        pluginId: PLUGIN_ID,
        icon: Eye,
        title: { id: getTranslation('oversight.widget.title'), defaultMessage: '本站监测' },
        component: async () => (await import('./components/OversightWidget')).OversightWidget,
        permissions: PERMISSIONS.oversightOwn,
      },
      ...widgets,
    ]);
    // The password reminder and the blocking page belong on every admin page, Strapi's own
    // included. A `future-global::` component is the one thing Strapi 5.54 renders on every
    // route inside its providers (auth, data fetching, translations, router); the upload
    // plugin mounts its progress dialog the same way. Strapi skips these components only
    // with the legacy media library, which config/features.ts turns off.
    app.addComponents({
      name: 'future-global::governance-password-guard',
      Component: PasswordGuard,
    });
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
