import { Box, Typography } from '@strapi/design-system';
import type { CountFlags as Flags } from '../../../shared/contracts/review';
import type { Translate } from '../hooks/useT';
import { useLocalTime } from '../hooks/useLocalTime';

/**
 * Whether the draft, published as it is, counts in the ranking: too slight (title or body under
 * the configured minimums), or the same as or nearly the same as an article already published in
 * the group. Nothing is shown for a draft that counts. Publishing is not refused either way.
 */
export const CountFlags = ({ flags, t }: { flags: Flags; t: Translate }) => {
  const { formatDate } = useLocalTime();
  const { trivial, duplicates } = flags;
  if (!trivial && duplicates.length === 0) return null;
  const reasons = trivial
    ? [
        trivial.title
          ? t('review.countFlags.trivialTitle', {
              chars: trivial.titleChars,
              min: trivial.minTitleChars,
            })
          : null,
        trivial.body
          ? t('review.countFlags.trivialBody', {
              chars: trivial.bodyChars,
              min: trivial.minBodyChars,
            })
          : null,
      ]
        .filter(Boolean)
        .join('；')
    : '';
  return (
    <Box background="warning100" padding={3} hasRadius data-testid="review-count-flags">
      <Typography variant="sigma" textColor="warning700">
        {t('review.countFlags.title')}
      </Typography>
      {trivial ? (
        <Typography variant="omega" tag="p" data-testid="review-count-trivial">
          {t('review.countFlags.trivial', { reasons })}
        </Typography>
      ) : null}
      {duplicates.length > 0 ? (
        <Typography variant="omega" tag="p" data-testid="review-count-duplicate">
          {t('review.countFlags.duplicate', {
            distance: String(Math.min(...duplicates.map((d) => d.distance))),
            articles: duplicates
              .map((d) =>
                t('review.countFlags.article', {
                  title: d.title,
                  site: d.siteName ?? '',
                  date: formatDate(d.firstPublishedAt, { dateStyle: 'long' }),
                })
              )
              .join('、'),
          })}
        </Typography>
      ) : null}
    </Box>
  );
};
