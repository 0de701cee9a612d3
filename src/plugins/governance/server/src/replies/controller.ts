import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import type { SubmissionInput } from './service';
import { validatePublicList, validateQueryCode, validateSubmission } from './validation';

/** The public message routes: HTTP in and out, the rules in the service. */
const repliesController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async submit(ctx: Context) {
    // Strapi's content API wraps bodies in `data`; a plain form post is accepted too.
    const body = (ctx.request.body as { data?: unknown } | undefined)?.data ?? ctx.request.body;
    const input = (await validateSubmission(body ?? {})) as SubmissionInput;
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'replies').submit(input, { ip: ctx.request.ip }) };
  },

  async lookup(ctx: Context) {
    const { queryCode } = (await validateQueryCode({ queryCode: String(ctx.params.queryCode ?? '').toUpperCase() })) as { queryCode: string };
    ctx.body = { data: await getService(strapi, 'replies').lookup(queryCode) };
  },

  async publicReplies(ctx: Context) {
    const { site, page } = (await validatePublicList(ctx.query)) as { site?: string; page?: number };
    ctx.body = await getService(strapi, 'replies').publicReplies({ site, page });
  },
});

export default repliesController;
