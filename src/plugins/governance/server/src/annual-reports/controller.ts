import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ACTIONS } from '../permissions';
import { scopeByActions } from '../sites/scope';
import { getService } from '../utils/get-service';
import { ANNUAL_REPORT_ERRORS as ERRORS } from './messages';
import { validateArticlesQuery, validateReportParams } from './validation';

/** 年度报表 over HTTP: the province (`annual-reports.oversee`) every site; a member holding `annual-reports.fill` their own. */
const annualReportsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = () => getService(strapi, 'annualReports');
  const scopeOf = (ctx: Context) =>
    scopeByActions(strapi, ctx, {
      everySite: ACTIONS.annualReportsOversee,
      ownSites: ACTIONS.annualReportsFill,
      refusal: ERRORS.notYourSite,
    });

  return {
    async figures(ctx: Context) {
      const { documentId, year } = await validateReportParams(ctx.params);
      ctx.body = { data: await reports().figures(await scopeOf(ctx), documentId, year) };
    },

    async articles(ctx: Context) {
      const { documentId, year } = await validateReportParams(ctx.params);
      const query = await validateArticlesQuery(ctx.query);
      ctx.body = await reports().articles(await scopeOf(ctx), documentId, year, query as never);
    },
  };
};

export default annualReportsController;
