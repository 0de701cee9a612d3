import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { siteScope } from '../sites/scope';
import { sendFile } from '../utils/export-names';
import { getService } from '../utils/get-service';
import type { ExportRecord, Report } from './service';
import {
  validateAccountFilters,
  validateAnnualNotice,
  validateAuditFilters,
  validateInspectionNotice,
  validateOversightFilters,
  validateRequiredYear,
  validateYear,
} from './validation';

/** The statistics pages' Excel exports and the notices as Word documents, over HTTP. */
const reportsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = () => getService(strapi, 'reports');
  /** Every export is on the record, as the person exporting it. */
  const recorded = (ctx: Context, record: ExportRecord) =>
    getService(strapi, 'audit').record('report.export', { ...record, actor: ctx.state.user });
  const sendReport = async (ctx: Context, { fileName, workbook, record }: Report) => {
    await recorded(ctx, record);
    sendFile(ctx, fileName, 'xlsx', workbook);
  };
  return {
    async overview(ctx: Context) {
      const { year } = await validateYear(ctx.query);
      await sendReport(
        ctx,
        await reports().overview(year, await siteScope(strapi, ctx.state.user))
      );
    },

    async messageStatistics(ctx: Context) {
      const { year } = await validateRequiredYear(ctx.query);
      await sendReport(ctx, await reports().messageStatistics(year));
    },

    async oversight(ctx: Context) {
      await sendReport(ctx, await reports().oversight(await validateOversightFilters(ctx.query)));
    },

    async sites(ctx: Context) {
      await sendReport(ctx, await reports().sites(await siteScope(strapi, ctx.state.user)));
    },

    async accounts(ctx: Context) {
      await sendReport(ctx, await reports().accounts(await validateAccountFilters(ctx.query)));
    },

    async audit(ctx: Context) {
      await sendReport(ctx, await reports().audit(await validateAuditFilters(ctx.query)));
    },

    async annualNotice(ctx: Context) {
      const { year, ...heading } = await validateAnnualNotice(ctx.query);
      const { fileName, file, record } = await reports().annualNoticeDocument(year, heading);
      await recorded(ctx, record);
      sendFile(ctx, fileName, 'docx', file);
    },

    async inspectionNotice(ctx: Context) {
      const { from, to, ...heading } = await validateInspectionNotice(ctx.query);
      const { fileName, file, record } = await reports().inspectionNoticeDocument(
        from,
        to,
        heading
      );
      await recorded(ctx, record);
      sendFile(ctx, fileName, 'docx', file);
    },
  };
};

export default reportsController;
