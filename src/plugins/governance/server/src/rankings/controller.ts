import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { siteScope } from '../sites/scope';
import { getService } from '../utils/get-service';
import { exportFiles } from '../utils/export-file';
import { rankingCsv, rankingXlsx } from './export';
import {
  validateExcludedQuery,
  validateExportQuery,
  validateFreeze,
  validateSettings,
  validateVisit,
  validateYearQuery,
} from './validation';

/** 发布排名 over HTTP: the panel, exports, snapshots, the notice, and the public visit beacon. */
const rankingsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async panel(ctx: Context) {
    const { year } = await validateYearQuery(ctx.query);
    ctx.body = { data: await getService(strapi, 'rankings').panel(year) };
  },

  async own(ctx: Context) {
    const { year } = await validateYearQuery(ctx.query);
    ctx.body = {
      data: await getService(strapi, 'rankings').ownPlaces(
        year,
        await siteScope(strapi, ctx.state.user)
      ),
    };
  },

  async excluded(ctx: Context) {
    const { year, site } = await validateExcludedQuery(ctx.query);
    ctx.body = { data: await getService(strapi, 'rankings').excluded(year, site) };
  },

  async notice(ctx: Context) {
    const { year } = await validateYearQuery(ctx.query);
    ctx.body = { data: await getService(strapi, 'rankings').notice(year) };
  },

  async export(ctx: Context) {
    const { year, format, source } = await validateExportQuery(ctx.query);
    let ranking;
    if (source === 'snapshot') {
      const snapshot = await getService(strapi, 'rankingSnapshots').get(year);
      if (!snapshot) throw new errors.NotFoundError(`${year} 年的排名尚未冻结`);
      ranking = snapshot.ranking;
    } else {
      ranking = await getService(strapi, 'rankings').compute(year);
    }
    const frozen = source === 'snapshot';
    const files = exportFiles(strapi);
    const notes = [
      frozen
        ? `数据冻结于 ${files.dateTime(ranking.computedAt)}`
        : '实时数据（尚未冻结，以冻结后的数据为准）',
      files.stamp(),
    ];
    // The workbook lists the articles not counted too (as judged now, for a snapshot as well).
    ctx.body =
      format === 'csv'
        ? rankingCsv(ranking, notes)
        : await rankingXlsx(ranking, notes, {
            articles: await getService(strapi, 'rankings').excluded(year),
            dateTime: (at) => files.dateTime(at),
          });
    // The year names the period: 2014年发布排名.xlsx, 2014年发布排名（冻结）.xlsx.
    files.attach(ctx, {
      title: `${year}年发布排名${frozen ? '（冻结）' : ''}`,
      asciiTitle: `ranking-${year}${frozen ? '-snapshot' : ''}`,
      format,
      dated: false,
    });
  },

  async freeze(ctx: Context) {
    const { year, note } = await validateFreeze(ctx.request.body ?? {});
    ctx.body = {
      data: await getService(strapi, 'rankingSnapshots').freeze(year, note || null, ctx.state.user),
    };
  },

  async settings(ctx: Context) {
    const { membersSeeOwnPlace } = await validateSettings(ctx.request.body ?? {});
    ctx.body = {
      data: await getService(strapi, 'rankings').updateSettings(membersSeeOwnPlace, ctx.state.user),
    };
  },

  /**
   * POST /api/visits, from the sites' pages. Always 204 for a well-formed hit, counted or not:
   * a robot or a flood learns nothing from the answer.
   */
  async visit(ctx: Context) {
    let body: unknown = ctx.request.body;
    // navigator.sendBeacon sends a string body as text/plain.
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        throw new errors.ValidationError('请求体须为 JSON');
      }
    }
    const { site } = await validateVisit(body ?? {});
    await getService(strapi, 'visits').record(site, {
      userAgent: ctx.get('user-agent') || undefined,
      ip: ctx.request.ip,
    });
    ctx.status = 204;
  },
});

export default rankingsController;
