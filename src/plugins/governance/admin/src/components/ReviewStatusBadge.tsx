import { Badge } from '@strapi/design-system';
import type { ReviewStatus } from '../api/review';
import { useT } from '../hooks/useT';

const COLORS: Record<ReviewStatus, { text: string; background: string }> = {
  draft: { text: 'neutral700', background: 'neutral150' },
  submitted: { text: 'primary600', background: 'primary100' },
  in_review: { text: 'primary600', background: 'primary100' },
  approved: { text: 'success600', background: 'success100' },
  rejected: { text: 'danger600', background: 'danger100' },
  withdrawn: { text: 'warning600', background: 'warning100' },
};

/** The review state in words and colour, wherever an article is listed or shown. */
export const ReviewStatusBadge = ({ status }: { status: ReviewStatus | null | undefined }) => {
  const t = useT();
  const value = status ?? 'draft';
  const color = COLORS[value] ?? COLORS.draft;
  return (
    <Badge textColor={color.text} backgroundColor={color.background}>
      {t(`review.status.${value}`)}
    </Badge>
  );
};
