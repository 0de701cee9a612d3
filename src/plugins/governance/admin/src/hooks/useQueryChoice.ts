import { useQueryParams } from '@strapi/strapi/admin';
import { useCallback } from 'react';

/**
 * One of a list's choices (a tab, a filter) kept in the address, `?tab=overdue`, so that a link
 * from the home page opens the list already chosen and a reload keeps it. A value that is not
 * one of `choices` reads as `fallback`; choosing replaces the address rather than adding to the
 * history, and takes a paginated list back to its first page.
 */
export const useQueryChoice = <T extends string>(
  name: string,
  choices: readonly T[],
  fallback: T
) => {
  const [{ query }, setQuery] = useQueryParams<Record<string, string | undefined>>();
  const value = choices.find((choice) => choice === query[name]) ?? fallback;
  const choose = useCallback(
    (next: T) => {
      const params: Record<string, string | undefined> = { [name]: next || undefined };
      if (query.page !== undefined) params.page = '1';
      setQuery(params, 'push', true);
    },
    [name, query.page, setQuery]
  );
  return [value, choose] as const;
};
