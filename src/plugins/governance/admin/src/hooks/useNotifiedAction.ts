import { useNotification } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import { useT } from './useT';

/** The message the server gave for a refused request, if any. */
export const apiErrorMessage = (error: unknown): string | undefined =>
  (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error
    ?.message;

/**
 * Runs an act of a page and says how it went: `done` on success (or made from the answer, when
 * it says what the server kept); on failure the server's reason (it says what to fix), else
 * `failed`. Answers whether it worked.
 */
export const useNotifiedAction = () => {
  const t = useT();
  const { toggleNotification } = useNotification();
  return useCallback(
    async <T>(
      work: () => Promise<T>,
      done: string | ((answer: T) => string),
      failed = t('review.failed')
    ) => {
      try {
        const answer = await work();
        toggleNotification({
          type: 'success',
          message: typeof done === 'function' ? done(answer) : done,
        });
        return true;
      } catch (error) {
        toggleNotification({ type: 'danger', message: apiErrorMessage(error) ?? failed });
        return false;
      }
    },
    [t, toggleNotification]
  );
};
