import { GridNine } from '@strapi/icons';
import { useRBAC } from '@strapi/strapi/admin';
import { styled } from 'styled-components';
import { useReviewCount } from '../api/review';
import { PERMISSIONS } from '../permissions';

const Bubble = styled.span`
  position: absolute;
  top: -6px;
  right: -10px;
  min-width: 16px;
  height: 16px;
  padding: 0 4px;
  border-radius: 8px;
  background: ${({ theme }) => theme.colors.danger600};
  color: ${({ theme }) => theme.colors.neutral0};
  font-size: 10px;
  font-weight: 600;
  line-height: 16px;
  text-align: center;
`;

const Count = () => {
  const { data } = useReviewCount();
  const count = (data?.toReview ?? 0) + (data?.toRevise ?? 0);
  if (count === 0) return null;
  return <Bubble data-testid="review-menu-count">{count > 99 ? '99+' : count}</Bubble>;
};

/** The menu icon, with the number of articles waiting for the user when there are any. */
export const PluginIcon = () => {
  const review = useRBAC(PERMISSIONS.reviewRead);
  return (
    <span style={{ position: 'relative', display: 'inline-flex' }}>
      <GridNine />
      {review.allowedActions.canRead ? <Count /> : null}
    </span>
  );
};
