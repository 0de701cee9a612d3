import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import type { Capacity, SiteNode, UserOption } from '../../../shared/contracts/sites';

export { CAPACITIES } from '../../../shared/contracts/sites';
export type { Capacity, SiteNode };

const TREE = ['governance', 'sites'];

export const useSiteTree = () => {
  const { get } = useFetchClient();
  return useQuery(
    TREE,
    async () => (await get<{ data: SiteNode[] }>('/governance/sites')).data.data
  );
};

export const useUserSearch = (q: string) => {
  const { get } = useFetchClient();
  return useQuery(
    ['governance', 'site-users', q],
    async () =>
      (await get<{ data: UserOption[] }>('/governance/sites/users', { params: { q } })).data.data
  );
};

export const useAddMember = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    ({
      siteDocumentId,
      userId,
      capacity,
    }: {
      siteDocumentId: string;
      userId: number;
      capacity: Capacity;
    }) => post(`/governance/sites/${siteDocumentId}/members`, { userId, capacity }),
    { onSuccess: () => client.invalidateQueries(TREE) }
  );
};

export const useRemoveMember = () => {
  const { del } = useFetchClient();
  const client = useQueryClient();
  return useMutation((membershipId: number) => del(`/governance/memberships/${membershipId}`), {
    onSuccess: () => client.invalidateQueries(TREE),
  });
};
