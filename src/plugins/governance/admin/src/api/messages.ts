import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import { searchParams } from './searchParams';
import type {
  BulkSignResult,
  Category,
  InboxFilters,
  InboxItem,
  InboxPage,
  MessageCase,
  MessageStatistics,
  MessageTodo,
  ReplyFlag,
  ReplyFlaggedDetails,
  TransferTarget,
  Verdict,
} from '../../../shared/contracts/messages';

export { CATEGORIES, INBOX_TABS, OPEN_STATUSES } from '../../../shared/contracts/messages';
export type {
  CaseEvent,
  Category,
  DeadlineState,
  InboxFilters,
  InboxItem,
  InboxTab,
  MessageCase,
  MessageFigures,
  MessageStatistics,
  ReplyFlag,
  Satisfaction,
  TransferTarget,
  Verdict,
} from '../../../shared/contracts/messages';

const MESSAGES = ['governance', 'messages'];

/** Statistics go back to the first year on record in the group. */
export const FIRST_STATISTICS_YEAR = 2014;

/** The inbox's filters as a query string (also the export's). */
export const inboxQueryString = (filters: InboxFilters, page?: number) =>
  searchParams({ ...filters, page });

export const useInbox = (filters: InboxFilters, page: number) => {
  const { get } = useFetchClient();
  const params = inboxQueryString(filters, page);
  return useQuery(
    [...MESSAGES, 'inbox', params],
    async () => (await get<InboxPage>('/governance/messages', { params })).data,
    // The page stays on screen while the next one arrives.
    { keepPreviousData: true }
  );
};

/** The menu badge: the user's sites' messages to sign or overdue. */
export const useMessageTodo = () => {
  const { get } = useFetchClient();
  return useQuery(
    [...MESSAGES, 'todo'],
    async () => (await get<{ data: MessageTodo }>('/governance/messages/todo')).data.data,
    { retry: false, refetchInterval: 60_000 }
  );
};

/** 批量签收: which were signed, and why the others were not. */
export const useBulkSign = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    async (ids: number[]) =>
      (await post<{ data: BulkSignResult }>('/governance/messages/sign', { ids })).data.data,
    { onSettled: () => client.invalidateQueries(MESSAGES) }
  );
};

export const useMessageCase = (id: number | null) => {
  const { get } = useFetchClient();
  return useQuery(
    [...MESSAGES, 'case', id],
    async () => (await get<{ data: MessageCase }>(`/governance/messages/${id}`)).data.data,
    {
      enabled: id !== null,
      retry: false,
    }
  );
};

/** The active sites a message can be transferred to; they rarely change while the admin is open. */
export const useTransferTargets = () => {
  const { get } = useFetchClient();
  return useQuery(
    [...MESSAGES, 'transfer-targets'],
    async () =>
      (await get<{ data: TransferTarget[] }>('/governance/messages/transfer-targets')).data.data,
    { staleTime: 10 * 60_000 }
  );
};

export const useMessageStatistics = (year: number) => {
  const { get } = useFetchClient();
  return useQuery(
    [...MESSAGES, 'statistics', year],
    async () =>
      (
        await get<{ data: MessageStatistics }>('/governance/messages/statistics', {
          params: { year },
        })
      ).data.data,
    // Another year's figures stay on screen until the chosen year's arrive.
    { keepPreviousData: true }
  );
};

/**
 * Draws a random sample of a year's replied messages for spot checks. A mutation rather than a
 * query: each draw is new, and the sample must stay put while its messages are checked (a query
 * would be redrawn whenever the messages are invalidated).
 */
export const useDrawSpotCheckSample = () => {
  const { get } = useFetchClient();
  return useMutation(
    async ({ year, size }: { year: number; size: number }) =>
      (
        await get<{ data: InboxItem[] }>('/governance/messages/spot-checks/sample', {
          params: { year, size },
        })
      ).data.data
  );
};

export type MessageAction =
  | { action: 'sign' | 'close' }
  | { action: 'reply'; text: string; unit?: string; acknowledgeFlags?: boolean }
  | { action: 'transfer'; site: string; reason: string }
  | { action: 'transfer/accept' }
  | { action: 'transfer/refuse'; reason: string }
  | { action: 'misassigned'; reason: string }
  | { action: 'extension'; workingDays: number; reason: string }
  | { action: 'extension/decision'; approve: boolean; comment: string | null }
  | { action: 'invalid'; reason: string }
  | { action: 'invalid/decision'; confirm: boolean; comment: string | null }
  | { action: 'category'; category: Category; reason: string }
  | { action: 'spot-check'; verdict: Verdict; comment?: string }
  | { action: 'public'; isPublic: boolean };

export const useMessageAction = (id: number | null) => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(
    ({ action, ...body }: MessageAction) => post(`/governance/messages/${id}/${action}`, body),
    {
      onSettled: () => client.invalidateQueries(MESSAGES),
    }
  );
};

/** The flags of a reply the server held back for its quality check, or null for any other failure. */
export const replyFlags = (error: unknown): ReplyFlag[] | null => {
  const details = (
    error as {
      response?: { data?: { error?: { details?: Partial<ReplyFlaggedDetails> } } };
    }
  ).response?.data?.error?.details;
  return details?.code === 'REPLY_FLAGGED' ? (details.flags ?? []) : null;
};
