export const PLUGIN_ID = 'governance';

/** Translation keys are prefixed with the plugin id, as Strapi merges all plugins' strings. */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;
