import { Badge } from '@strapi/design-system';
import type { DeadlineState } from '../../api/messages';
import { useT } from '../../hooks/useT';

const DEADLINE_COLORS: Record<DeadlineState, { text: string; background: string }> = {
  onTrack: { text: 'neutral700', background: 'neutral150' },
  dueSoon: { text: 'warning600', background: 'warning100' },
  overdue: { text: 'danger600', background: 'danger100' },
  veto: { text: 'danger700', background: 'danger200' },
  answered: { text: 'success600', background: 'success100' },
  answeredLate: { text: 'warning600', background: 'warning100' },
};

export const DeadlineBadge = ({ deadline }: { deadline: DeadlineState }) => {
  const t = useT();
  return (
    <Badge
      textColor={DEADLINE_COLORS[deadline].text}
      backgroundColor={DEADLINE_COLORS[deadline].background}
    >
      {t(`messages.deadline.${deadline}`)}
    </Badge>
  );
};
