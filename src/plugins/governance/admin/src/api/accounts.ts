import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import type { AccountFilter, AccountPage } from '../../../shared/contracts/accounts';
import { searchParams } from './searchParams';

export { ACCOUNT_FILTERS } from '../../../shared/contracts/accounts';
export type { Account, AccountFilter } from '../../../shared/contracts/accounts';

const ACCOUNTS = ['governance', 'accounts'];

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
      (await get<AccountPage>('/governance/accounts', { params: accountsQueryString(query) })).data,
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
