import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { GovernanceConfig } from '../config';
import { ACTIONS } from '../permissions';
import { forbidden } from '../utils/forbidden';
import { getService } from '../utils/get-service';
import type { ColumnManager } from '../../../shared/contracts/columns';
import { COLUMN_MANAGEMENT_ERRORS, ERRORS } from './messages';
import {
  validateAlertsQuery,
  validateChangeId,
  validateColumnChange,
  validateColumnDecision,
  validateColumnsQuery,
  validateCreateNotice,
  validateEvidence,
  validatePeriod,
  validateSiteParams,
  validateTaskId,
  validateTaskQuery,
  validateTaskReview,
  validateUrge,
} from './validation';

const can = (ctx: Context, action: string) => Boolean(ctx.state.userAbility?.can(action));

/** 站群监测, its alerts, inspection notices and rectification tasks over HTTP. */
const oversightController = ({ strapi }: { strapi: Core.Strapi }) => {
  const oversight = () => getService(strapi, 'oversight');
  const tasks = () => getService(strapi, 'rectifications');
  const columnManagement = () => getService(strapi, 'columnManagement');
  /** 栏目管理: the province with `sites.manage`; otherwise a member with `oversight.own` (the service checks they lead the site). */
  const columnManager = (ctx: Context): ColumnManager => {
    if (can(ctx, ACTIONS.sitesManage)) return 'province';
    if (can(ctx, ACTIONS.oversightOwn)) return 'leader';
    throw new errors.NotFoundError(COLUMN_MANAGEMENT_ERRORS.noSuchSite);
  };
  /** The province sees every site; a member holding `oversight.own` sees their own. */
  const scopeOf = async (ctx: Context) => {
    if (can(ctx, ACTIONS.oversightRead)) return { all: true as const };
    if (!can(ctx, ACTIONS.oversightOwn)) throw forbidden(ERRORS.notYourSite);
    return tasks().scopeOf(ctx.state.user);
  };

  return {
    async list(ctx: Context) {
      const computedAt = new Date();
      const { oversight: settings } = strapi.config.get('plugin::governance') as GovernanceConfig;
      ctx.body = {
        data: await oversight().bySite(computedAt),
        meta: {
          computedAt: computedAt.toISOString(),
          veto: settings.veto,
          staleAfterDays: settings.staleAfterDays,
        },
      };
    },

    async site(ctx: Context) {
      const { documentId } = await validateSiteParams(ctx.params);
      const scope = await scopeOf(ctx);
      if (!scope.all && !scope.sites.includes(documentId)) throw forbidden(ERRORS.notYourSite);
      const detail = await oversight().detail(documentId);
      if (!detail) throw new errors.NotFoundError(ERRORS.noSuchSite(documentId));
      ctx.body = { data: detail };
    },

    async own(ctx: Context) {
      ctx.body = { data: await oversight().own(ctx.state.user) };
    },

    /** 催办: the province urges a site's leaders to act; at most once per site and day. */
    async urge(ctx: Context) {
      const { documentId } = await validateSiteParams(ctx.params);
      const { note } = await validateUrge(ctx.request.body ?? {});
      ctx.status = 201;
      ctx.body = {
        data: await getService(strapi, 'oversightUrges').urge(
          documentId,
          note || null,
          ctx.state.user
        ),
      };
    },

    async alerts(ctx: Context) {
      const query = await validateAlertsQuery(ctx.query);
      const { data, pagination } = await getService(strapi, 'oversightAlerts').list(query);
      ctx.body = { data, meta: { pagination } };
    },

    async noticeDraft(ctx: Context) {
      const { from, to } = await validatePeriod(ctx.query);
      ctx.body = { data: await getService(strapi, 'inspectionNotices').draft(from, to) };
    },

    async notices(ctx: Context) {
      ctx.body = { data: await getService(strapi, 'inspectionNotices').list() };
    },

    async createNotice(ctx: Context) {
      const input = await validateCreateNotice(ctx.request.body ?? {});
      ctx.status = 201;
      ctx.body = {
        data: await getService(strapi, 'inspectionNotices').create(input, ctx.state.user),
      };
    },

    async rectifications(ctx: Context) {
      const filters = await validateTaskQuery(ctx.query);
      ctx.body = { data: await tasks().list(filters, await scopeOf(ctx)) };
    },

    async submitEvidence(ctx: Context) {
      const { id } = await validateTaskId(ctx.params);
      const { evidence } = await validateEvidence(ctx.request.body ?? {});
      ctx.body = { data: await tasks().submitEvidence(id, evidence, ctx.state.user) };
    },

    async columnSites(ctx: Context) {
      ctx.body = {
        data: await columnManagement().sites(ctx.state.user, columnManager(ctx)),
      };
    },

    async siteColumns(ctx: Context) {
      const { documentId } = await validateSiteParams(ctx.params);
      ctx.body = {
        data: await columnManagement().site(ctx.state.user, columnManager(ctx), documentId),
      };
    },

    async changeColumns(ctx: Context) {
      const { documentId } = await validateSiteParams(ctx.params);
      const input = await validateColumnChange(ctx.request.body ?? {});
      const result = await columnManagement().change(
        ctx.state.user,
        columnManager(ctx),
        documentId,
        input
      );
      ctx.status = result.status === 'applied' ? 201 : 202;
      ctx.body = { data: result };
    },

    async decideColumnChange(ctx: Context) {
      const { id } = await validateChangeId(ctx.params);
      const input = await validateColumnDecision(ctx.request.body ?? {});
      await columnManagement().decide(ctx.state.user, id, input);
      ctx.status = 204;
    },

    async columns(ctx: Context) {
      const query = await validateColumnsQuery(ctx.query);
      ctx.body = {
        data: await getService(strapi, 'siteColumns').forEditor(ctx.state.user, {
          site: query.site || undefined,
          article: query.article || undefined,
        }),
      };
    },

    async reviewTask(ctx: Context) {
      const { id } = await validateTaskId(ctx.params);
      const input = await validateTaskReview(ctx.request.body ?? {});
      ctx.body = {
        data: await tasks().review(
          id,
          { accept: input.accept, comment: input.comment || null },
          ctx.state.user
        ),
      };
    },
  };
};

export default oversightController;
