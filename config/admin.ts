import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  const required = (name: string): string => {
    const value = env(name);
    if (!value) {
      throw new Error(
        `${name} is not set: run \`npm run setup:env\` (it writes a git-ignored .env with fresh secrets) or set it in the environment.`
      );
    }
    return value;
  };

  return {
    auth: {
      secret: required('ADMIN_JWT_SECRET'),
    },
    apiToken: {
      salt: required('API_TOKEN_SALT'),
    },
    transfer: {
      token: {
        salt: required('TRANSFER_TOKEN_SALT'),
      },
    },
    secrets: {
      encryptionKey: required('ENCRYPTION_KEY'),
    },
    // No satisfaction surveys and no Enterprise advertising in a government office's admin.
    flags: {
      nps: false,
      promoteEE: false,
    },
    // Nothing of the office's content goes to Strapi's AI service.
    ai: {
      enabled: false,
    },
    // The sub-sites' own front ends show the articles; the edit view has no preview. Said so,
    // the edit view's question for a preview address is answered (204) instead of failing (404).
    preview: {
      enabled: false,
      config: { handler: () => null },
    },
  };
};

export default config;
