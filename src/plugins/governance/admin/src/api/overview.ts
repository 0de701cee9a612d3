import { useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';

export type SiteLevel = 'portal' | 'department' | 'city' | 'county';

export interface LevelFigures {
  level: SiteLevel;
  sites: number;
  articles: number;
  specialTopics: number;
  messages: number;
  replies: number;
}

/** GET /governance/overview: the shape the server's overview service returns. */
export interface Overview {
  groupName: string;
  timezone: string;
  year: number;
  years: number[];
  levels: LevelFigures[];
  totals: Omit<LevelFigures, 'level'>;
}

export const useOverview = (year?: number) => {
  const { get } = useFetchClient();
  return useQuery(['governance', 'overview', year ?? 'current'], async () => {
    const { data } = await get<{ data: Overview }>('/governance/overview', {
      params: year ? { year } : {},
    });
    return data.data;
  });
};
