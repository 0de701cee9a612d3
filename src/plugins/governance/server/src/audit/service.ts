import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { existsSync } from 'fs';
import path from 'path';
import type {
  AuditBreak,
  AuditEntry,
  AuditPage,
  AuditVerification,
} from '../../../shared/contracts/audit';
import type { GovernanceConfig } from '../config';
import { dbNames } from '../utils/db-names';
import { personName } from '../utils/person-name';
import { yieldToEventLoop } from '../utils/yield';
import {
  deriveKeys,
  entryHash,
  GENESIS,
  signCheckpoint,
  type ChainedContent,
  type ChainKeys,
  type Checkpoint,
} from './chain';
import { appendCheckpoint, newestCheckpoint, readCheckpoints } from './checkpoint-file';
import { AUDIT_ENTRY, AUDIT_HEAD } from '../uids';

const HEAD_NAME = 'audit';
/** The job that signs the head into the checkpoint file every few minutes. */
export const AUDIT_CHECKPOINT_JOB = 'governance-audit-checkpoint';
/**
 * Entries read and hashed at a time when walking the chain, the event loop running between
 * batches: about 5 ms a batch on SQLite (bench/audit.js), well under the 50 ms a request may wait.
 */
const BATCH = 250;

/** What the log records, with the name a reader sees. */
export const AUDIT_ACTIONS = {
  'login.success': '登录成功',
  'login.failure': '登录失败',
  'login.failureSummary': '登录失败汇总',
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
  /** Defaults to the request's address. */
  ip?: string | null;
}

interface EntryRow extends ChainedContent {
  at: string;
  hash: string;
}

interface HeadRow {
  seq: number;
  hash: string;
  anchorSeq: number | null;
  anchorHash: string | null;
  /** The first entry hashed with the key; null until a chain from before the key is upgraded. */
  keyedFrom: number | null;
}

/** Where the log first differs from what was written. */
interface Finding {
  seq: number;
  kind: AuditBreak;
}

/**
 * 操作日志: an append-only trail of who did what, when and from where. Each entry's hash is an
 * HMAC, with a key from AUDIT_KEY that never enters the database, over its content and the
 * previous entry's hash; the head row holds the last one. Whoever can write the database but has
 * not the key cannot change, remove or insert an entry and recompute the chain after it: `verify`
 * finds the first entry that differs. Removing the newest entries and moving the head back leaves
 * a consistent chain, so the head is also written outside the database: a signed checkpoint
 * (number, hash, time) appended to a file every few minutes and every `checkpoints.every`
 * entries, which `verify` holds the database against. Appends take the head row's lock, so
 * concurrent appends queue instead of forking the chain. Entries older than the retention period
 * (at least 180 days, 网络安全法 第二十一条) are purged, the last purged hash kept as the chain's
 * new anchor and recorded in the (keyed) purge entry.
 */
