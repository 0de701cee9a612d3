import { useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';
import type { GroupTime } from '../../../shared/contracts/time';

/** The group's time zone: set in the server's configuration, read once per session. */
export const useGroupTime = () => {
  const { get } = useFetchClient();
  return useQuery(
    ['governance', 'time'],
    async () => (await get<{ data: GroupTime }>('/governance/time')).data.data,
    { staleTime: Infinity, cacheTime: Infinity }
  );
};
