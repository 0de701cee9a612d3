import type { SubmissionStatus } from '../api/submissions';
import { useT } from '../hooks/useT';
import { ToneBadge, type Tone } from './ToneBadge';

const TONE: Record<SubmissionStatus, Tone> = {
  submitted: 'primary',
  adopted: 'success',
  declined: 'danger',
  withdrawn: 'neutral',
};

/** 待采用 / 已采用 / 已退回 / 已撤回, in the side panel and both lists. */
export const SubmissionStatusBadge = ({ status }: { status: SubmissionStatus }) => {
  const t = useT();
  return (
    <ToneBadge tone={TONE[status] ?? 'neutral'}>{t(`submissions.status.${status}`)}</ToneBadge>
  );
};
