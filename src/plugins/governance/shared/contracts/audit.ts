/** 操作日志: the list and its integrity check, shared by the server's audit service and the admin page. */
import type { Pagination } from './pagination';

/** One entry of the log as the list shows it, newest first. */
export interface AuditEntry {
  /** Position in the hash chain. */
  seq: number;
  at: string;
  /** An action code such as 'login.failure'; the page names it. */
  action: string;
  actorName: string;
  subject: string | null;
  summary: string;
  ip: string | null;
}

/** GET /governance/audit?action=&actor=&from=&to=&page= */
export interface AuditPage {
  data: AuditEntry[];
  meta: {
    pagination: Pagination;
    /** Every action code, for the filter. */
    actions: string[];
  };
}

/**
 * How the log differs from what was written: an entry `changed` (its content, link or keyed hash
 * does not match), `removed` from the middle (a gap in the numbers), `inserted` (an entry the
 * chain's head does not account for) or the newest entries `truncated` (the log ends before its
 * head or before a checkpoint taken earlier); or the log `unanchored`: it has entries but no
 * well-signed checkpoint, so a rewrite of the whole chain or a cut of its newest entries would not show.
 */
export const AUDIT_BREAKS = ['changed', 'removed', 'inserted', 'truncated', 'unanchored'] as const;
export type AuditBreak = (typeof AUDIT_BREAKS)[number];

/** What `POST /governance/audit/verify` answers. */
export interface AuditVerification {
  /** The chain is whole, every checkpoint matches and every checkpoint's signature is good. */
  ok: boolean;
  /** Entries checked before the first difference (all of them when there is none). */
  checked: number;
  /** The first entry that differs, or null. */
  firstBroken: number | null;
  /** What happened at `firstBroken`. */
  kind: AuditBreak | null;
  checkpoints: {
    /** Well-signed checkpoints in the file, and the newest of them. */
    valid: number;
    latest: { seq: number; at: string } | null;
    /** Lines of the file whose signature is wrong or that cannot be read, and the first 20 of their numbers (from 1). */
    bad: number;
    badLines: number[];
  };
}
