import { ACTION_KEYS, ACTIONS, type ActionKey } from '../../shared/permissions';

export type { ActionKey };

type Permission = { action: string; subject: null };

/**
 * The plugin's actions as `useRBAC` and `Page.Protect` take them, keyed as in the table shared
 * with the server (shared/permissions.ts): `PERMISSIONS.reviewRead`.
 */
export const PERMISSIONS = Object.fromEntries(
  ACTION_KEYS.map((key) => [key, [{ action: ACTIONS[key], subject: null }]])
) as Record<ActionKey, Permission[]>;

/** The permissions of the given actions, any of which will do. */
export const permissionsOf = (keys: readonly ActionKey[]): Permission[] =>
  keys.flatMap((key) => PERMISSIONS[key]);
