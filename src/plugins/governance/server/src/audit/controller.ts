import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createReadStream } from 'fs';
import type { Context } from 'koa';
import { auditActionName } from '../../../shared/contracts/audit';
import { chineseDate } from '../../../shared/chinese-date';
import { exportFiles } from '../utils/export-file';
import { getService } from '../utils/get-service';
import { csvStream, workbookStream, type Cell, type SheetHead } from '../utils/spreadsheet';
import { ERRORS } from './messages';
import { readableEntry } from './sentence';
import { validateAuditFilters } from './validation';

/** The export's columns; the time's names the zone it is written in (时间（北京时间）). */
const columnsIn = (zone: string) => [
  { head: '序号', width: 8 },
  { head: `时间（${zone}）`, width: 22 },
  { head: '操作', width: 16 },
  { head: '操作人', width: 22 },
  { head: '记录', width: 80 },
  { head: 'IP 地址', width: 16 },
  { head: '校验码', width: 20 },
];

/** The filters applied, as the export's second line says them; none: 全部记录. */
const filterNote = (filters: { action?: string; actor?: string; from?: string; to?: string }) => {
  const parts = [
    filters.action ? `操作类型：${auditActionName(filters.action)}` : null,
    filters.actor ? `操作人含“${filters.actor}”` : null,
    filters.from || filters.to
      ? `日期：${filters.from ? chineseDate(filters.from, { weekday: false }) : '最早'}至${filters.to ? chineseDate(filters.to, { weekday: false }) : '今日'}`
      : null,
  ].filter(Boolean);
  return parts.length ? `筛选条件：${parts.join('；')}` : '全部记录';
};

/** 操作日志 over HTTP: the list, its export, the integrity check and the signed checkpoints. */
const auditController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const { format: _format, ...filters } = await validateAuditFilters(ctx.query);
    ctx.body = await getService(strapi, 'audit').list(filters);
  },

  /**
   * The entries the filters select, oldest first, as the page words them, in Excel (default) or
   * CSV: streamed row by row, so a year of logins does not sit in memory.
   */
  async export(ctx: Context) {
    const { page: _page, format, ...filters } = await validateAuditFilters(ctx.query);
    const files = exportFiles(strapi);
    const entries = getService(strapi, 'audit').entries(filters);
    const rows = (async function* (): AsyncGenerator<Cell[]> {
      for await (const row of entries) {
        const entry = readableEntry(row);
        yield [
          entry.seq,
          files.dateTime(entry.at),
          entry.actionName,
          entry.actor,
          entry.sentence,
          entry.ip,
          row.hash,
        ];
      }
    })();
    const now = new Date();
    const head: SheetHead = {
      title: '操作日志',
      notes: [filterNote(filters), files.stamp(now)],
    };
    files.attach(ctx, { title: '操作日志', asciiTitle: 'audit-log', format, at: now });
    const columns = columnsIn(files.zoneName());
    ctx.body =
      format === 'csv'
        ? csvStream(
            columns.map((column) => column.head),
            rows,
            head
          )
        : workbookStream(head, [{ name: '操作日志', columns, rows }]);
  },

  async verify(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'audit').verify() };
  },

  /** The checkpoint file as it is: a copy kept elsewhere shows later that the log was cut short. */
  async checkpoints(ctx: Context) {
    const file = getService(strapi, 'audit').checkpointFile();
    if (!file) throw new errors.NotFoundError(ERRORS.noCheckpoints);
    exportFiles(strapi).attach(ctx, {
      title: '操作日志校验点',
      asciiTitle: 'audit-checkpoints',
      format: 'jsonl',
    });
    ctx.body = createReadStream(file);
  },
});

export default auditController;
