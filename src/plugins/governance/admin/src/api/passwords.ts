import { useAuth, useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';

/** Why the password must change before anything else: the server refuses other requests until it does. */
export type MustChangeReason = 'firstLogin' | 'adminReset' | 'expired';

export interface PasswordPolicy {
  /** 等保 2.0 level 3 (periodic rotation) or NIST (no rotation). */
  profile: 'dengbao3' | 'nist';
  minLength: number;
  /** Of upper case, lower case, digits and symbols. */
  minClasses: number;
  /** Null when passwords do not expire. */
  maxAgeDays: number | null;
  /** How many earlier passwords may not be used again. */
  history: number;
}

export interface PasswordStatus {
  mustChange: MustChangeReason | null;
  changedAt: string | null;
  expiresAt: string | null;
  /** 0 on the last day, negative once expired; null when the password does not expire. */
  daysLeft: number | null;
  /** The banner shows from this many days before expiry. */
  remindFromDays: number | null;
  policy: PasswordPolicy;
}

/**
 * The logged-in user's own password status (GET /governance/passwords/status, answered even
 * while the password must change). Polled, so that a change forced by an administrator or an
 * expiry during the session shows without a reload.
 */
export const usePasswordStatus = () => {
  const { get } = useFetchClient();
  // Nobody is asked about before the login; each user has their own answer.
  const userId = useAuth('usePasswordStatus', (auth) => auth.user?.id);
  return useQuery(
    ['governance', 'passwords', 'status', userId],
    async () => (await get<{ data: PasswordStatus }>('/governance/passwords/status')).data.data,
    { enabled: userId !== undefined, refetchInterval: 60_000, retry: false }
  );
};

/** Within the reminder period and not yet at the point where the change is forced. */
export const isDueSoon = (status: PasswordStatus) =>
  status.mustChange === null &&
  status.daysLeft !== null &&
  status.remindFromDays !== null &&
  status.daysLeft <= status.remindFromDays;
