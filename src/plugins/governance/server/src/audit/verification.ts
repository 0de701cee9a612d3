/**
 * The audit log held against its keys and the checkpoint file: walking the chain, signing a
 * checkpoint once the entries since the last one have been checked, and the full verification
 * behind 校验完整性.
 */
import type { Core } from '@strapi/strapi';
import type { AuditBreak, AuditVerification } from '../../../shared/contracts/audit';
import { yieldToEventLoop } from '../utils/yield';
import { entryHash, GENESIS, signCheckpoint, type Checkpoint } from './chain';
import { appendCheckpoint, newestCheckpoint, readCheckpoints } from './checkpoint-file';
import type { AuditHead, EntryRow } from './head';
import { AUDIT_ENTRY } from '../uids';

/**
 * Entries read and hashed at a time when walking the chain, the event loop running between
 * batches: about 5 ms a batch on SQLite (bench/audit.js), well under the 50 ms a request may wait.
 */
const BATCH = 250;

/** Where the log first differs from what was written. */
interface Finding {
  seq: number;
  kind: AuditBreak;
}

export const chainVerification = (
  strapi: Core.Strapi,
  { keys, checkpointFile, retentionDays, headRow }: AuditHead
) => {
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

  /**
   * Holds the log against its keys and the checkpoint file: each entry's keyed hash, the links
   * between entries, the head, the anchor against the newest purge entry, and every well-signed
   * checkpoint (its entry must exist with that hash). Answers the first entry that differs and
   * how: changed, removed (a gap), inserted (past the head) or truncated (the log ends before
   * its head or before a checkpoint); and the checkpoint lines whose signature is wrong.
   */
  const verify = async (): Promise<AuditVerification> => {
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
  };

  return { takeCheckpoint, verify };
};
