import type { Core } from '@strapi/strapi';
import { createHash } from 'crypto';
import { DateTime } from 'luxon';
import type { GovernanceConfig } from '../config';
import { dbNames } from '../utils/db-names';
import { personName } from '../utils/person-name';

export const AUDIT_ENTRY = 'plugin::governance.audit-entry';
const AUDIT_HEAD = 'plugin::governance.audit-head';
const HEAD_NAME = 'audit';
/** The hash before the first entry. */
const GENESIS = '0'.repeat(64);

/** What the log records, with the name a reader sees. */
export const AUDIT_ACTIONS = {
  'login.success': '登录成功',
  'login.failure': '登录失败',
  'account.locked': '账号锁定',
  'account.unlocked': '账号解锁',
  'account.forceChange': '强制修改密码',
  'account.disabled': '账号停用',
  'account.holder': '指定责任人',
  'account.refused': '越权操作账号被拒',
  'password.changed': '修改密码',
  'review.approve': '审核通过',
  'review.reject': '审核退回',
  'article.publish': '发布文章',
  'article.unpublish': '撤销发布',
  'message.reply': '答复留言',
  'message.transfer': '转办留言',
  'message.correctCategory': '更正留言类别',
  'membership.add': '添加站点人员',
  'membership.remove': '移除站点人员',
  'user.roles': '变更角色',
  'personalData.read': '查看个人信息',
  'audit.purge': '清理过期日志',
  'rankings.freeze': '冻结发布排名',
  'rankings.settings': '名次可见范围',
  'submission.submit': '报送信息',
  'submission.withdraw': '撤回报送',
  'submission.adopt': '采用报送',
  'submission.decline': '退回报送',
  'oversight.alert': '监测预警',
  'oversight.notice': '生成监测通报',
  'rectification.open': '下发整改任务',
  'rectification.submit': '提交整改情况',
  'rectification.review': '整改验收',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export interface AuditInput {
  summary: string;
  subject?: string | null;
  details?: Record<string, unknown> | null;
  /** Defaults to the request's admin user; `system` for jobs, or a name (the citizen). */
  actor?: { id: number | null; name: string } | 'system';
}

interface EntryRow {
  seq: number;
  at: string;
  action: string;
  actorId: number | null;
  actorName: string | null;
  subject: string | null;
  summary: string | null;
  details: unknown;
  ip: string | null;
  prevHash: string;
  hash: string;
}

/** JSON with its keys in one order, whatever order a database gives them back in. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
};

const hashOf = (entry: Omit<EntryRow, 'hash'>) =>
  createHash('sha256')
    .update(canonical([entry.seq, new Date(entry.at).toISOString(), entry.action, entry.actorId, entry.actorName, entry.subject, entry.summary, entry.details, entry.ip, entry.prevHash]))
    .digest('hex');

/**
 * 操作日志: an append-only trail of who did what, when and from where. Each entry's hash covers
 * its content and the previous entry's hash, and the head row holds the last one: an entry
 * changed, removed or inserted afterwards breaks the chain, which `verify` finds. Appends take
 * the head row's lock, so concurrent appends queue instead of forking the chain. Entries older
 * than the retention period (at least 180 days, 网络安全法 第二十一条) are purged, the last purged
 * hash kept as the chain's new anchor.
 */
const auditService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;

  /** The head row, locked for the rest of the transaction on PostgreSQL (SQLite writes one at a time anyway). */
  const lockedHead = async (trx: unknown) => {
    const head = dbNames(strapi, AUDIT_HEAD);
    let query = strapi.db.connection(head.table).transacting(trx as never).where(head.column('name'), HEAD_NAME);
    if (strapi.db.dialect.client !== 'sqlite') query = query.forUpdate();
    const row = await query.first();
    return { names: head, row: row as Record<string, unknown> };
  };

  const service = {
    /** Creates the head row once, outside any transaction (a failed insert would abort one). */
    async ensureHead() {
      const heads = strapi.db.query(AUDIT_HEAD);
      if (await heads.findOne({ where: { name: HEAD_NAME } })) return;
      try {
        await heads.create({ data: { name: HEAD_NAME, seq: 0, hash: GENESIS } });
      } catch (error) {
        if (!(await heads.findOne({ where: { name: HEAD_NAME } }))) throw error;
      }
    },

    /** Appends an entry (inside the caller's transaction, if any). */
    async record(action: AuditAction, input: AuditInput) {
      const ctx = strapi.requestContext.get() as { state?: { user?: { id: number; firstname?: string; lastname?: string; email?: string } }; request?: { ip?: string } } | undefined;
      const sessionUser = ctx?.state?.user;
      const actor =
        input.actor === 'system'
          ? { id: null, name: '系统 (system)' }
          : input.actor ?? (sessionUser ? { id: sessionUser.id, name: personName(sessionUser) } : { id: null, name: '系统 (system)' });
      await strapi.db.transaction(async ({ trx }) => {
        const { names, row } = await lockedHead(trx);
        const entry = {
          seq: Number(row[names.column('seq')]) + 1,
          at: new Date().toISOString(),
          action,
          actorId: actor.id,
          actorName: actor.name.slice(0, 200),
          subject: input.subject?.slice(0, 200) ?? null,
          summary: input.summary,
          details: input.details ?? null,
          ip: ctx?.request?.ip?.slice(0, 45) ?? null,
          prevHash: String(row[names.column('hash')] ?? GENESIS),
        };
        const hash = hashOf(entry);
        await strapi.db.query(AUDIT_ENTRY).create({ data: { ...entry, at: new Date(entry.at), hash } });
        await strapi.db
          .connection(names.table)
          .transacting(trx as never)
          .where('id', row.id as number)
          .update({ [names.column('seq')]: entry.seq, [names.column('hash')]: hash });
      });
    },

    /** The log page: newest first, filtered by action, actor and local dates. */
    async list(filters: { action?: string; actor?: string; from?: string; to?: string; page?: number; pageSize?: number }) {
      const where = service.where(filters);
      const page = filters.page ?? 1;
      const pageSize = filters.pageSize ?? 50;
      const [rows, total] = await Promise.all([
        strapi.db.query(AUDIT_ENTRY).findMany({
          where,
          select: ['seq', 'at', 'action', 'actorName', 'subject', 'summary', 'ip'],
          orderBy: { seq: 'desc' },
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        strapi.db.query(AUDIT_ENTRY).count({ where }),
      ]);
      return { data: rows, meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) }, actions: Object.keys(AUDIT_ACTIONS) } };
    },

    where({ action, actor, from, to }: { action?: string; actor?: string; from?: string; to?: string }) {
      const zone = config().timezone;
      const at: Record<string, Date> = {};
      if (from) at.$gte = DateTime.fromISO(from, { zone }).startOf('day').toJSDate();
      if (to) at.$lt = DateTime.fromISO(to, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
      return {
        ...(action ? { action } : {}),
        ...(actor ? { actorName: { $containsi: actor } } : {}),
        ...(from || to ? { at } : {}),
      };
    },

    /** Every entry matching the filters, oldest first, in pages: for the CSV export. */
    async *entries(filters: { action?: string; actor?: string; from?: string; to?: string }) {
      const where = service.where(filters);
      for (let after = 0; ; ) {
        const rows = (await strapi.db.query(AUDIT_ENTRY).findMany({ where: { ...where, seq: { $gt: after } }, orderBy: { seq: 'asc' }, limit: 1000 })) as EntryRow[];
        if (rows.length === 0) return;
        yield* rows;
        after = rows[rows.length - 1].seq;
      }
    },

    /**
     * Recomputes the chain from its anchor to the head: answers the first entry whose number,
     * link or hash does not match, or the head itself when its tail was removed.
     */
    async verify() {
      const head = (await strapi.db.query(AUDIT_HEAD).findOne({ where: { name: HEAD_NAME } })) as { seq: number; hash: string; anchorSeq: number | null; anchorHash: string | null } | null;
      let expectedSeq = (head?.anchorSeq ?? 0) + 1;
      let previous = head?.anchorHash ?? GENESIS;
      let checked = 0;
      for (let after = head?.anchorSeq ?? 0; ; ) {
        const rows = (await strapi.db.query(AUDIT_ENTRY).findMany({ where: { seq: { $gt: after } }, orderBy: { seq: 'asc' }, limit: 1000 })) as EntryRow[];
        if (rows.length === 0) break;
        for (const row of rows) {
          const { hash, ...content } = row;
          if (row.seq !== expectedSeq || row.prevHash !== previous || hashOf({ ...content, details: content.details ?? null }) !== hash) {
            return { ok: false, checked, firstBroken: Math.min(row.seq, expectedSeq) };
          }
          checked += 1;
          expectedSeq += 1;
          previous = hash;
        }
        after = rows[rows.length - 1].seq;
      }
      // Entries removed at the end leave the head pointing past the last one.
      if (head && (head.seq !== expectedSeq - 1 || head.hash !== previous)) return { ok: false, checked, firstBroken: expectedSeq };
      return { ok: true, checked, firstBroken: null };
    },

    /** Removes entries older than the retention period; the last removed hash anchors the chain. */
    async purge(now = new Date()) {
      const days = Math.max(180, config().audit.retentionDays);
      const cutoff = new Date(now.getTime() - days * 86_400_000);
      const removed = await strapi.db.transaction(async ({ trx }) => {
        const { names, row } = await lockedHead(trx);
        const last = (await strapi.db.query(AUDIT_ENTRY).findOne({ where: { at: { $lt: cutoff } }, orderBy: { seq: 'desc' }, select: ['seq', 'hash'] })) as { seq: number; hash: string } | null;
        if (!last) return 0;
        const { count } = await strapi.db.query(AUDIT_ENTRY).deleteMany({ where: { seq: { $lte: last.seq } } });
        await strapi.db
          .connection(names.table)
          .transacting(trx as never)
          .where('id', row.id as number)
          .update({ [names.column('anchorSeq')]: last.seq, [names.column('anchorHash')]: last.hash });
        return count;
      });
      if (removed > 0) {
        await service.record('audit.purge', { summary: `清理 ${days} 天前的操作日志 ${removed} 条`, details: { removed, retentionDays: days }, actor: 'system' });
      }
      return removed;
    },
  };
  return service;
};

export default auditService;
