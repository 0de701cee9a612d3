import { Badge } from '@strapi/design-system';
import type { SubmissionStatus } from '../api/submissions';
import { useT } from '../hooks/useT';

const COLORS: Record<SubmissionStatus, { text: string; background: string }> = {
  submitted: { text: 'primary600', background: 'primary100' },
  adopted: { text: 'success600', background: 'success100' },
  declined: { text: 'danger600', background: 'danger100' },
  withdrawn: { text: 'neutral700', background: 'neutral150' },
};

/** 待采用 / 已采用 / 已退回 / 已撤回, in the side panel and both lists. */
export const SubmissionStatusBadge = ({ status }: { status: SubmissionStatus }) => {
  const t = useT();
  const color = COLORS[status] ?? COLORS.withdrawn;
  return (
    <Badge textColor={color.text} backgroundColor={color.background}>
      {t(`submissions.status.${status}`)}
    </Badge>
  );
};
