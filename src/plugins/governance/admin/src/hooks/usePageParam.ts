import { useQueryParams } from '@strapi/strapi/admin';
import { useCallback } from 'react';

/**
 * The page of a paginated list, kept in the address (`?page=2`) as Strapi's pagination links
 * set it; and `restarting`, which makes a setter of the list's tab or filters also take the
 * list back to its first page.
 */
export const usePageParam = () => {
  const [{ query }, setQuery] = useQueryParams<{ page?: string }>();
  const page = Number(query.page ?? 1);
  const restarting = useCallback(
    <V>(set: (value: V) => void) =>
      (value: V) => {
        set(value);
        // Replacing the address: no history entry per keystroke.
        if (page !== 1) setQuery({ page: '1' }, 'push', true);
      },
    [page, setQuery]
  );
  return { page, restarting };
};
