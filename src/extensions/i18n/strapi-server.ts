import type { Context } from 'koa';

type Handler = (ctx: Context) => Promise<unknown>;
type JobsController = Record<'getJobForCollectionType' | 'getJobForSingleType', Handler>;
type JobsControllerFactory = (deps: unknown) => JobsController;

/**
 * Strapi's AI translation (a paid Strapi service the group does not use) answers the admin's
 * question "is this document being translated?" with 404 while it is off, for every document:
 * each article's edit view then showed an English "Not found" notice. Off, the answer is that
 * there is no translation job.
 */
export default (plugin: { controllers: Record<string, unknown> }) => {
  const original = plugin.controllers['ai-localization-jobs'] as JobsControllerFactory;
  plugin.controllers['ai-localization-jobs'] = (deps: unknown) => {
    const controller = original(deps);
    const noJobWhenOff =
      (handler: Handler): Handler =>
      async (ctx) => {
        await handler(ctx);
        // Its only 404 is "AI translation is off".
        if (ctx.status === 404) {
          ctx.status = 200;
          ctx.body = { data: null };
        }
      };
    return {
      ...controller,
      getJobForCollectionType: noJobWhenOff(controller.getJobForCollectionType),
      getJobForSingleType: noJobWhenOff(controller.getJobForSingleType),
    };
  };
  return plugin;
};
