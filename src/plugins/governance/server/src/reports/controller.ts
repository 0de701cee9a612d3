import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { siteScope } from '../sites/scope';
import { exportFiles } from '../utils/export-file';
import { getService } from '../utils/get-service';
import type { ExportRecord, Report } from './service';
import {
  validateAccountFilters,
  validateAnnualNotice,
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
  /** `asciiTitle`: the file's name for the rare client that cannot read a Chinese one. */
  const sendReport = async (
    ctx: Context,
    asciiTitle: string,
    { title, dated, workbook, record }: Report
  ) => {
    await recorded(ctx, record);
    exportFiles(strapi).attach(ctx, { title, asciiTitle, format: 'xlsx', dated });
    ctx.body = workbook;
  };
  const sendDocument = async (
    ctx: Context,
    asciiTitle: string,
    { title, file, record }: { title: string; file: Buffer; record: ExportRecord }
  ) => {
    await recorded(ctx, record);
    exportFiles(strapi).attach(ctx, { title, asciiTitle, format: 'docx', dated: false });
    ctx.body = file;
  };
  return {
    async overview(ctx: Context) {
      const { year } = await validateYear(ctx.query);
      await sendReport(
        ctx,
        'overview',
        await reports().overview(year, await siteScope(strapi, ctx.state.user))
      );
    },

    async messageStatistics(ctx: Context) {
      const { year } = await validateRequiredYear(ctx.query);
      await sendReport(ctx, 'message-statistics', await reports().messageStatistics(year));
    },

    async oversight(ctx: Context) {
      await sendReport(
        ctx,
        'oversight',
        await reports().oversight(await validateOversightFilters(ctx.query))
      );
    },

    async sites(ctx: Context) {
      await sendReport(
        ctx,
        'sites',
        await reports().sites(await siteScope(strapi, ctx.state.user))
      );
    },

    async accounts(ctx: Context) {
      await sendReport(
        ctx,
        'accounts',
        await reports().accounts(await validateAccountFilters(ctx.query))
      );
    },

    async annualNotice(ctx: Context) {
      const { year, ...heading } = await validateAnnualNotice(ctx.query);
      await sendDocument(ctx, 'annual-notice', await reports().annualNoticeDocument(year, heading));
    },

    async inspectionNotice(ctx: Context) {
      const { from, to, ...heading } = await validateInspectionNotice(ctx.query);
      await sendDocument(
        ctx,
        'inspection-notice',
        await reports().inspectionNoticeDocument(from, to, heading)
      );
    },
  };
};

export default reportsController;
