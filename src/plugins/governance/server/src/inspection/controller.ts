import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { ACTIONS } from '../permissions';
import { scopeByActions } from '../sites/scope';
import { exportFiles } from '../utils/export-file';
import { getService } from '../utils/get-service';
import { personName } from '../utils/person-name';
import { workbookStream } from '../utils/spreadsheet';
import { EXPORT_COLUMNS, INSPECTION_ERRORS as ERRORS } from './messages';
import { inspectionReads } from './reads';
import {
  validateDismissal,
  validateFindingId,
  validateFindingsQuery,
  validateRunRequest,
  validateUnpublishing,
} from './validation';
import { ARTICLE } from '../uids';

/** 内容巡检 over HTTP: the province sees every site; a member holding `oversight.own` their own. */
const inspectionController = ({ strapi }: { strapi: Core.Strapi }) => {
  const inspection = () => getService(strapi, 'contentInspection');
  const reads = inspectionReads(strapi);
  const scopeOf = (ctx: Context) =>
    scopeByActions(strapi, ctx, {
      everySite: ACTIONS.oversightRead,
      ownSites: ACTIONS.oversightOwn,
      refusal: ERRORS.notYourSite,
    });

  return {
    async summary(ctx: Context) {
      ctx.body = { data: await reads.summary(await scopeOf(ctx)) };
    },

    async findings(ctx: Context) {
      const filters = await validateFindingsQuery(ctx.query);
      ctx.body = await reads.findings(await scopeOf(ctx), filters as never);
    },

    /** 导出 Excel: every finding the filters select, within the caller's sites; on the record. */
    async export(ctx: Context) {
      const { page: _page, pageSize: _size, ...filters } = await validateFindingsQuery(ctx.query);
      const scope = await scopeOf(ctx);
      const files = exportFiles(strapi);
      const at = new Date();
      const site = filters.site
        ? (await reads.sitesIn(scope)).find((s) => s.code === filters.site)?.name
        : undefined;
      const title = `内容巡检${filters.state === 'dismissed' ? '（已判误报）' : ''}`;
      await getService(strapi, 'audit').record('report.export', {
        summary: `导出${title}${site ? `（${site}）` : ''}`,
        subject: title,
        details: { filters },
        actor: ctx.state.user,
      });
      files.attach(ctx, { title, asciiTitle: 'inspection', format: 'xlsx', at });
      ctx.body = workbookStream(
        { title, notes: [files.stamp(at), ...(site ? [`站点：${site}`] : [])] },
        [
          {
            name: title,
            columns: EXPORT_COLUMNS,
            rows: reads.exportRows(scope, filters as never, (value) =>
              value ? files.dateTime(value as string) : ''
            ),
          },
        ]
      );
    },

    async dismiss(ctx: Context) {
      const { id } = await validateFindingId(ctx.params);
      const { reason } = await validateDismissal(ctx.request.body);
      const user = ctx.state.user;
      ctx.body = {
        data: await inspection().dismiss(
          Number(id),
          { id: user.id, name: personName(user) },
          reason!.trim(),
          await scopeOf(ctx),
          user
        ),
      };
    },

    /** 撤稿: the finding's article offline, if the caller's Content Manager permission allows it. */
    async unpublish(ctx: Context) {
      const { id } = await validateFindingId(ctx.params);
      const { reason } = await validateUnpublishing(ctx.request.body);
      const checker = strapi
        .plugin('content-manager')
        .service('permission-checker')
        .create({ userAbility: ctx.state.userAbility, model: ARTICLE });
      ctx.body = {
        data: await inspection().unpublish(Number(id), {
          reason: reason!.trim(),
          scope: await scopeOf(ctx),
          mayUnpublish: (article) => !checker.cannot.unpublish(article),
          actor: ctx.state.user,
        }),
      };
    },

    /** 立即巡检: one site (a member's own, or any for the province) or, for the province, all. */
    async run(ctx: Context) {
      const { site } = await validateRunRequest(ctx.request.body ?? {});
      const scope = await scopeOf(ctx);
      const sites = await reads.sitesIn(scope);
      let siteId: number | undefined;
      if (site) {
        const found = sites.find((s) => s.code === site);
        if (!found) throw new errors.NotFoundError(ERRORS.noSuchSite);
        siteId = found.id;
      } else if (!scope.all) {
        if (sites.length !== 1) throw new errors.ValidationError(ERRORS.chooseSite);
        siteId = sites[0].id;
      }
      const started = await inspection().start({
        siteId,
        requestedBy: ctx.state.user,
      });
      if (!started) throw new errors.ApplicationError(ERRORS.running);
      ctx.status = 202;
      ctx.body = { data: { started: true } };
    },
  };
};

export default inspectionController;
