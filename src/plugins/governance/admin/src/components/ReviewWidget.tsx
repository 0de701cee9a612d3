import { Flex, Link, Typography } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';
import { useReviewCount } from '../api/review';
import { useT } from '../hooks/useT';

/** The home page's "审核待办" widget: what waits for the user, with the way to it. */
export const ReviewWidget = () => {
  const t = useT();
  const { data, isLoading } = useReviewCount();
  if (isLoading || !data) return <Typography variant="pi">{t('review.loading')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="review-widget">
      <Flex gap={2} alignItems="baseline">
        <Typography variant="alpha" textColor={data.toReview > 0 ? 'primary600' : 'neutral600'}>
          {data.toReview}
        </Typography>
        <Typography>{t('review.widget.toReview')}</Typography>
      </Flex>
      <Flex gap={2} alignItems="baseline">
        <Typography variant="alpha" textColor={data.toRevise > 0 ? 'danger600' : 'neutral600'}>
          {data.toRevise}
        </Typography>
        <Typography>{t('review.widget.toRevise')}</Typography>
      </Flex>
      <Link tag={RouterLink} to="/plugins/governance/review">
        {t('review.widget.open')}
      </Link>
    </Flex>
  );
};

export default ReviewWidget;
