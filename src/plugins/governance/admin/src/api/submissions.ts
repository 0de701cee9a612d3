import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import type { SiteLevel } from '../../../shared/contracts/overview';
import type {
  AdoptedSubmission,
  Submission,
  SubmissionPage,
  SubmissionSite,
  SubmissionStatus,
  SubmissionTargets,
} from '../../../shared/contracts/submissions';
import { searchParams } from './searchParams';

export { SITE_LEVELS } from '../../../shared/contracts/overview';
export { SUBMISSION_STATUSES } from '../../../shared/contracts/submissions';
export type {
  SiteLevel,
  Submission,
  SubmissionPage,
  SubmissionSite,
  SubmissionStatus,
  SubmissionTargets,
};

const SUBMISSIONS = ['governance', 'submissions'];

/** 报送信息 (what others sent to the user's sites) and 我的报送 (what the user's sites sent). */
export type SubmissionBox = 'incoming' | 'outgoing';

export interface SubmissionFilters {
  status?: SubmissionStatus;
  /** The source site's code. */
  site?: string;
  level?: SiteLevel;
  minWaitingDays?: number;
  page?: number;
}

export const useSubmissions = (box: SubmissionBox, filters: SubmissionFilters) => {
  const { get } = useFetchClient();
  return useQuery(
    [...SUBMISSIONS, box, filters],
    async () =>
      (
        await get<SubmissionPage>(`/governance/submissions/${box}`, {
          params: searchParams({ ...filters }),
        })
      ).data,
    // The rows stay on screen while another tab or page loads.
    { keepPreviousData: true }
  );
};

/**
 * The open submissions for the menu: both boxes' counts come with either list, so one small
 * request to the box the user may read; refreshed every minute like the review count.
 */
export const useSubmissionCounts = (box: SubmissionBox | null) => {
  const { get } = useFetchClient();
  return useQuery(
    [...SUBMISSIONS, 'counts', box],
    async () =>
      (
        await get<SubmissionPage>(`/governance/submissions/${box}`, {
          params: searchParams({ status: 'submitted' }),
        })
      ).data.meta.counts,
    { enabled: box !== null, retry: false, refetchInterval: 60_000 }
  );
};

/**
 * Where an article may be submitted and what became of earlier submissions. `revision` changes
 * when the edit view's document does (saved, published, reviewed), which may change eligibility.
 */
export const useSubmissionTargets = (documentId: string | undefined, revision: string) => {
  const { get } = useFetchClient();
  return useQuery(
    [...SUBMISSIONS, 'targets', documentId, revision],
    async () =>
      (
        await get<{ data: SubmissionTargets }>('/governance/submissions/targets', {
          params: searchParams({ article: documentId }),
        })
      ).data.data,
    { enabled: Boolean(documentId), retry: false }
  );
};

export type SubmissionAction =
  | { action: 'submit'; article: string; target: string; note?: string }
  | { action: 'withdraw'; id: number }
  | { action: 'adopt'; id: number }
  | { action: 'decline'; id: number; reason: string };

type AdoptResult = { data: AdoptedSubmission };

/** Every act answers with the server's data; lists, counts and panels are refreshed after it. */
export const useSubmissionAction = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    async (act: SubmissionAction) => {
      switch (act.action) {
        case 'submit':
          return (
            await post<{ data: Submission }>('/governance/submissions', {
              article: act.article,
              target: act.target,
              note: act.note,
            })
          ).data;
        case 'adopt':
          return (await post<AdoptResult>(`/governance/submissions/${act.id}/adopt`)).data;
        case 'decline':
          return (await post(`/governance/submissions/${act.id}/decline`, { reason: act.reason }))
            .data;
        case 'withdraw':
          return (await post(`/governance/submissions/${act.id}/withdraw`)).data;
      }
    },
    { onSettled: () => client.invalidateQueries(SUBMISSIONS) }
  );
};

/** The draft an adoption made, from the answer of an `adopt` act. */
export const adoptedDraftOf = (result: unknown) =>
  (result as AdoptResult | undefined)?.data?.articleDocumentId ?? null;

/** Where the Content Manager edits an article (inside the admin's router). */
export const articleEditPath = (documentId: string) =>
  `/content-manager/collection-types/api::article.article/${documentId}`;
