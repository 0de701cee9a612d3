import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';

const MESSAGES = ['governance', 'messages'];

export const INBOX_TABS = ['toSign', 'inProgress', 'dueSoon', 'overdue', 'replied'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];
export type Deadline = 'onTrack' | 'dueSoon' | 'overdue' | 'veto' | 'answered' | 'answeredLate';

export interface InboxItem {
  id: number;
  queryCode: string;
  site: { code: string; name: string } | null;
  category: string;
  subject: string;
  name: string;
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
}

export interface MessageCase {
  id: number;
  queryCode: string;
  site: { code: string; name: string } | null;
  category: string;
  subject: string;
  body: string;
  citizen: { name: string; phone: string | null; email: string | null };
  status: string;
  receivedAt: string;
  dueAt: string;
  deadline: Deadline;
  reply: string | null;
  repliedAt: string | null;
  repliedBy: string | null;
  timeline: CaseEvent[];
}

export const useInbox = (filters: { tab: InboxTab; q?: string; page?: number }) => {
  const { get } = useFetchClient();
  const params = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ''));
  return useQuery([...MESSAGES, 'inbox', params], async () =>
    (await get<{ data: InboxItem[]; meta: { counts: Record<InboxTab, number> } }>('/governance/messages', { params })).data
  );
};

export const useMessageCase = (id: number | null) => {
  const { get } = useFetchClient();
  return useQuery([...MESSAGES, 'case', id], async () => (await get<{ data: MessageCase }>(`/governance/messages/${id}`)).data.data, {
    enabled: id !== null,
    retry: false,
  });
};

type MessageAction =
  | { action: 'sign' | 'close' }
  | { action: 'reply'; text: string }
  | { action: 'transfer'; site: string; reason: string };

export const useMessageAction = (id: number | null) => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation(({ action, ...body }: MessageAction) => post(`/governance/messages/${id}/${action}`, body), {
    onSettled: () => client.invalidateQueries(MESSAGES),
  });
};
