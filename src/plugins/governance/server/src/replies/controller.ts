import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { CommitNotConfirmedError } from '../utils/confirmed-commit';
import { exportFiles } from '../utils/export-file';
import { getService } from '../utils/get-service';
import { answerUnavailable } from '../utils/unavailable';
import { ERRORS } from './messages';
import {
  validateCategoryCorrection,
  validateExtensionDecision,
  validateExtensionRequest,
  validateBulkSign,
  validateInbox,
  validateInvalidDecision,
  validateInboxExport,
  validatePublicChoice,
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

/** Strapi's content API wraps bodies in `data`; a plain form post is accepted too. */
const formBody = (body: unknown) => {
  const data = typeof body === 'object' && body !== null && 'data' in body ? body.data : undefined;
  return data ?? body;
};

const messageId = (ctx: Context) => {
  const id = Number(ctx.params.id);
  return Number.isInteger(id) && id > 0 ? id : 0;
};

/** The public message routes: HTTP in and out, the rules in the service. */
const repliesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const replies = () => getService(strapi, 'replies');
  const desk = () => getService(strapi, 'messageDesk');
  const handling = () => getService(strapi, 'messageHandling');
  const transfers = () => getService(strapi, 'messageTransfers');
  const statistics = () => getService(strapi, 'messageStatistics');

  return {
    async submit(ctx: Context) {
      const input = await validateSubmission(formBody(ctx.request.body) ?? {});
      try {
        ctx.body = { data: await replies().submit(input, { ip: ctx.request.ip }) };
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
      const { queryCode } = await validateQueryCode({
        queryCode: String(ctx.params.queryCode ?? '').toUpperCase(),
      });
      ctx.body = { data: await replies().lookup(queryCode) };
    },

    async rate(ctx: Context) {
      const { queryCode } = await validateQueryCode({
        queryCode: String(ctx.params.queryCode ?? '').toUpperCase(),
      });
      const input = await validateRating(formBody(ctx.request.body) ?? {});
      ctx.body = { data: await replies().rate(queryCode, input) };
    },

    async publicReplies(ctx: Context) {
      const { site, page } = await validatePublicList(ctx.query);
      ctx.body = await replies().publicReplies({ site, page });
    },

    // The admin's handling flow: the actor is always the session's user.
    async inbox(ctx: Context) {
      const filters = await validateInbox(ctx.query);
      ctx.body = await desk().inbox(ctx.state.user, filters);
    },

    async exportInbox(ctx: Context) {
      const filters = await validateInboxExport(ctx.query);
      const { title, workbook, at } = await desk().exportInbox(ctx.state.user, filters);
      exportFiles(strapi).attach(ctx, { title, asciiTitle: 'messages', format: 'xlsx', at });
      ctx.body = workbook;
    },

    async todo(ctx: Context) {
      ctx.body = { data: await desk().todo(ctx.state.user) };
    },

    async signMany(ctx: Context) {
      const { ids } = await validateBulkSign(ctx.request.body);
      ctx.body = { data: await handling().signMany(ids, ctx.state.user) };
    },

    async setPublic(ctx: Context) {
      const { isPublic } = await validatePublicChoice(ctx.request.body);
      await handling().setPublic(messageId(ctx), ctx.state.user, isPublic);
      ctx.status = 204;
    },

    async getCase(ctx: Context) {
      ctx.body = { data: await desk().getCase(messageId(ctx), ctx.state.user) };
    },

    async sign(ctx: Context) {
      await handling().sign(messageId(ctx), ctx.state.user);
      ctx.status = 204;
    },

    async reply(ctx: Context) {
      const input = await validateReply(ctx.request.body);
      await handling().reply(messageId(ctx), ctx.state.user, input);
      ctx.status = 204;
    },

    async transfer(ctx: Context) {
      const input = await validateTransfer(ctx.request.body);
      await transfers().transfer(messageId(ctx), ctx.state.user, input);
      ctx.status = 204;
    },

    async acceptTransfer(ctx: Context) {
      await transfers().acceptTransfer(messageId(ctx), ctx.state.user);
      ctx.status = 204;
    },

    async refuseTransfer(ctx: Context) {
      const { reason } = await validateReason(ctx.request.body);
      await transfers().refuseTransfer(messageId(ctx), ctx.state.user, reason);
      ctx.status = 204;
    },

    async misassigned(ctx: Context) {
      const { reason } = await validateReason(ctx.request.body);
      await transfers().misassigned(messageId(ctx), ctx.state.user, reason);
      ctx.status = 204;
    },

    async requestExtension(ctx: Context) {
      const input = await validateExtensionRequest(ctx.request.body);
      await handling().requestExtension(messageId(ctx), ctx.state.user, input);
      ctx.status = 204;
    },

    async decideExtension(ctx: Context) {
      const input = await validateExtensionDecision(ctx.request.body);
      await handling().decideExtension(messageId(ctx), ctx.state.user, input);
      ctx.status = 204;
    },

    async markInvalid(ctx: Context) {
      const { reason } = await validateReason(ctx.request.body);
      await handling().markInvalid(messageId(ctx), ctx.state.user, reason);
      ctx.status = 204;
    },

    async decideInvalid(ctx: Context) {
      const input = await validateInvalidDecision(ctx.request.body);
      await handling().decideInvalid(messageId(ctx), ctx.state.user, input);
      ctx.status = 204;
    },

    async correctCategory(ctx: Context) {
      const input = await validateCategoryCorrection(ctx.request.body);
      await handling().correctCategory(messageId(ctx), ctx.state.user, input);
      ctx.status = 204;
    },

    async close(ctx: Context) {
      await handling().close(messageId(ctx), ctx.state.user);
      ctx.status = 204;
    },

    async transferTargets(ctx: Context) {
      ctx.body = { data: await transfers().transferTargets() };
    },

    async spotCheck(ctx: Context) {
      const input = await validateSpotCheck(ctx.request.body);
      await handling().spotCheck(messageId(ctx), ctx.state.user, input);
      ctx.status = 204;
    },

    async statistics(ctx: Context) {
      const { year } = await validateStatistics(ctx.query);
      ctx.body = { data: await statistics().forYear(year) };
    },

    async sample(ctx: Context) {
      const query = await validateSample(ctx.query);
      ctx.body = { data: await statistics().sample(query) };
    },
  };
};

export default repliesController;
