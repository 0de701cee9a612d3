import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import type { Capacity } from './sites';
import { searchParams } from './searchParams';

const ACCOUNTS = ['governance', 'accounts'];

export const ACCOUNT_FILTERS = [
  'all',
  'expired',
  'dueSoon',
  'locked',
  'inactive',
  'noHolder',
] as const;
export type AccountFilter = (typeof ACCOUNT_FILTERS)[number];

/** One admin account as the 账号安全 page lists it (GET /governance/accounts). */
export interface Account {
  id: number;
  name: string;
  email: string;
  isActive: boolean;
  /** Role names. */
  roles: string[];
  sites: Array<{ code: string; name: string; capacity: Capacity }>;
  /** The named person responsible for the account. */
  holderName: string | null;
  changedAt: string | null;
  passwordAgeDays: number | null;
  expiresAt: string | null;
  /** 0 on the last day, negative once expired; null when passwords do not expire. */
  daysLeft: number | null;
  mustChange: 'firstLogin' | 'adminReset' | null;
  lockedUntil: string | null;
  failedLogins: number;
  lastLoginAt: string | null;
}

export interface AccountQuery {
  filter: AccountFilter;
  q?: string;
}

export const accountsQueryString = ({ filter, q }: AccountQuery) => searchParams({ filter, q });

export const useAccounts = (query: AccountQuery) => {
  const { get } = useFetchClient();
  return useQuery(
    [...ACCOUNTS, query],
    async () =>
      (
        await get<{ data: Account[]; meta: { counts: Record<AccountFilter, number> } }>(
          '/governance/accounts',
          { params: accountsQueryString(query) }
        )
      ).data,
    // The table stays while another tab's or search's rows load.
    { keepPreviousData: true }
  );
};

export const useAccountAction = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    ({ id, action }: { id: number; action: 'unlock' | 'force-change' }) =>
      post(`/governance/accounts/${id}/${action}`),
    {
      onSettled: () => client.invalidateQueries(ACCOUNTS),
    }
  );
};

export const useSetHolder = () => {
  const { put } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    ({ id, holderName }: { id: number; holderName: string | null }) =>
      put(`/governance/accounts/${id}/holder`, { holderName }),
    {
      onSettled: () => client.invalidateQueries(ACCOUNTS),
    }
  );
};
