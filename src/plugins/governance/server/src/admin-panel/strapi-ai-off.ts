import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

/**
 * What Strapi's admin asks of its AI service whatever its configuration, answered as an AI that
 * is off: the Content Manager asks for the feature configuration on every list and edit view,
 * the Content-Type Builder fetches a chat token on every visit. With AI off (`config/admin.ts`:
 * a government office sends nothing to Strapi's AI) Strapi answers both 404, a failed request
 * and a console error on every such page. Here the configuration is "nothing configured", as
 * Strapi's AI service itself describes a disabled AI, and there is no token; neither says
 * anything but that AI is off, so the answers need no session.
 */
const ANSWERS: Record<string, unknown> = {
  '/admin/ai-feature-config': { isAiI18nConfigured: false, isAiMediaLibraryConfigured: false },
  '/admin/ai-token': null,
};

export const strapiAiOff =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (
      ctx.method === 'GET' &&
      ctx.path in ANSWERS &&
      strapi.config.get<boolean>('admin.ai.enabled', true) === false
    ) {
      ctx.body = { data: ANSWERS[ctx.path] };
      return;
    }
    await next();
  };
