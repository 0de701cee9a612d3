import { useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';
import type { Overview } from '../../../shared/contracts/overview';

export type { LevelFigures, Overview } from '../../../shared/contracts/overview';

export const useOverview = (year?: number) => {
  const { get } = useFetchClient();
  return useQuery(['governance', 'overview', year ?? 'current'], async () => {
    const { data } = await get<{ data: Overview }>('/governance/overview', {
      params: year ? { year } : {},
    });
    return data.data;
  });
};
