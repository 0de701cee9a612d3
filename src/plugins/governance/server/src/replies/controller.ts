import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { CommitNotConfirmedError } from '../utils/confirmed-commit';
import { getService } from '../utils/get-service';
import { answerUnavailable } from '../utils/unavailable';
import type handling from './handling';
import type { Category } from '../../../shared/contracts/messages';
import { ERRORS } from './messages';
import type { RatingInput, SubmissionInput } from './service';
import {
  validateCategoryCorrection,
  validateExtensionDecision,
  validateExtensionRequest,
  validateInbox,
  validatePublicList,
  validateQueryCode,
  validateRating,
  validateReason,
  validateReply,
  validateSample,
  validateSpotCheck,
  validateStatistics,
  validateSubmission,
  validateTransfer,
} from './validation';

const messageId = (ctx: Context) => {
  const id = Number(ctx.params.id);
  return Number.isInteger(id) && id > 0 ? id : 0;
};

/** The public message routes: HTTP in and out, the rules in the service. */
const repliesController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async submit(ctx: Context) {
    // Strapi's content API wraps bodies in `data`; a plain form post is accepted too.
    const body = (ctx.request.body as { data?: unknown } | undefined)?.data ?? ctx.request.body;
    const input = (await validateSubmission(body ?? {})) as SubmissionInput;
    try {
      ctx.body = {
        data: await getService(strapi, 'replies').submit(input, { ip: ctx.request.ip }),
      };
    } catch (error) {
      // The database did not confirm the message (restarting, connection lost): no query code,
      // and an answer that says to come back rather than a bare 500.
      if (!(error instanceof CommitNotConfirmedError)) throw error;
      strapi.log.warn(`citizen message not stored: ${error.message}`);
      answerUnavailable(ctx, ERRORS.notStored);
      return;
    }
    ctx.status = 201;
  },

  async lookup(ctx: Context) {
    const { queryCode } = (await validateQueryCode({
      queryCode: String(ctx.params.queryCode ?? '').toUpperCase(),
    })) as { queryCode: string };
    ctx.body = { data: await getService(strapi, 'replies').lookup(queryCode) };
  },

  async rate(ctx: Context) {
    const { queryCode } = (await validateQueryCode({
      queryCode: String(ctx.params.queryCode ?? '').toUpperCase(),
    })) as { queryCode: string };
    const body = (ctx.request.body as { data?: unknown } | undefined)?.data ?? ctx.request.body;
    const input = (await validateRating(body ?? {})) as RatingInput;
    ctx.body = { data: await getService(strapi, 'replies').rate(queryCode, input) };
  },

  async publicReplies(ctx: Context) {
    const { site, page } = (await validatePublicList(ctx.query)) as {
      site?: string;
      page?: number;
    };
    ctx.body = await getService(strapi, 'replies').publicReplies({ site, page });
  },

  // The admin's handling flow: the actor is always the session's user.
  async inbox(ctx: Context) {
    const filters = (await validateInbox(ctx.query)) as Parameters<
      ReturnType<typeof handling>['inbox']
    >[1];
    ctx.body = await getService(strapi, 'messageHandling').inbox(ctx.state.user, filters);
  },

  async getCase(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'messageHandling').getCase(messageId(ctx), ctx.state.user),
    };
  },

  async sign(ctx: Context) {
    await getService(strapi, 'messageHandling').sign(messageId(ctx), ctx.state.user);
    ctx.status = 204;
  },

  async reply(ctx: Context) {
    const input = (await validateReply(ctx.request.body)) as {
      text: string;
      unit?: string | null;
      acknowledgeFlags?: boolean;
    };
    await getService(strapi, 'messageHandling').reply(messageId(ctx), ctx.state.user, input);
    ctx.status = 204;
  },

  async transfer(ctx: Context) {
    const input = (await validateTransfer(ctx.request.body)) as { site: string; reason: string };
    await getService(strapi, 'messageHandling').transfer(messageId(ctx), ctx.state.user, input);
    ctx.status = 204;
  },

  async requestExtension(ctx: Context) {
    const input = (await validateExtensionRequest(ctx.request.body)) as {
      workingDays: number;
      reason: string;
    };
    await getService(strapi, 'messageHandling').requestExtension(
      messageId(ctx),
      ctx.state.user,
      input
    );
    ctx.status = 204;
  },

  async decideExtension(ctx: Context) {
    const input = (await validateExtensionDecision(ctx.request.body)) as {
      approve: boolean;
      comment?: string | null;
    };
    await getService(strapi, 'messageHandling').decideExtension(
      messageId(ctx),
      ctx.state.user,
      input
    );
    ctx.status = 204;
  },

  async markInvalid(ctx: Context) {
    const { reason } = (await validateReason(ctx.request.body)) as { reason: string };
    await getService(strapi, 'messageHandling').markInvalid(messageId(ctx), ctx.state.user, reason);
    ctx.status = 204;
  },

  async correctCategory(ctx: Context) {
    const input = (await validateCategoryCorrection(ctx.request.body)) as {
      category: Category;
      reason: string;
    };
    await getService(strapi, 'messageHandling').correctCategory(
      messageId(ctx),
      ctx.state.user,
      input
    );
    ctx.status = 204;
  },

  async close(ctx: Context) {
    await getService(strapi, 'messageHandling').close(messageId(ctx), ctx.state.user);
    ctx.status = 204;
  },

  async transferTargets(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'messageHandling').transferTargets() };
  },

  async spotCheck(ctx: Context) {
    const input = (await validateSpotCheck(ctx.request.body)) as {
      verdict: 'standard' | 'substandard';
      comment?: string | null;
    };
    await getService(strapi, 'messageHandling').spotCheck(messageId(ctx), ctx.state.user, input);
    ctx.status = 204;
  },

  async statistics(ctx: Context) {
    const { year } = (await validateStatistics(ctx.query)) as { year: number };
    ctx.body = { data: await getService(strapi, 'messageStatistics').forYear(year) };
  },

  async sample(ctx: Context) {
    const query = (await validateSample(ctx.query)) as {
      year: number;
      size: number;
      site?: string;
    };
    ctx.body = { data: await getService(strapi, 'messageStatistics').sample(query) };
  },
});

export default repliesController;
