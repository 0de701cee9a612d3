import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createReadStream } from 'fs';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { csvStream } from '../utils/spreadsheet';
import { ERRORS } from './messages';
import { AUDIT_ACTIONS, type AuditAction } from './service';
import { validateAuditFilters } from './validation';

/** 操作日志 over HTTP: the list, its CSV export, the integrity check and the signed checkpoints. */
const auditController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const filters = await validateAuditFilters(ctx.query);
    ctx.body = await getService(strapi, 'audit').list(filters);
  },

  /** Streamed row by row: a year of logins does not sit in memory. */
  async export(ctx: Context) {
    const { page: _page, ...filters } = await validateAuditFilters(ctx.query);
    const entries = getService(strapi, 'audit').entries(filters);
    const rows = (async function* () {
      for await (const row of entries) {
        yield [
          row.seq,
          new Date(row.at).toISOString(),
          AUDIT_ACTIONS[row.action as AuditAction] ?? row.action,
          row.actorName,
          row.subject,
          row.summary,
          row.ip,
          row.hash,
        ];
      }
    })();
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.attachment(`audit-log-${new Date().toISOString().slice(0, 10)}.csv`);
    ctx.body = csvStream(['序号', '时间', '操作', '操作人', '对象', '内容', 'IP', '哈希'], rows);
  },

  async verify(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'audit').verify() };
  },

  /** The checkpoint file as it is: a copy kept elsewhere shows later that the log was cut short. */
  async checkpoints(ctx: Context) {
    const file = getService(strapi, 'audit').checkpointFile();
    if (!file) throw new errors.NotFoundError(ERRORS.noCheckpoints);
    ctx.attachment(`audit-checkpoints-${new Date().toISOString().slice(0, 10)}.jsonl`);
    ctx.set('Content-Type', 'application/x-ndjson; charset=utf-8');
    ctx.body = createReadStream(file);
  },
});

export default auditController;
