import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import type { AuditPage, AuditVerification } from '../../../shared/contracts/audit';
import { searchParams } from './searchParams';

export type { AuditEntry, AuditVerification } from '../../../shared/contracts/audit';

export interface AuditFilters {
  action?: string;
  /** Part of the actor's name. */
  actor?: string;
  /** Local dates, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
}

export const auditQueryString = (filters: AuditFilters, page?: number) =>
  searchParams({ ...filters, page });

export const useAuditLog = (filters: AuditFilters, page: number) => {
  const { get } = useFetchClient();
  return useQuery(
    ['governance', 'audit', filters, page],
    async () =>
      (await get<AuditPage>('/governance/audit', { params: auditQueryString(filters, page) })).data,
    { keepPreviousData: true }
  );
};

export const useVerifyAudit = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    async () => (await post<{ data: AuditVerification }>('/governance/audit/verify')).data.data,
    // The list beside the result shows the log as it is now, not as it was before the check.
    { onSuccess: () => client.invalidateQueries(['governance', 'audit']) }
  );
};
