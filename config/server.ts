import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  const keys = env.array('APP_KEYS');
  if (!keys || keys.length === 0 || keys.some((key) => !key)) {
    throw new Error(
      'APP_KEYS is not set: run `npm run setup:env` (it writes a git-ignored .env with fresh secrets) or set it in the environment.'
    );
  }
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    // Behind a reverse proxy: trust its X-Forwarded-For, so rate limits and visit counts see the visitor's address.
    proxy: env.bool('SERVER_PROXY', false),
    app: {
      keys,
    },
    // The machines this runs on have no internet: never ask npm for a newer Strapi.
    logger: {
      updates: { enabled: false },
      startup: { enabled: env.bool('STRAPI_STARTUP_MESSAGE', true) },
    },
  };
};

export default config;
