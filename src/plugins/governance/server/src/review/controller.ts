import fs from 'fs/promises';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { exportFiles } from '../utils/export-file';
import { getService } from '../utils/get-service';
import { ERRORS } from './messages';
import {
  validateApproval,
  validateQueueQuery,
  validateRejection,
  validateWord,
  validateLinkHostRule,
  validateWordingRule,
  type WordInput,
} from './validation';

/** A word as the province typed it, without the spaces around it. */
const wordInput = async (body: unknown): Promise<WordInput> => {
  const { word, level, suggestion, note } = await validateWord(body);
  return {
    word: word.trim(),
    level,
    suggestion: suggestion?.trim() || null,
    note: note?.trim() || null,
  };
};

/** An import's file: a 规范表述 list of thousands of rows is well under a megabyte. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const wordId = (ctx: Context) => {
  const id = Number(ctx.params.id);
  return Number.isInteger(id) && id > 0 ? id : null;
};

const reviewController = ({ strapi }: { strapi: Core.Strapi }) => {
  const review = () => getService(strapi, 'review');
  const words = () => getService(strapi, 'sensitiveWords');
  const wording = () => getService(strapi, 'wordingRules');
  const linkHosts = () => getService(strapi, 'linkHostRules');

  return {
    async describe(ctx: Context) {
      ctx.body = { data: await review().describe(ctx.params.documentId, ctx.state.user) };
    },

    async submit(ctx: Context) {
      ctx.body = { data: await review().submit(ctx.params.documentId, ctx.state.user) };
    },

    async withdraw(ctx: Context) {
      ctx.body = { data: await review().withdraw(ctx.params.documentId, ctx.state.user) };
    },

    async approve(ctx: Context) {
      const input = await validateApproval(ctx.request.body);
      ctx.body = {
        data: await review().approve(ctx.params.documentId, ctx.state.user, {
          seenHash: input.contentHash,
          checklist: input.checklist,
          comment: input.comment ?? undefined,
        }),
      };
    },

    async reject(ctx: Context) {
      const { reason } = await validateRejection(ctx.request.body);
      ctx.body = { data: await review().reject(ctx.params.documentId, ctx.state.user, { reason }) };
    },

    async queue(ctx: Context) {
      const filters = await validateQueueQuery(ctx.query);
      const items = await review().queue(ctx.state.user, filters);
      ctx.body = { data: items, meta: { total: items.length } };
    },

    async count(ctx: Context) {
      ctx.body = { data: await review().count(ctx.state.user) };
    },

    async listWords(ctx: Context) {
      ctx.body = { data: await words().list() };
    },

    async createWord(ctx: Context) {
      const input = await wordInput(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await words().create(input) };
    },

    async updateWord(ctx: Context) {
      const id = wordId(ctx);
      if (!id) return ctx.badRequest(ERRORS.noSuchWord(Number(ctx.params.id)));
      ctx.body = { data: await words().update(id, await wordInput(ctx.request.body)) };
    },

    async deleteWord(ctx: Context) {
      const id = wordId(ctx);
      if (!id) return ctx.badRequest(ERRORS.noSuchWord(Number(ctx.params.id)));
      await words().remove(id);
      ctx.status = 204;
    },

    async listWordingRules(ctx: Context) {
      ctx.body = { data: await wording().list() };
    },

    async createWordingRule(ctx: Context) {
      const input = await validateWordingRule(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await wording().create(input) };
    },

    async updateWordingRule(ctx: Context) {
      const id = wordId(ctx);
      if (!id) return ctx.badRequest(ERRORS.noSuchWordingRule(Number(ctx.params.id)));
      ctx.body = { data: await wording().update(id, await validateWordingRule(ctx.request.body)) };
    },

    async deleteWordingRule(ctx: Context) {
      const id = wordId(ctx);
      if (!id) return ctx.badRequest(ERRORS.noSuchWordingRule(Number(ctx.params.id)));
      await wording().remove(id);
      ctx.status = 204;
    },

    async listLinkHosts(ctx: Context) {
      ctx.body = { data: await linkHosts().list() };
    },

    async createLinkHost(ctx: Context) {
      const input = await validateLinkHostRule(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await linkHosts().create(input) };
    },

    async updateLinkHost(ctx: Context) {
      const id = wordId(ctx);
      if (!id) return ctx.badRequest(ERRORS.noSuchHostRule(Number(ctx.params.id)));
      ctx.body = {
        data: await linkHosts().update(id, await validateLinkHostRule(ctx.request.body)),
      };
    },

    async deleteLinkHost(ctx: Context) {
      const id = wordId(ctx);
      if (!id) return ctx.badRequest(ERRORS.noSuchHostRule(Number(ctx.params.id)));
      await linkHosts().remove(id);
      ctx.status = 204;
    },

    async exportWordingRules(ctx: Context) {
      const files = exportFiles(strapi);
      const at = new Date();
      const body = await wording().exportWorkbook(files.stamp(at));
      files.attach(ctx, { title: '规范表述', asciiTitle: 'wording-rules', format: 'xlsx', at });
      ctx.body = body;
    },

    /** One Excel file in the multipart field `file`. */
    async importWordingRules(ctx: Context) {
      const files = (ctx.request as { files?: Record<string, unknown> }).files ?? {};
      const file = files.file as { filepath?: string; size?: number } | undefined;
      if (
        Object.keys(files).length !== 1 ||
        !file?.filepath ||
        Array.isArray(files.file) ||
        (file.size ?? 0) > MAX_IMPORT_BYTES
      )
        return ctx.badRequest(ERRORS.importFile);
      try {
        ctx.body = { data: await wording().importWorkbook(file.filepath) };
      } finally {
        await fs.rm(file.filepath, { force: true });
      }
    },
  };
};

export default reviewController;
