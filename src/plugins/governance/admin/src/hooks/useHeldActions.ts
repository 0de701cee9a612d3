import { useAuth } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import { useQuery } from 'react-query';
import { ACTION_KEYS, ACTIONS } from '../../../shared/permissions';
import { permissionsOf, type ActionKey } from '../permissions';

/** Whether the user holds any of the given actions. */
export type Can = (keys: readonly ActionKey[]) => boolean;

const EVERY_ACTION = permissionsOf(ACTION_KEYS);
const NONE = new Set<string>();

/**
 * Which of the plugin's actions the user holds, for the page table's menu and landing page.
 * Checked by Strapi's own `checkUserHasPermissions` (what `useRBAC` runs: the admin's RBAC
 * middleware, then the server for conditioned permissions), once for every action: `useRBAC`
 * names its answers by the action's last word, which `overview.read`, `review.read`… share.
 * Asked again whenever the user's permissions change, and only once they have arrived.
 */
export const useHeldActions = () => {
  const loadingAuth = useAuth('useHeldActions', (auth) => auth.isLoading);
  const permissions = useAuth('useHeldActions', (auth) => auth.permissions);
  const check = useAuth('useHeldActions', (auth) => auth.checkUserHasPermissions);
  const held = useQuery(
    ['governance', 'held-actions', permissions],
    async () => new Set((await check(EVERY_ACTION)).map((permission) => permission.action)),
    { enabled: !loadingAuth, staleTime: Infinity, keepPreviousData: true, retry: false }
  );
  // A failed check shows what holding nothing shows, as useRBAC does.
  const heldActions = held.isError ? NONE : held.data;
  const can: Can = useCallback(
    (keys) => keys.some((key) => heldActions?.has(ACTIONS[key]) ?? false),
    [heldActions]
  );
  return { isLoading: loadingAuth || !heldActions, can };
};
