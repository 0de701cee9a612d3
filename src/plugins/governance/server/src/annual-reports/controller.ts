import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ACTIONS } from '../permissions';
import { siteScope, type SiteScope } from '../sites/scope';
import { forbidden } from '../utils/forbidden';
import { getService } from '../utils/get-service';
import { ANNUAL_REPORT_ERRORS as ERRORS } from './messages';
import { validateArticlesQuery, validateReportParams } from './validation';

const can = (ctx: Context, action: string) => Boolean(ctx.state.userAbility?.can(action));

/** 年度报表 over HTTP: the province (`annual-reports.oversee`) every site; a member holding `annual-reports.fill` their own. */
const annualReportsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = () => getService(strapi, 'annualReports');
  const scopeOf = async (ctx: Context): Promise<SiteScope> => {
    if (can(ctx, ACTIONS.annualReportsOversee)) return { all: true };
    if (!can(ctx, ACTIONS.annualReportsFill)) throw forbidden(ERRORS.notYourSite);
    const scope = await siteScope(strapi, ctx.state.user);
    return scope.all ? { all: false, siteIds: [] } : scope;
  };

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
