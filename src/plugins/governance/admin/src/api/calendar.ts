import { useFetchClient } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from 'react-query';
import type {
  CalendarHoliday,
  CalendarInput,
  CalendarOverview,
  CalendarStatus,
  CalendarYear,
} from '../../../shared/contracts/calendar';

export type { CalendarHoliday, CalendarInput, CalendarOverview, CalendarStatus, CalendarYear };

const CALENDAR = ['governance', 'calendar'];

/** Every year to show, with whether next year is missing; polled while a recomputation runs. */
export const useCalendar = () => {
  const { get } = useFetchClient();
  return useQuery(
    CALENDAR,
    async () => (await get<{ data: CalendarOverview }>('/governance/calendar')).data.data,
    {
      refetchInterval: (data) =>
        data?.years.some((year) => year.recalculation?.state === 'running') ? 2000 : false,
    }
  );
};

/** Whether this year's and next year's holidays are known (for a home-page warning). */
export const useCalendarStatus = (enabled = true) => {
  const { get } = useFetchClient();
  return useQuery(
    [...CALENDAR, 'status'],
    async () => (await get<{ data: CalendarStatus }>('/governance/calendar/status')).data.data,
    { enabled, retry: false }
  );
};

/** Reads a pasted notice (not saved): the server answers the holidays it found, or what it could not read. */
export const useParseNotice = () => {
  const { post } = useFetchClient();
  return useMutation(
    async (input: { year: number; text: string }) =>
      (await post<{ data: CalendarInput }>('/governance/calendar/parse', input)).data.data
  );
};

export const useSaveYear = () => {
  const { put } = useFetchClient();
  const queryClient = useQueryClient();
  return useMutation(
    async ({ year, ...input }: CalendarInput & { year: number }) =>
      (await put<{ data: CalendarYear }>(`/governance/calendar/${year}`, input)).data.data,
    { onSuccess: () => queryClient.invalidateQueries(CALENDAR) }
  );
};
