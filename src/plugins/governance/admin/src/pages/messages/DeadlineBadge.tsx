import type { Deadline } from '../../api/messages';
import { ToneBadge, type Tone } from '../../components/ToneBadge';
import { useT } from '../../hooks/useT';

const TONE: Record<Deadline, Tone> = {
  onTrack: 'neutral',
  dueSoon: 'warning',
  overdue: 'danger',
  veto: 'severe',
  answered: 'success',
  answeredLate: 'warning',
};

export const DeadlineBadge = ({ deadline }: { deadline: Deadline }) => {
  const t = useT();
  return <ToneBadge tone={TONE[deadline]}>{t(`messages.deadline.${deadline}`)}</ToneBadge>;
};
