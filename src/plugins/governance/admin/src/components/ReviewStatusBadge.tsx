import type { ReviewStatus } from '../api/review';
import { useT } from '../hooks/useT';
import { ToneBadge, type Tone } from './ToneBadge';

const TONE: Record<ReviewStatus, Tone> = {
  draft: 'neutral',
  submitted: 'primary',
  in_review: 'primary',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'warning',
};

/** The review state in words and colour, wherever an article is listed or shown. */
export const ReviewStatusBadge = ({ status }: { status: ReviewStatus | null | undefined }) => {
  const t = useT();
  const value = status ?? 'draft';
  return <ToneBadge tone={TONE[value] ?? 'neutral'}>{t(`review.status.${value}`)}</ToneBadge>;
};
