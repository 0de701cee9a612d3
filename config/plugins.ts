import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  // A local TypeScript plugin: `enabled` is required as well as `resolve`, or Strapi skips it silently.
  governance: {
    enabled: true,
    resolve: './src/plugins/governance',
    config: {
      timezone: env('GROUP_TIMEZONE', 'Asia/Shanghai'),
      groupName: env('GROUP_NAME', '陕西民政网站群'),
    },
  },
});

export default config;
