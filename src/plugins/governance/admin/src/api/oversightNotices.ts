import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import type {
  InspectionNotice,
  InspectionNoticeDraft,
  NamedSite,
  Rectification,
  RectificationStatus,
} from '../../../shared/contracts/oversight';
import { searchParams } from './searchParams';

export { RECTIFICATION_STATUSES } from '../../../shared/contracts/oversight';
export type {
  InspectionNotice,
  InspectionNoticeDraft,
  NamedSite,
  Rectification,
  RectificationStatus,
};

/**
 * Everything of 站群监测 lives under this key: a rectification reported or reviewed changes the
 * site cards and the notices' closed counts as well as the task lists.
 */
const OVERSIGHT = ['governance', 'oversight'];
const NOTICES = [...OVERSIGHT, 'notices'];
const RECTIFICATIONS = [...OVERSIGHT, 'rectifications'];

/** The 监测通报 generated from the data of a period (both local days included). */
export const useNoticeDraft = (from: string | undefined, to: string | undefined) => {
  const { get } = useFetchClient();
  return useQuery(
    [...OVERSIGHT, 'noticeDraft', from, to],
    async () =>
      (
        await get<{ data: InspectionNoticeDraft }>('/governance/oversight/notices/draft', {
          params: searchParams({ from, to }),
        })
      ).data.data,
    // The draft of the period before stays on screen while the new one is computed; a refused
    // period (its reason shown) is not asked again.
    { enabled: Boolean(from && to), keepPreviousData: true, retry: false }
  );
};

/** The notices created so far, newest first. */
export const useInspectionNotices = () => {
  const { get } = useFetchClient();
  return useQuery(
    NOTICES,
    async () => (await get<{ data: InspectionNotice[] }>('/governance/oversight/notices')).data.data
  );
};

export interface NewNotice {
  from: string;
  to: string;
  title: string;
  /** documentIds of the sites to name, chosen from the draft's `named`. */
  sites: string[];
  /** YYYY-MM-DD. */
  deadline: string;
}

/** Creates the notice and its draft article on the portal site (reviewed and published like any article). */
export const useCreateNotice = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    async (notice: NewNotice) =>
      (await post<{ data: InspectionNotice }>('/governance/oversight/notices', notice)).data.data,
    { onSettled: () => client.invalidateQueries(NOTICES) }
  );
};

export interface RectificationFilters {
  status?: RectificationStatus;
  /** The site's documentId. */
  site?: string;
}

/** 整改任务: every site's for the province, the user's own sites' for site members (the server decides). */
export const useRectifications = (filters: RectificationFilters) => {
  const { get } = useFetchClient();
  return useQuery(
    [...RECTIFICATIONS, filters],
    async () =>
      (
        await get<{ data: Rectification[] }>('/governance/oversight/rectifications', {
          params: searchParams({ ...filters }),
        })
      ).data.data,
    // The rows stay on screen while another tab or site loads.
    { keepPreviousData: true }
  );
};

/** 提交整改情况: the site reports what it fixed (10–2000 characters). */
export const useSubmitEvidence = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    async ({ id, evidence }: { id: number; evidence: string }) =>
      (
        await post<{ data: Rectification }>(`/governance/oversight/rectifications/${id}/evidence`, {
          evidence,
        })
      ).data.data,
    // OVERSIGHT holds the rectifications as well as the site cards that list them.
    { onSettled: () => client.invalidateQueries(OVERSIGHT) }
  );
};

/** 验收通过 (comment optional) or 退回 (comment of 5–500 characters required). */
export const useReviewRectification = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    async ({ id, accept, comment }: { id: number; accept: boolean; comment: string }) =>
      (
        await post<{ data: Rectification }>(`/governance/oversight/rectifications/${id}/review`, {
          accept,
          comment,
        })
      ).data.data,
    // Also the notices' closed counts and the site cards.
    { onSettled: () => client.invalidateQueries(OVERSIGHT) }
  );
};
