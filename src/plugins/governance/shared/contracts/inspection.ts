/** 内容巡检: what the inspection found online, shared by the server and the admin page. */
import type { HitKind, WordLevel } from './review';

export type FindingKind = HitKind;
export type FindingState = 'open' | 'dismissed' | 'gone';

/** One fault found in a published article or its attachments. */
export interface InspectionFinding {
  id: number;
  article: { documentId: string; title: string | null };
  site: { code: string; name: string } | null;
  kind: FindingKind;
  level: WordLevel;
  word: string;
  suggestion: string | null;
  /** The field (`title`, `body`…), or `attachments.file` with `file` naming the attachment. */
  field: string;
  file: string | null;
  /** Position in the field's text, from 0. */
  position: number;
  found: string;
  context: string;
  state: FindingState;
  firstFoundAt: string;
  lastFoundAt: string;
  dismissedByName: string | null;
  dismissedAt: string | null;
  dismissReason: string | null;
}

/** A site's open findings, by kind and level. */
export interface InspectionSiteSummary {
  site: { code: string; name: string };
  forbidden: number;
  check: number;
  byKind: Partial<Record<FindingKind, number>>;
}

/** The last runs: the one going on (if any) and the last one finished. */
export interface InspectionRunInfo {
  site: { code: string; name: string } | null;
  trigger: 'schedule' | 'manual';
  requestedByName: string | null;
  read: number;
  checked: number;
  /** Addresses the link check (链接可用性) checked, and of them how many are broken. */
  linksChecked: number;
  linksBroken: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface InspectionSummary {
  sites: InspectionSiteSummary[];
  running: InspectionRunInfo | null;
  lastFinished: InspectionRunInfo | null;
}
