import type { StrapiApp } from '@strapi/strapi/admin';
import logo from './extensions/logo.svg';
import { adminTranslations, productName } from './translations';

/** The admin's default language: Chinese, unless the user has picked another one. */
const DEFAULT_LOCALE = 'zh-Hans';

export default {
  config: {
    locales: [DEFAULT_LOCALE],
    auth: { logo },
    menu: { logo },
    translations: adminTranslations,
    // Prompts that make no sense in a government office's closed network.
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {
    // Read by the admin when it first renders, after this bootstrap.
    if (!localStorage.getItem('strapi-admin-language')) {
      localStorage.setItem('strapi-admin-language', DEFAULT_LOCALE);
    }
    // The onboarding tour is for developers creating content types, not for editors.
    if (!localStorage.getItem('STRAPI_GUIDED_TOUR')) {
      localStorage.setItem('STRAPI_GUIDED_TOUR', JSON.stringify({ enabled: false }));
    }
    // The "new Media Library" announcement: the banner keeps its dismissal per project uuid,
    // which package.json sets to false (no telemetry id), and per legacy-library flag (false).
    localStorage.setItem('STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_false:false', 'true');
    // Strapi's Page.Title appends "| Strapi" to every page title; name the group instead.
    const renameTitle = () => {
      if (document.title.endsWith('| Strapi')) {
        document.title = document.title.replace(/\| Strapi$/, `| ${productName}`);
      }
    };
    new MutationObserver(renameTitle).observe(document.querySelector('title') ?? document.head, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    document.title = productName;
  },
};
