import type {
  Checklist,
  Decision,
  QueueItem,
  StepCapacity,
  WordHit,
} from '../../../shared/contracts/review';
import { personName } from '../utils/person-name';
import type { StateRow } from './store';

/** The rows as the admin reads them (shared/contracts/review.ts). */

export const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

export const submitterOf = (state: Pick<StateRow, 'submittedBy'> | null) =>
  state?.submittedBy ? { id: state.submittedBy.id, name: personName(state.submittedBy) } : null;

/**
 * Records written before the admin became Chinese only carry an English gloss in what the
 * system wrote itself: its name, "系统 (system)", and the note of a voided round.
 */
const withoutGloss = (text: string) => text.replace(/\s*\([^()\u3400-\u9fff]*\)$/u, '');
const SYSTEM = '系统 (system)';

/** A decision record; its actor by the name kept at the time, and its step 1-based. */
export const decisionDto = (row: Record<string, unknown>): Decision => ({
  id: row.id as number,
  action: row.action as Decision['action'],
  round: row.round as number,
  step: typeof row.step === 'number' ? row.step + 1 : null,
  capacity: (row.capacity as StepCapacity) ?? null,
  actor: {
    id: null,
    name: row.actorName === SYSTEM ? withoutGloss(SYSTEM) : ((row.actorName as string) ?? ''),
  },
  comment:
    row.action === 'void' && typeof row.comment === 'string'
      ? withoutGloss(row.comment)
      : ((row.comment as string) ?? null),
  reason: (row.reason as string) ?? null,
  checklist: (row.checklist as Checklist) ?? null,
  contentHash: (row.contentHash as string) ?? null,
  wordHits: (row.wordHits as WordHit[]) ?? null,
  createdAt: iso(row.createdAt)!,
});

/** A line of the queue: a state (with its site) and its draft's title. */
export const queueItem = (
  state: StateRow & { site: NonNullable<StateRow['site']> },
  title: string
): QueueItem => ({
  documentId: state.articleDocumentId,
  title,
  site: {
    documentId: state.site.documentId,
    name: state.site.name,
    code: state.site.code,
    level: state.site.level,
  },
  status: state.status,
  step: state.step === null ? null : state.step + 1,
  capacity: state.currentCapacity,
  stepCount: state.chain?.length ?? 0,
  submittedBy: submitterOf(state),
  waitingSince: iso(state.waitingSince),
  lastReason: state.lastReason,
});
