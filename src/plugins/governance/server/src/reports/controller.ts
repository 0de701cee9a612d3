import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { siteScope } from '../sites/scope';
import { sendFile } from '../utils/export-names';
import { getService } from '../utils/get-service';
import type { Report } from './service';
import {
  validateAccountFilters,
  validateAnnualNotice,
  validateAuditFilters,
  validateInspectionNotice,
  validateOversightFilters,
  validateRequiredYear,
  validateYear,
} from './validation';

const sendReport = (ctx: Context, { fileName, workbook }: Report) =>
  sendFile(ctx, fileName, 'xlsx', workbook);

/** The statistics pages' Excel exports and the notices as Word documents, over HTTP. */
const reportsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = () => getService(strapi, 'reports');
  return {
    async overview(ctx: Context) {
      const { year } = await validateYear(ctx.query);
      sendReport(ctx, await reports().overview(year, await siteScope(strapi, ctx.state.user)));
    },

    async messageStatistics(ctx: Context) {
      const { year } = await validateRequiredYear(ctx.query);
      sendReport(ctx, await reports().messageStatistics(year));
    },

    async oversight(ctx: Context) {
      sendReport(ctx, await reports().oversight(await validateOversightFilters(ctx.query)));
    },

    async sites(ctx: Context) {
      sendReport(ctx, await reports().sites(await siteScope(strapi, ctx.state.user)));
    },

    async accounts(ctx: Context) {
      sendReport(ctx, await reports().accounts(await validateAccountFilters(ctx.query)));
    },

    async audit(ctx: Context) {
      sendReport(ctx, await reports().audit(await validateAuditFilters(ctx.query)));
    },

    async annualNotice(ctx: Context) {
      const { year, ...heading } = await validateAnnualNotice(ctx.query);
      const { fileName, file } = await reports().annualNoticeDocument(year, heading);
      sendFile(ctx, fileName, 'docx', file);
    },

    async inspectionNotice(ctx: Context) {
      const { from, to, ...heading } = await validateInspectionNotice(ctx.query);
      const { fileName, file } = await reports().inspectionNoticeDocument(from, to, heading);
      sendFile(ctx, fileName, 'docx', file);
    },
  };
};

export default reportsController;
