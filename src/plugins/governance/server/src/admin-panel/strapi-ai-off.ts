import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { adminRoutesOf } from '../utils/route-policies';

/**
 * What Strapi's admin asks of its AI service whatever its configuration, answered as an AI that
 * is off: the Content Manager asks for the feature configuration on every list and edit view,
 * the Content-Type Builder fetches a chat token on every visit. With AI off (`config/admin.ts`:
 * a government office sends nothing to Strapi's AI) Strapi answers both 404, a failed request
 * and a console error on every such page. Here the configuration is "nothing configured", as
 * Strapi's AI service itself describes a disabled AI, and there is no token.
 */
const ANSWERS: Record<string, unknown> = {
  '/ai-feature-config': { isAiI18nConfigured: false, isAiMediaLibraryConfigured: false },
  '/ai-token': null,
};

/**
 * On Strapi's own routes, after their authentication and policies (a session, a password that
 * has not expired), in place of their answer while AI is off. A route Strapi renames stops the
 * boot.
 */
export const answerStrapiAiOff = (strapi: Core.Strapi) => {
  const routes = adminRoutesOf(strapi, 'admin');
  for (const [path, answer] of Object.entries(ANSWERS)) {
    const route = routes.find((r) => r.method === 'GET' && r.path === path);
    if (!route)
      throw new Error(
        `governance: Strapi's admin has no GET ${path}; review admin-panel/strapi-ai-off.ts`
      );
    const off = async (ctx: Context, next: Next) => {
      if (strapi.config.get<boolean>('admin.ai.enabled', true) !== false) return next();
      ctx.body = { data: answer };
    };
    route.config = { ...route.config, middlewares: [...(route.config?.middlewares ?? []), off] };
  }
};
