import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { existsSync } from 'fs';
import type { AuditAction, AuditPage } from '../../../shared/contracts/audit';
import { ADMIN_USER } from '../uids';
import type { AdminUser } from '../utils/document-middleware';
import {
  personLabel,
  readableEntry,
  roleTitle,
  sentenceOf,
  SYSTEM_ACTOR,
  type AuditActor,
} from './sentence';
import { entryHash, GENESIS } from './chain';
import { newestCheckpoint } from './checkpoint-file';
import { auditHead, type EntryRow } from './head';
import { chainVerification } from './verification';
import { AUDIT_ENTRY } from '../uids';
import { findPage } from '../utils/paged';

/** The job that signs the head into the checkpoint file every few minutes. */
export const AUDIT_CHECKPOINT_JOB = 'governance-audit-checkpoint';
export type { AuditActor } from './sentence';

export interface AuditInput {
  /**
   * What the actor did, in Chinese, naming the object by its title and written to follow the
   * actor's name: "将《关于…的通知》从汉滨区报送至陕西省民政厅门户网站". The entry reads as one
   * sentence: "张敏（站点编辑）将《…》…".
   */
  summary: string;
  /** A stable reference to the object, for queries (`message 12`, an account's e-mail); not shown. */
  subject?: string | null;
  details?: Record<string, unknown> | null;
  /**
   * Who acted: always said by the caller, never guessed from the request, so that an act done
   * for a person by a service, a script or a job is theirs (see `requestActor` for the one
   * place the request is all there is).
   */
  actor: AuditActor;
  /** Defaults to the request's address. */
  ip?: string | null;
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
  const head = auditHead(strapi);
  const { config, keys, checkpointFile, retentionDays, lockedHead } = head;
  const { takeCheckpoint, verify } = chainVerification(strapi, head);

  /**
   * The actor as the entry names them: a person by their account's name and roles at the moment
   * they act (张敏（站点编辑）), whatever the caller had of them (an id is enough); someone
   * without an account by the name given; or 系统.
   */
  const named = async (actor: AuditActor): Promise<{ id: number | null; name: string }> => {
    if (actor === 'system') return { id: null, name: SYSTEM_ACTOR };
    if (actor.id === null) return { id: null, name: actor.name };
    const user = (await strapi.db.query(ADMIN_USER).findOne({
      where: { id: actor.id },
      select: ['id', 'firstname', 'lastname', 'email'],
      populate: { roles: { select: ['code', 'name'] } },
    })) as (AdminUser & { roles?: Array<{ code: string; name: string }> }) | null;
    return { id: actor.id, name: personLabel(user ?? actor, roleTitle(user?.roles ?? [])) };
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
      await head.createHead({ seq: 0, hash: GENESIS, keyedFrom: 1 });
      const signed = await newestCheckpoint(checkpointFile(), keys().checkpoints);
      const upgraded = await strapi.db.transaction(async ({ trx }) => {
        const { names, row, update } = await lockedHead(trx);
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
        await update({ keyedFrom: seq + 1 });
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
      const ctx = strapi.requestContext.get() as { request?: { ip?: string } } | undefined;
      const actor = await named(input.actor);
      const label = actor.name;
      const ip = input.ip !== undefined ? input.ip : (ctx?.request?.ip ?? null);
      await strapi.db.transaction(async ({ trx, onCommit }) => {
        const { names, row, update } = await lockedHead(trx);
        const entry = {
          seq: Number(row[names.column('seq')]) + 1,
          at: new Date().toISOString(),
          action,
          actorId: actor.id,
          actorName: actor.name.slice(0, 200),
          subject: input.subject?.slice(0, 200) ?? null,
          summary: sentenceOf(label, input.summary),
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
        await update({ seq: entry.seq, hash, keyedFrom });
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
      const { rows, pagination } = await findPage<EntryRow>(
        strapi,
        AUDIT_ENTRY,
        {
          where,
          select: ['seq', 'at', 'action', 'actorId', 'actorName', 'summary', 'ip'],
          orderBy: { seq: 'desc' },
        },
        { page, pageSize }
      );
      return {
        data: rows.map(readableEntry),
        meta: {
          pagination,
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

    verify,

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
        const { update } = await lockedHead(trx);
        const last = (await strapi.db.query(AUDIT_ENTRY).findOne({
          where: { at: { $lt: cutoff } },
          orderBy: { seq: 'desc' },
          select: ['seq', 'hash'],
        })) as { seq: number; hash: string } | null;
        if (!last) return 0;
        const { count } = await strapi.db
          .query(AUDIT_ENTRY)
          .deleteMany({ where: { seq: { $lte: last.seq } } });
        await update({ anchorSeq: last.seq, anchorHash: last.hash });
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
