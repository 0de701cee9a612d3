import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import type {
  FindingKind,
  InspectionFinding,
  InspectionSummary,
} from '../../../shared/contracts/inspection';

export type { FindingKind, InspectionFinding, InspectionSummary };
/** The kinds a finding has, in the order the page lists them. */
export { HIT_KINDS as FINDING_KINDS } from '../../../shared/contracts/review';

const INSPECTION = ['governance', 'inspection'];

export interface FindingFilters {
  site?: string;
  kind?: FindingKind;
  state: 'open' | 'dismissed';
}

export const FINDINGS_PAGE_SIZE = 20;

const findingsQuery = (filters: FindingFilters, page: number) =>
  new URLSearchParams(
    Object.entries({ ...filters, page: String(page), pageSize: String(FINDINGS_PAGE_SIZE) }).filter(
      (entry): entry is [string, string] => Boolean(entry[1])
    )
  ).toString();

/** The export's query: the list's filters without its page. */
export const findingsExportQuery = (filters: FindingFilters) =>
  new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1]))
  ).toString();

/** Each site's open findings and the runs; asked again every few seconds while a run goes on. */
export const useInspectionSummary = () => {
  const { get } = useFetchClient();
  return useQuery(
    [...INSPECTION, 'summary'],
    async () =>
      (await get<{ data: InspectionSummary }>('/governance/inspection/summary')).data.data,
    { refetchInterval: (data) => (data?.running ? 3000 : false) }
  );
};

/** A page of findings; `asOf` (the last run's end) asks again once a run has finished. */
export const useFindings = (filters: FindingFilters, page: number, asOf?: string | null) => {
  const { get } = useFetchClient();
  return useQuery(
    [...INSPECTION, 'findings', filters, page, asOf],
    async () =>
      (
        await get<{
          data: InspectionFinding[];
          pagination: { page: number; pageSize: number; pageCount: number; total: number };
          /** Each tab's findings under the same filters. */
          counts: Record<FindingFilters['state'], number>;
        }>('/governance/inspection/findings', { params: findingsQuery(filters, page) })
      ).data,
    { keepPreviousData: true }
  );
};

export const useDismissFinding = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    ({ id, reason }: { id: number; reason: string }) =>
      post(`/governance/inspection/findings/${id}/dismiss`, { reason }),
    { onSuccess: () => client.invalidateQueries(INSPECTION) }
  );
};

/** 撤稿: the finding's article taken offline, with the reason. */
export const useUnpublishForFinding = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    ({ id, reason }: { id: number; reason: string }) =>
      post(`/governance/inspection/findings/${id}/unpublish`, { reason }),
    { onSuccess: () => client.invalidateQueries(INSPECTION) }
  );
};

export const useStartInspection = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation((site?: string) => post('/governance/inspection/runs', site ? { site } : {}), {
    onSuccess: () => client.invalidateQueries(INSPECTION),
  });
};
