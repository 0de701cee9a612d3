import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import type { MessageStatistics } from '../../../shared/contracts/messages';
import type { SiteLevel } from '../../../shared/contracts/overview';

export type { MessageFigures, MessageStatistics } from '../../../shared/contracts/messages';

const MESSAGES = ['governance', 'messages'];

export const INBOX_TABS = ['toSign', 'inProgress', 'dueSoon', 'overdue', 'replied'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];
export type Deadline = 'onTrack' | 'dueSoon' | 'overdue' | 'veto' | 'answered' | 'answeredLate';

/** What the server's reply check found: fewer than 30 characters, only template phrases, no 答复单位. */
export type ReplyFlag = 'tooShort' | 'templatePhrase' | 'noUnit';
export type Satisfaction = 'satisfied' | 'neutral' | 'unsatisfied';
export type Verdict = 'standard' | 'substandard';
export const CATEGORIES = ['consultation', 'complaint', 'suggestion', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

/** A message in a list: no contact data and no query code (the citizen's key). */
export interface InboxItem {
  id: number;
  /** 留言编号, e.g. 2026-000123: what staff and the citizen call the message by. */
  caseNumber: string | null;
  site: { code: string; name: string } | null;
  category: Category;
  subject: string;
  status: string;
  receivedAt: string;
  dueAt: string;
  repliedAt: string | null;
  deadline: Deadline;
}

export interface CaseEvent {
  id: number;
  action: string;
  actor: string;
  at: string;
  text: string | null;
  workingDays: number | null;
  fromSite: { code: string; name: string } | null;
  toSite: { code: string; name: string } | null;
  /** The deadline before and after a transfer or an approved extension. */
  dueAtBefore: string | null;
  dueAtAfter: string | null;
  flags: ReplyFlag[] | null;
  verdict: Verdict | null;
  satisfaction: Satisfaction | null;
  /** The category before and after a correction. */
  categoryBefore: Category | null;
  categoryAfter: Category | null;
}

export interface MessageCase {
  id: number;
  caseNumber: string | null;
  site: { code: string; name: string } | null;
  category: Category;
  /** The category the citizen chose, once staff corrected it. */
  originalCategory: Category | null;
  subject: string;
  body: string;
  citizen: { name: string; phone: string | null; email: string | null };
  status: string;
  receivedAt: string;
  dueAt: string;
  deadline: Deadline;
  reply: string | null;
  replyingUnit: string | null;
  repliedAt: string | null;
  repliedBy: string | null;
  pendingExtension: {
    workingDays: number;
    reason: string;
    requestedBy: number;
    requestedAt: string;
  } | null;
  satisfaction: Satisfaction | null;
  reopenedAt: string | null;
  spotCheck: { verdict: Verdict; comment: string | null; by: string; at: string } | null;
  timeline: CaseEvent[];
}

export interface TransferTarget {
  code: string;
  name: string;
  level: SiteLevel;
  /** A county's city. */
  city: string | null;
}

/** Statistics go back to the first year on record in the group. */
export const FIRST_STATISTICS_YEAR = 2014;

export const useInbox = (filters: { tab: InboxTab; q?: string; page?: number }) => {
  const { get } = useFetchClient();
  const params = Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')
  );
  return useQuery(
    [...MESSAGES, 'inbox', params],
    async () =>
      (
        await get<{ data: InboxItem[]; meta: { counts: Record<InboxTab, number> } }>(
          '/governance/messages',
          { params }
        )
      ).data
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
      response?: { data?: { error?: { details?: { code?: string; flags?: ReplyFlag[] } } } };
    }
  ).response?.data?.error?.details;
  return details?.code === 'REPLY_FLAGGED' ? (details.flags ?? []) : null;
};
