import { useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';
import type { Workbench } from '../../../shared/contracts/workbench';

export type {
  ArticleTodos,
  GroupTodos,
  MessageTodos,
  ReviewTodos,
  Workbench,
  WorkbenchProfile,
} from '../../../shared/contracts/workbench';

/** 工作台: the caller's to-dos, refreshed every minute while the home page is open. */
export const useWorkbench = () => {
  const { get } = useFetchClient();
  return useQuery(
    ['governance', 'workbench'],
    async () => (await get<{ data: Workbench }>('/governance/workbench')).data.data,
    { refetchInterval: 60_000 }
  );
};
