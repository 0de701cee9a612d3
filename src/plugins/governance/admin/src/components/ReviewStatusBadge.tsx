import { Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';
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

/** Where the Content Manager says a document stands online (its list's 状态 column). */
export type PublicationStatus = 'draft' | 'published' | 'modified';

const PUBLICATION_TONE: Record<PublicationStatus, Tone> = {
  draft: 'neutral',
  published: 'success',
  modified: 'primary',
};

/**
 * An article's review state beside its publication, in the words the Content Manager's list
 * shows them (审核状态 from the same field, 状态 from Strapi's own translation): the edit view
 * says what the list says. A document never published shows its review state alone (the list's
 * second 草稿 would say nothing more).
 */
export const ArticleStateBadges = ({
  status,
  publication,
}: {
  status: ReviewStatus | null | undefined;
  publication: PublicationStatus | undefined;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Flex gap={2} wrap="wrap" data-testid="article-state">
      <ReviewStatusBadge status={status} />
      {publication && publication !== 'draft' ? (
        <ToneBadge tone={PUBLICATION_TONE[publication]}>
          {formatMessage({
            id: `content-manager.containers.List.${publication}`,
            defaultMessage: publication,
          })}
        </ToneBadge>
      ) : null}
    </Flex>
  );
};
