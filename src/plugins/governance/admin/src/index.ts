import type { StrapiApp } from '@strapi/strapi/admin';
import { PluginIcon } from './components/PluginIcon';
import { ANY_PERMISSION } from './permissions';
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
      permissions: ANY_PERMISSION,
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: '站群管理' });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = translationFiles[`./translations/${locale}.json`];
        const data = load ? (await load()).default : {};
        return { data: prefixed(data), locale };
      })
    );
  },
};
