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
  validateVersion,
  validateVersionsQuery,
  validateVisit,
  validateYearQuery,
} from './validation';
import { SNAPSHOT_ERRORS } from './snapshots';

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
    const { year, format, source, version } = await validateExportQuery(ctx.query);
    let ranking;
    let label = '';
    if (source === 'snapshot') {
      const snapshots = getService(strapi, 'rankingSnapshots');
      const snapshot = version ? await snapshots.version(year, version) : await snapshots.get(year);
      if (!snapshot) throw new errors.NotFoundError(SNAPSHOT_ERRORS.notFrozen(year));
      ranking = snapshot.ranking;
      label = `第${snapshot.version}版`;
    } else {
      ranking = await getService(strapi, 'rankings').compute(year);
    }
    const frozen = source === 'snapshot';
    const files = exportFiles(strapi);
    const notes = [
      frozen
        ? `数据冻结于 ${files.dateTime(ranking.computedAt)}（${label}）`
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
    const { year, note, reason } = await validateFreeze(ctx.request.body ?? {});
    ctx.body = {
      data: await getService(strapi, 'rankingSnapshots').freeze(
        year,
        { note: note || null, reason: reason || null },
        ctx.state.user
      ),
    };
  },

  /** The frozen versions of a year, newest first (none is ever edited or removed). */
  async snapshotVersions(ctx: Context) {
    const { year } = await validateVersionsQuery(ctx.query);
    ctx.body = {
      data: { year, versions: await getService(strapi, 'rankingSnapshots').versions(year) },
    };
  },

  async snapshotVersion(ctx: Context) {
    const { year, version } = await validateVersion({ ...ctx.query, version: ctx.params.version });
    ctx.body = { data: await getService(strapi, 'rankingSnapshots').version(year, version) };
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
      origin: ctx.get('origin') || undefined,
      referer: ctx.get('referer') || undefined,
    });
    ctx.status = 204;
  },
});

export default rankingsController;
