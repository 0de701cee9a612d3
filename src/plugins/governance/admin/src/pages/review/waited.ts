import type { Translate } from '../../hooks/useT';

/** "2天3小时": how long an article has waited at its step (the queue, the home page). */
export const waited = (since: string | null, t: Translate) => {
  if (!since) return '—';
  const hours = Math.max(0, Math.floor((Date.now() - new Date(since).getTime()) / 3_600_000));
  if (hours < 1) return t('review.queue.lessThanHour');
  return hours >= 24
    ? t('review.queue.daysHours', { days: Math.floor(hours / 24), hours: hours % 24 })
    : t('review.queue.hours', { hours });
};
