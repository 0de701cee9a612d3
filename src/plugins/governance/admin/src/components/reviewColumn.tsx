import type { ReviewStatus } from '../api/review';
import { getTranslation } from '../pluginId';
import { ReviewStatusBadge } from './ReviewStatusBadge';

interface ListViewHeaders {
  displayedHeaders: Array<Record<string, unknown>>;
  layout: { metadatas?: Record<string, unknown> };
}

/**
 * The list view's review column for content types that carry a review state (articles), from
 * the state the review service keeps on each row: a coloured, translated badge.
 */
export const withReviewColumn = ({ displayedHeaders, layout }: ListViewHeaders) => {
  if (!layout.metadatas || !('reviewStatus' in layout.metadatas))
    return { displayedHeaders, layout };
  const others = displayedHeaders.filter((header) => header.name !== 'reviewStatus');
  const column = {
    attribute: { type: 'enumeration' },
    label: { id: getTranslation('review.column'), defaultMessage: '审核状态' },
    name: 'reviewStatus',
    searchable: false,
    sortable: true,
    cellFormatter: (row: { reviewStatus?: ReviewStatus }) => (
      <ReviewStatusBadge status={row.reviewStatus} />
    ),
  };
  return { displayedHeaders: [...others, column], layout };
};
