import type { DeadlineState } from '../../api/messages';
import { ToneBadge, type Tone } from '../../components/ToneBadge';
import { useT } from '../../hooks/useT';

const TONE: Record<DeadlineState, Tone> = {
  onTrack: 'neutral',
  dueSoon: 'warning',
  overdue: 'danger',
  veto: 'severe',
  answered: 'success',
  answeredLate: 'warning',
};

export const DeadlineBadge = ({ deadline }: { deadline: DeadlineState }) => {
  const t = useT();
  return <ToneBadge tone={TONE[deadline]}>{t(`messages.deadline.${deadline}`)}</ToneBadge>;
};