const auditService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::governance') as GovernanceConfig;

  let derived: { secret: string; keys: ChainKeys } | null = null;
  const keys = () => {
    const secret = config().audit.key;
    if (derived?.secret !== secret) derived = { secret, keys: deriveKeys(secret) };
    return derived.keys;
  };
  const checkpointFile = () => path.resolve(strapi.dirs.app.root, config().audit.checkpoints.file);
  /** How long entries are kept: at least 180 days (网络安全法 第二十一条). */
  const retentionDays = () => Math.max(180, config().audit.retentionDays);

  /** The head row, locked for the rest of the transaction on PostgreSQL (SQLite writes one at a time anyway). */
  const lockedHead = async (trx: unknown) => {
    const head = dbNames(strapi, AUDIT_HEAD);
    let query = strapi.db
      .connection(head.table)
      .transacting(trx as never)
      .where(head.column('name'), HEAD_NAME);
    if (strapi.db.dialect.client !== 'sqlite') query = query.forUpdate();
    const row = await query.first();
    return { names: head, row: row as Record<string, unknown> };
  };

  const headRow = async () =>
    (await strapi.db.query(AUDIT_HEAD).findOne({ where: { name: HEAD_NAME } })) as HeadRow | null;

  /**
   * Walks the entries after `start` up to `to`, checking each one's number, link and hash (keyed
   * from `keyedFrom` on); `visit` may find more on an entry that passes. Answers the first
   * finding, how many entries passed before it, and the last entry that passed.
   */
  const walk = async (
    start: { seq: number; hash: string },
    to: number,
    keyedFrom: number,
    visit?: (row: EntryRow) => Promise<Finding | null>
  ) => {
    let expected = start.seq + 1;
    let previous = start.hash;
    let checked = 0;
    const result = (broken: Finding | null) => ({
      checked,
      broken,
      last: { seq: expected - 1, hash: previous },
    });
    for (let after = start.seq; after < to;) {
      const rows = (await strapi.db.query(AUDIT_ENTRY).findMany({
        where: { seq: { $gt: after, $lte: to } },
        orderBy: { seq: 'asc' },
        limit: BATCH,
      })) as EntryRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.seq !== expected) return result({ seq: expected, kind: 'removed' });
        if (
          row.prevHash !== previous ||
          entryHash(row, row.seq >= keyedFrom ? keys().entries : null) !== row.hash
        )
          return result({ seq: row.seq, kind: 'changed' });
        const found = visit ? await visit(row) : null;
        if (found) return result(found);
        checked += 1;
        expected += 1;
        previous = row.hash;
      }
      after = rows[rows.length - 1].seq;
      await yieldToEventLoop();
    }
    return result(null);
  };

  /**
   * Signs the head (or the entry `target`) into the checkpoint file, once the entries since the
   * last checkpoint (or the anchor) have been checked: a head someone forged or moved back is
   * never signed.
   */
  const takeCheckpoint = async (
    target?: { seq: number; hash: string },
    options: { upgrade?: boolean } = {}
  ): Promise<Checkpoint | null> => {
    const head = await headRow();
    if (!head) return null;
    const file = checkpointFile();
    const last = await newestCheckpoint(file, keys().checkpoints);
    if (
      !target &&
      last &&
      (last.seq > head.seq || (last.seq === head.seq && last.hash !== head.hash))
    ) {
      throw new Error(
        `the audit log's head (entry ${head.seq}) does not follow its last checkpoint (entry ${last.seq}): entries were removed or changed; no checkpoint signed`
      );
    }
    const to = target ?? { seq: head.seq, hash: head.hash };
    if (last && last.seq >= to.seq) return null;
    const anchor = { seq: head.anchorSeq ?? 0, hash: head.anchorHash ?? GENESIS };
    const start = last && last.seq > anchor.seq ? { seq: last.seq, hash: last.hash } : anchor;
    const keyedFrom = head.keyedFrom ?? head.seq + 1;
    if (last && last.keyedFrom !== keyedFrom) {
      throw new Error(
        `the audit log's head says it is keyed from entry ${keyedFrom}, its last checkpoint from entry ${last.keyedFrom}; no checkpoint signed`
      );
    }
    // With nothing signed to build on, plain SHA-256 entries could be a rewrite (keyedFrom moved
    // in the database): only a chain keyed throughout is signed, or the upgrade of one from before the key.
    if (!last && keyedFrom > anchor.seq + 1 && !options.upgrade) {
      throw new Error(
        `the audit log has no checkpoint to build on and its entries ${anchor.seq + 1} to ${keyedFrom - 1} are not keyed; no checkpoint signed (restore the checkpoint file from a downloaded copy)`
      );
    }
    const walked = await walk(start, to.seq, keyedFrom);
    if (walked.broken || walked.last.seq !== to.seq || walked.last.hash !== to.hash) {
      const at = walked.broken?.seq ?? walked.last.seq + 1;
      throw new Error(
        `the audit log differs from entry ${at} on (${walked.broken?.kind ?? 'truncated'}); no checkpoint signed`
      );
    }
    const point = signCheckpoint(
      { seq: to.seq, hash: to.hash, keyedFrom, at: new Date().toISOString() },
      keys().checkpoints
    );
    await appendCheckpoint(file, point);
    return point;
  };
  /** One checkpoint at a time in this process: two at once would sign the same head twice. */
  let checkpointing: Promise<unknown> = Promise.resolve();

  const service = {
    /**
     * Creates the head row once, outside any transaction (a failed insert would abort one). A
     * chain from before the key keeps its plain SHA-256 hashes: it is keyed from its next entry
     * on, and its head is signed into the checkpoint file at once, which pins the older entries.
     */
    async ensureHead() {
      const heads = strapi.db.query(AUDIT_HEAD);
      if (!(await heads.findOne({ where: { name: HEAD_NAME } }))) {
        try {
          await heads.create({ data: { name: HEAD_NAME, seq: 0, hash: GENESIS, keyedFrom: 1 } });
        } catch (error) {
          if (!(await heads.findOne({ where: { name: HEAD_NAME } }))) throw error;
        }
      }
      const signed = await newestCheckpoint(checkpointFile(), keys().checkpoints);
      const upgraded = await strapi.db.transaction(async ({ trx }) => {
        const { names, row } = await lockedHead(trx);
        if (row[names.column('keyedFrom')] !== null && row[names.column('keyedFrom')] !== undefined)
          return null;
        // Checkpoints exist only for a keyed chain: its mark removed is a database writer's doing
        // (to have a plain SHA-256 rewrite signed as a chain from before the key), not an old database.
        if (signed) {
          strapi.log.error(
            `governance: the audit log's head has lost its keyed-from mark, but ${checkpointFile()} holds checkpoints: the database was changed; the log is not upgraded (校验完整性 reports it)`
          );
          return null;
        }
        const seq = Number(row[names.column('seq')]);
        await strapi.db
          .connection(names.table)
          .transacting(trx as never)
          .where('id', row.id as number)
          .update({ [names.column('keyedFrom')]: seq + 1 });
        return seq;
      });
      if (upgraded) {
        strapi.log.warn(
          `governance: the audit log's entries up to ${upgraded} were hashed before AUDIT_KEY existed (plain SHA-256) and keep those hashes; entries from ${upgraded + 1} on are keyed. ` +
            `The head (entry ${upgraded}) is signed into ${checkpointFile()} now, which pins the older entries.`
        );
        try {
          await service.checkpoint(undefined, { upgrade: true });
        } catch (error) {
          strapi.log.error(`governance: ${(error as Error).message}`);
        }
      } else if (!signed) {
        // A new install (keyed from entry 1), or a lost file: sign the head now, once the whole
        // chain has been checked, so that the log is anchored from the start and not only after
        // the first periodic checkpoint. A chain with unkeyed entries is refused (and reported).
        try {
          const point = await service.checkpoint();
          if (point)
            strapi.log.info(
              `governance: the audit log's head (entry ${point.seq}) is signed into ${checkpointFile()}, which had no checkpoint`
            );
        } catch (error) {
          strapi.log.error(`governance: ${(error as Error).message}`);
        }
      }
    },

    /** Appends an entry (inside the caller's transaction, if any). */
    async record(action: AuditAction, input: AuditInput) {
      const ctx = strapi.requestContext.get() as
        | {
            state?: {
              user?: { id: number; firstname?: string; lastname?: string; email?: string };
            };
            request?: { ip?: string };
          }
        | undefined;
      const sessionUser = ctx?.state?.user;
      const actor =
        input.actor === 'system'
          ? { id: null, name: '系统 (system)' }
          : (input.actor ??
            (sessionUser
              ? { id: sessionUser.id, name: personName(sessionUser) }
              : { id: null, name: '系统 (system)' }));
      const ip = input.ip !== undefined ? input.ip : (ctx?.request?.ip ?? null);
      await strapi.db.transaction(async ({ trx, onCommit }) => {
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
          ip: ip?.slice(0, 45) ?? null,
          prevHash: String(row[names.column('hash')] ?? GENESIS),
        };
        const keyedFromValue = row[names.column('keyedFrom')];
        const keyedFrom =
          keyedFromValue === null || keyedFromValue === undefined
            ? entry.seq
            : Number(keyedFromValue);
        const hash = entryHash(entry, keys().entries);
        await strapi.db
          .query(AUDIT_ENTRY)
          .create({ data: { ...entry, at: new Date(entry.at), hash } });
        await strapi.db
          .connection(names.table)
          .transacting(trx as never)
          .where('id', row.id as number)
          .update({
            [names.column('seq')]: entry.seq,
            [names.column('hash')]: hash,
            [names.column('keyedFrom')]: keyedFrom,
          });
        // Signed once the entry is committed (a rolled-back one would read as removed).
        if (entry.seq % config().audit.checkpoints.every === 0) {
          onCommit(
            () =>
              void service
                .checkpoint({ seq: entry.seq, hash })
                .catch((error: Error) =>
                  strapi.log.error(`governance: audit checkpoint: ${error.message}`)
                )
          );
        }
      });
    },

    /** The log page: newest first, filtered by action, actor and local dates. */
    async list(filters: {
      action?: string;
      actor?: string;
      from?: string;
      to?: string;
      page?: number;
      pageSize?: number;
    }): Promise<AuditPage> {
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
        }) as Promise<AuditEntry[]>,
        strapi.db.query(AUDIT_ENTRY).count({ where }),
      ]);
      return {
        data: rows,
        meta: {
          pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
          actions: Object.keys(AUDIT_ACTIONS),
        },
      };
    },

    where({
      action,
      actor,
      from,
      to,
    }: {
      action?: string;
      actor?: string;
      from?: string;
      to?: string;
    }) {
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
      for (let after = 0; ;) {
        const rows = (await strapi.db.query(AUDIT_ENTRY).findMany({
          where: { ...where, seq: { $gt: after } },
          orderBy: { seq: 'asc' },
          limit: 1000,
        })) as EntryRow[];
        if (rows.length === 0) return;
        yield* rows;
        after = rows[rows.length - 1].seq;
      }
    },

    /**
     * Holds the log against its keys and the checkpoint file: each entry's keyed hash, the links
     * between entries, the head, the anchor against the newest purge entry, and every well-signed
     * checkpoint (its entry must exist with that hash). Answers the first entry that differs and
     * how: changed, removed (a gap), inserted (past the head) or truncated (the log ends before
     * its head or before a checkpoint); and the checkpoint lines whose signature is wrong.
     */
    async verify(): Promise<AuditVerification> {
      const head = await headRow();
      const anchor = { seq: head?.anchorSeq ?? 0, hash: head?.anchorHash ?? GENESIS };
      const headSeq = head?.seq ?? 0;
      const keyedFrom = head?.keyedFrom ?? headSeq + 1;
      const points = await readCheckpoints(checkpointFile(), keys().checkpoints);
      const findings: Finding[] = [];

      // Entries before the anchor are gone: only a purge, which records the anchor it set, may remove them.
      if (head?.anchorSeq !== null && head?.anchorSeq !== undefined) {
        const purge = (await strapi.db.query(AUDIT_ENTRY).findOne({
          where: { action: 'audit.purge' },
          orderBy: { seq: 'desc' },
          select: ['seq', 'details'],
        })) as {
          seq: number;
          details: { anchorSeq?: unknown; anchorHash?: unknown } | null;
        } | null;
        const recorded = purge?.details?.anchorSeq;
        if (!purge) findings.push({ seq: 1, kind: 'removed' });
        else if (typeof recorded === 'number') {
          if (recorded !== anchor.seq || purge.details?.anchorHash !== anchor.hash)
            findings.push({ seq: Math.min(recorded, anchor.seq) + 1, kind: 'removed' });
        } else {
          // A purge from before the anchor was recorded says nothing about it; the checkpoints do: one
          // signed within the retention period vouches for an entry written within it, which no purge removes.
          const cutoff = Date.now() - retentionDays() * 86_400_000;
          const kept = [...points.bySeq.values()].filter(
            (point) =>
              point.seq > 0 && point.seq <= anchor.seq && new Date(point.at).getTime() >= cutoff
          );
          if (kept.length > 0)
            findings.push({ seq: Math.min(...kept.map((point) => point.seq)), kind: 'removed' });
        }
      }
      // The first keyed entry past the head would make every entry plain SHA-256, which anyone can recompute.
      if (keyedFrom > headSeq + 1) findings.push({ seq: anchor.seq + 1, kind: 'changed' });
      for (const point of points.bySeq.values()) {
        if (point.keyedFrom !== keyedFrom) {
          findings.push({ seq: Math.min(point.keyedFrom, keyedFrom), kind: 'changed' });
          break;
        }
      }
      const atAnchor = points.bySeq.get(anchor.seq);
      if (atAnchor && atAnchor.hash !== anchor.hash)
        findings.push({ seq: anchor.seq + 1, kind: 'changed' });

      // The chain, each entry also against its checkpoint. An entry that passes its own hash but not
      // its checkpoint was written again: after the checkpoint (entries removed, then new ones appended
      // by the application: the first written later is the first removed), or before the key.
      let lastMatched = anchor.seq;
      const walked = await walk(anchor, headSeq, keyedFrom, async (row) => {
        const point = points.bySeq.get(row.seq);
        if (!point) return null;
        if (point.hash === row.hash) {
          lastMatched = row.seq;
          return null;
        }
        const later = (await strapi.db.query(AUDIT_ENTRY).findOne({
          where: { seq: { $gt: lastMatched, $lte: row.seq }, at: { $gt: new Date(point.at) } },
          orderBy: { seq: 'asc' },
          select: ['seq'],
        })) as { seq: number } | null;
        return later
          ? { seq: later.seq, kind: 'truncated' }
          : { seq: lastMatched + 1, kind: 'changed' };
      });
      if (walked.broken) findings.push(walked.broken);
      else {
        const { last } = walked;
        if (last.seq < headSeq) findings.push({ seq: last.seq + 1, kind: 'truncated' });
        else if (head && last.hash !== head.hash) findings.push({ seq: headSeq, kind: 'changed' });
        const newest = (await strapi.db
          .query(AUDIT_ENTRY)
          .findOne({ orderBy: { seq: 'desc' }, select: ['seq'] })) as { seq: number } | null;
        // Entries past the head were appended since it was read, or put there behind its back.
        if (newest && newest.seq > headSeq) {
          const now = (await headRow())?.seq ?? 0;
          if (newest.seq > now) findings.push({ seq: now + 1, kind: 'inserted' });
        }
        // A checkpoint past the newest entry: the newest entries were removed and the head moved back.
        if (points.latest && points.latest.seq > Math.max(newest?.seq ?? 0, last.seq))
          findings.push({ seq: last.seq + 1, kind: 'truncated' });
      }

      // Nothing signed holds the chain: a database writer could have rewritten all of it (with
      // keyedFrom moved past it) or cut its newest entries, and it would look whole.
      if (findings.length === 0 && headSeq > anchor.seq && points.bySeq.size === 0)
        findings.push({ seq: anchor.seq + 1, kind: 'unanchored' });

      const first = findings.sort((a, b) => a.seq - b.seq)[0] ?? null;
      return {
        ok: !first && points.bad === 0,
        checked:
          first && first.kind !== 'unanchored'
            ? Math.min(walked.checked, Math.max(0, first.seq - anchor.seq - 1))
            : walked.checked,
        firstBroken: first?.seq ?? null,
        kind: first?.kind ?? null,
        checkpoints: {
          valid: points.bySeq.size,
          latest: points.latest ? { seq: points.latest.seq, at: points.latest.at } : null,
          bad: points.bad,
          badLines: points.badLines,
        },
      };
    },

    /** Signs the chain's head, or the entry `target`, into the checkpoint file (the periodic job; after every `checkpoints.every` entries). */
    checkpoint(target?: { seq: number; hash: string }, options?: { upgrade?: boolean }) {
      const take = () => takeCheckpoint(target, options);
      const run = checkpointing.then(take, take);
      checkpointing = run.catch(() => undefined);
      return run;
    },

    /** The checkpoint file, for its download; null before the first checkpoint. */
    checkpointFile() {
      const file = checkpointFile();
      return existsSync(file) ? file : null;
    },

    /**
     * Removes entries older than the retention period. The last removed hash anchors the chain,
     * and the purge's own entry, written in the same transaction, records it: an anchor moved
     * without a purge shows.
     */
    async purge(now = new Date()) {
      const days = retentionDays();
      const cutoff = new Date(now.getTime() - days * 86_400_000);
      return strapi.db.transaction(async ({ trx }) => {
        const { names, row } = await lockedHead(trx);
        const last = (await strapi.db.query(AUDIT_ENTRY).findOne({
          where: { at: { $lt: cutoff } },
          orderBy: { seq: 'desc' },
          select: ['seq', 'hash'],
        })) as { seq: number; hash: string } | null;
        if (!last) return 0;
        const { count } = await strapi.db
          .query(AUDIT_ENTRY)
          .deleteMany({ where: { seq: { $lte: last.seq } } });
        await strapi.db
          .connection(names.table)
          .transacting(trx as never)
          .where('id', row.id as number)
          .update({
            [names.column('anchorSeq')]: last.seq,
            [names.column('anchorHash')]: last.hash,
          });
        await service.record('audit.purge', {
          summary: `清理 ${days} 天前的操作日志 ${count} 条`,
          details: {
            removed: count,
            retentionDays: days,
            anchorSeq: last.seq,
            anchorHash: last.hash,
          },
          actor: 'system',
        });
        return count;
      });
    },
  };
  return service;
};

export default auditService;
