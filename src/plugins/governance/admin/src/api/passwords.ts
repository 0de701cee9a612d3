import { useAuth, useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';
import type { PasswordStatus } from '../../../shared/contracts/passwords';

export type { PasswordRules, PasswordStatus } from '../../../shared/contracts/passwords';

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
