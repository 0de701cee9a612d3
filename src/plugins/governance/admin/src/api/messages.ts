import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import type {
  Category,
  InboxItem,
  InboxPage,
  InboxTab,
  MessageCase,
  MessageStatistics,
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

export const useInbox = (filters: { tab: InboxTab; q?: string; page?: number }) => {
  const { get } = useFetchClient();
  const params = Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')
  );
  return useQuery(
    [...MESSAGES, 'inbox', params],
    async () => (await get<InboxPage>('/governance/messages', { params })).data
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
  | { action: 'extension'; workingDays: number; reason: string }
  | { action: 'extension/decision'; approve: boolean; comment: string | null }
  | { action: 'invalid'; reason: string }
  | { action: 'category'; category: Category; reason: string }
  | { action: 'spot-check'; verdict: Verdict; comment?: string };

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
