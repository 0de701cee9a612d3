import type { Core } from '@strapi/strapi';
import path from 'path';
import type { GovernanceConfig } from '../config';
import { dbNames } from '../utils/db-names';
import { deriveKeys, type ChainedContent, type ChainKeys } from './chain';
import { AUDIT_HEAD } from '../uids';

const HEAD_NAME = 'audit';

export interface EntryRow extends ChainedContent {
  at: string;
  hash: string;
}

export interface HeadRow {
  seq: number;
  hash: string;
  anchorSeq: number | null;
  anchorHash: string | null;
  /** The first entry hashed with the key; null until a chain from before the key is upgraded. */
  keyedFrom: number | null;
}

/**
 * The chain's head row and what goes with it: the keys (derived from AUDIT_KEY, never stored),
 * the checkpoint file and the retention period. Shared by the log's writing and its verification.
 */
export const auditHead = (strapi: Core.Strapi) => {
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
    const row = (await query.first()) as Record<string, unknown>;
    /** Writes the head's fields, by attribute name, inside the same transaction. */
    const update = (values: Partial<HeadRow>) =>
      strapi.db
        .connection(head.table)
        .transacting(trx as never)
        .where('id', row.id as number)
        .update(
          Object.fromEntries(
            Object.entries(values).map(([key, value]) => [head.column(key), value])
          )
        );
    return { names: head, row, update };
  };

  const headRow = async () =>
    (await strapi.db.query(AUDIT_HEAD).findOne({ where: { name: HEAD_NAME } })) as HeadRow | null;

  /** Creates the head row if there is none (outside any transaction: a failed insert would abort one). */
  const createHead = async (data: { seq: number; hash: string; keyedFrom: number }) => {
    const heads = strapi.db.query(AUDIT_HEAD);
    if (await heads.findOne({ where: { name: HEAD_NAME } })) return;
    try {
      await heads.create({ data: { name: HEAD_NAME, ...data } });
    } catch (error) {
      if (!(await heads.findOne({ where: { name: HEAD_NAME } }))) throw error;
    }
  };

  return { config, keys, checkpointFile, retentionDays, lockedHead, headRow, createHead };
};

export type AuditHead = ReturnType<typeof auditHead>;
