import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import type {
  ColumnChange,
  ColumnChangeInput,
  ColumnDecisionInput,
  ColumnManagementSites,
  ManagedColumn,
  SiteColumnManagement,
} from '../../../shared/contracts/columns';

export type { ColumnChange, ColumnChangeInput, ManagedColumn, SiteColumnManagement };

const COLUMNS = ['governance', 'column-management'];

/** The sites the user manages (the province) or leads, with the proposals waiting. */
export const useColumnSites = () => {
  const { get } = useFetchClient();
  return useQuery(
    COLUMNS,
    async () =>
      (await get<{ data: ColumnManagementSites }>('/governance/column-management')).data.data
  );
};

/** One site's columns, how each stands, and its changes. */
export const useSiteColumns = (site: string | undefined) => {
  const { get } = useFetchClient();
  return useQuery(
    [...COLUMNS, site],
    async () =>
      (
        await get<{ data: SiteColumnManagement }>(
          `/governance/column-management/sites/${encodeURIComponent(site!)}`
        )
      ).data.data,
    { enabled: Boolean(site) }
  );
};

/** A change: made at once by the province, a proposal when a leader asks. */
export const useChangeColumns = (site: string) => {
  const { post } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation(
    async (input: ColumnChangeInput) =>
      (
        await post<{ data: { status: 'applied' | 'pending'; id: number } }>(
          `/governance/column-management/sites/${encodeURIComponent(site)}/changes`,
          input
        )
      ).data.data,
    { onSuccess: () => queryClient.invalidateQueries(COLUMNS) }
  );
};

/** The province approves or refuses a leader's proposal. */
export const useDecideColumnChange = () => {
  const { post } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation(
    async ({ id, ...input }: ColumnDecisionInput & { id: number }) =>
      post(`/governance/column-management/changes/${id}/decision`, input),
    { onSuccess: () => queryClient.invalidateQueries(COLUMNS) }
  );
};
