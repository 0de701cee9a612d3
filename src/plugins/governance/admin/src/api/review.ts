import { getFetchClient, useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import type {
  ArticleReview,
  Checklist,
  LinkHostList,
  LinkHostRuleEntry,
  QueueResponse,
  ReviewCount,
  SensitiveWordEntry,
  StepCapacity,
  WordingCategory,
  WordingImportResult,
  WordingRuleEntry,
  WordLevel,
} from '../../../shared/contracts/review';

export {
  CHECKLIST_ITEMS,
  LINK_HOST_LISTS,
  REVIEW_STATUSES,
  STEP_CAPACITIES,
  WORDING_CATEGORIES,
} from '../../../shared/contracts/review';
export type {
  ArticleReview,
  Decision,
  LinkHostList,
  LinkHostRuleEntry,
  QueueItem,
  ReviewStatus,
  StepCapacity,
  WordHit,
  WordingCategory,
  WordingRuleEntry,
  WordLevel,
} from '../../../shared/contracts/review';

const REVIEW = ['governance', 'review'];
const WORDS = ['governance', 'review-words'];
const WORDING = ['governance', 'wording-rules'];
const LINK_HOSTS = ['governance', 'link-hosts'];
const LINK_HOSTS_URL = '/governance/review/link-hosts';
export const WORDING_RULES_URL = '/governance/review/wording-rules';

export interface QueueFilters {
  tab: 'toReview' | 'mine' | 'all';
  site?: string;
  capacity?: StepCapacity;
  waitingDays?: number;
}

/**
 * An article's review; `version` (the document's `updatedAt`) asks again after a save, which may
 * have voided an approval. The edit view's panel and its 发布 button share it.
 */
export const useArticleReview = (documentId: string | undefined, version?: string) => {
  const { get } = useFetchClient();
  return useQuery(
    [...REVIEW, 'article', documentId, version],
    async () =>
      (await get<{ data: ArticleReview }>(`/governance/review/articles/${documentId}`)).data.data,
    { enabled: Boolean(documentId), retry: false }
  );
};

export const useReviewQueue = (filters: QueueFilters) => {
  const { get } = useFetchClient();
  const params = Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')
  );
  return useQuery(
    [...REVIEW, 'queue', params],
    async () => (await get<QueueResponse>('/governance/review/queue', { params })).data.data
  );
};

/**
 * What waits for the user: on the menu and the home page, refreshed every minute. One query
 * shared by both, so not through `useFetchClient`, which cancels its requests when its component
 * unmounts: the menu's icon is remounted while the admin loads the user's menu, and the shared
 * request then failed for the home page too ("AbortError" in the console).
 */
export const useReviewCount = () => {
  const { get } = getFetchClient();
  return useQuery(
    [...REVIEW, 'count'],
    async () => (await get<{ data: ReviewCount }>('/governance/review/count')).data.data,
    {
      retry: false,
      refetchInterval: 60_000,
    }
  );
};

type ReviewAction =
  | { action: 'submit' | 'withdraw' }
  | { action: 'approve'; contentHash: string; checklist: Checklist; comment?: string }
  | { action: 'reject'; reason: string };

export const useReviewAction = (documentId: string | undefined) => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    ({ action, ...body }: ReviewAction) =>
      post(`/governance/review/articles/${documentId}/${action}`, body),
    { onSettled: () => client.invalidateQueries(REVIEW) }
  );
};

export const useSensitiveWords = () => {
  const { get } = useFetchClient();
  return useQuery(
    WORDS,
    async () => (await get<{ data: SensitiveWordEntry[] }>('/governance/review/words')).data.data
  );
};

export const useAddWord = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    (word: { word: string; level: WordLevel; suggestion?: string; note?: string }) =>
      post('/governance/review/words', word),
    { onSuccess: () => client.invalidateQueries(WORDS) }
  );
};

export const useRemoveWord = () => {
  const { del } = useFetchClient();
  const client = useQueryClient();
  return useMutation((id: number) => del(`/governance/review/words/${id}`), {
    onSuccess: () => client.invalidateQueries(WORDS),
  });
};

/** 外链名单: the hosts outside the group articles may link to, and must not. */
export const useLinkHosts = () => {
  const { get } = useFetchClient();
  return useQuery(
    LINK_HOSTS,
    async () => (await get<{ data: LinkHostRuleEntry[] }>(LINK_HOSTS_URL)).data.data
  );
};

export const useAddLinkHost = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    (rule: { host: string; list: LinkHostList; note?: string }) =>
      post<{ data: LinkHostRuleEntry }>(LINK_HOSTS_URL, rule),
    { onSuccess: () => client.invalidateQueries(LINK_HOSTS) }
  );
};

export const useRemoveLinkHost = () => {
  const { del } = useFetchClient();
  const client = useQueryClient();
  return useMutation((id: number) => del(`${LINK_HOSTS_URL}/${id}`), {
    onSuccess: () => client.invalidateQueries(LINK_HOSTS),
  });
};

export const useWordingRules = () => {
  const { get } = useFetchClient();
  return useQuery(
    WORDING,
    async () => (await get<{ data: WordingRuleEntry[] }>(WORDING_RULES_URL)).data.data
  );
};

export const useAddWordingRule = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    (rule: { wrong: string; right: string; category: WordingCategory; note?: string }) =>
      post(WORDING_RULES_URL, rule),
    { onSuccess: () => client.invalidateQueries(WORDING) }
  );
};

export const useRemoveWordingRule = () => {
  const { del } = useFetchClient();
  const client = useQueryClient();
  return useMutation((id: number) => del(`${WORDING_RULES_URL}/${id}`), {
    onSuccess: () => client.invalidateQueries(WORDING),
  });
};

/** 导入 Excel: the workbook as the export writes it, all rows or none. */
export const useImportWordingRules = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return (await post<{ data: WordingImportResult }>(`${WORDING_RULES_URL}/import`, form)).data
        .data;
    },
    { onSettled: () => client.invalidateQueries(WORDING) }
  );
};
