import {
  auditActionName,
  type AuditAction,
  type AuditEntry,
} from '../../../shared/contracts/audit';
import { CAPACITY_NAMES } from '../../../shared/contracts/sites';
import { roleName } from '../sites/roles';
import { personName } from '../utils/person-name';
import type { EntryRow } from './head';

/** The actor of what the system does by itself (jobs, lockouts, purges). */
export const SYSTEM_ACTOR = '系统';
/** How entries written before 2026-12 named the system, or a person the recording lost. */
const OLD_SYSTEM_NAME = '系统 (system)';
/** An old entry of a person's act whose actor was lost (a service called without the user). */
const UNRECORDED_ACTOR = '操作人未记录';

/** Acts only the system does: an old entry of one of these without an actor truly was the system's. */
const SYSTEM_ACTIONS = new Set<string>([
  'login.failureSummary',
  'account.locked',
  'account.disabled',
  'audit.purge',
  'oversight.alert',
  'rectification.open',
] satisfies AuditAction[]);

/** Who acts, as `record` takes it. */
export type AuditActor =
  /** An admin user, named with their roles. */
  | { id: number; firstname?: string | null; lastname?: string | null; email?: string }
  /** Someone without an account: a citizen, or a login attempt under an unknown address. */
  | { id: null; name: string }
  /** The system itself: a job, a lockout, a purge. */
  | 'system';

/** A person as their entry names them: 张敏（站点编辑）; `title` is their role (see `roleTitle`). */
export const personLabel = (
  person: { firstname?: string | null; lastname?: string | null; email?: string },
  title: string | null
) => {
  const name = personName(person) || '未具名账号';
  return title ? `${name}（${title}）` : name;
};

/**
 * An entry's text: the actor, then what they did (`predicate`, e.g. "将《…》报送至…"). A name
 * ending in its role's bracket runs on; otherwise a space keeps the name apart from the verb.
 */
export const sentenceOf = (actor: string, predicate: string) =>
  `${actor}${actor.endsWith('）') ? '' : ' '}${predicate}`;

/**
 * A person's role for the log: the group's roles they hold (省厅管理员, 站点编辑…, as the
 * province named them), else Strapi's own (超级管理员); null without a role.
 */
export const roleTitle = (roles: Array<{ code: string; name: string }>) => {
  const group = roles.filter((role) => role.code.startsWith('governance-'));
  const titles = (group.length ? group : roles).map(roleName);
  return titles.length ? titles.join('、') : null;
};

/** Site roles written as codes by entries before 2026-12 ("身份 editor"). */
const capacityNames: Record<string, string> = CAPACITY_NAMES;
const oldCapacities = new RegExp(`\\b(${Object.keys(CAPACITY_NAMES).join('|')})\\b`, 'g');

/**
 * An entry as the page and the export show it. Entries are written as whole sentences that
 * begin with their actor (since 2026-12); older ones, whose summary is only what was done, are
 * shown as "actor：summary", with 系统 only for the acts the system does by itself and
 * 操作人未记录 for a person's act whose actor was not recorded.
 */
export const readableEntry = (
  row: Pick<EntryRow, 'seq' | 'at' | 'action' | 'actorId' | 'actorName' | 'summary' | 'ip'>
): AuditEntry => {
  const lost = row.actorId === null && (!row.actorName || row.actorName === OLD_SYSTEM_NAME);
  const actor = lost
    ? SYSTEM_ACTIONS.has(row.action)
      ? SYSTEM_ACTOR
      : UNRECORDED_ACTOR
    : (row.actorName ?? UNRECORDED_ACTOR);
  let summary = row.summary ?? '';
  if (row.action.startsWith('membership.'))
    summary = summary.replace(oldCapacities, (code) => capacityNames[code] ?? code);
  const written = !lost && row.actorName !== null && summary.startsWith(row.actorName);
  return {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    action: row.action,
    actionName: auditActionName(row.action),
    actor,
    sentence: written ? summary : `${actor}：${summary}`,
    ip: row.ip,
  };
};
