import { Flex, Typography } from '@strapi/design-system';
import { styled } from 'styled-components';
import type { Rectification, RectificationStatus } from '../../../api/oversightNotices';
import { ToneBadge, type Tone } from '../../../components/ToneBadge';
import { useT } from '../../../hooks/useT';
import { WhenWho } from '../../submissions/SubmissionCells';
import { useOversightFormat } from '../format';

const Sentences = styled.ul`
  margin: 0;
  padding-left: 1.25em;
  list-style: disc;
`;

/** Sentences from the data, one a line: what a site was named or praised for. */
export const SentenceList = ({ sentences }: { sentences: string[] }) => (
  <Sentences>
    {sentences.map((sentence, i) => (
      <li key={i}>
        <Typography variant="omega">{sentence}</Typography>
      </li>
    ))}
  </Sentences>
);

const TONE: Record<RectificationStatus, Tone> = {
  open: 'warning',
  submitted: 'primary',
  closed: 'success',
};

/** 待整改 / 待验收 / 已办结. */
export const RectificationStatusBadge = ({ status }: { status: RectificationStatus }) => {
  const t = useT();
  return (
    <ToneBadge tone={TONE[status] ?? 'warning'}>
      {t(`oversight.rectification.status.${status}`)}
    </ToneBadge>
  );
};

/** The deadline, marked 逾期 once it has passed with the task not closed. */
export const DeadlineCell = ({ task }: { task: Rectification }) => {
  const t = useT();
  const formatDay = useOversightFormat().localDate;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography textColor={task.overdue ? 'danger600' : undefined}>
        {formatDay(task.deadline)}
      </Typography>
      {task.overdue ? (
        <ToneBadge tone="danger" data-testid={`rectification-overdue-${task.id}`}>
          {t('oversight.rectification.overdue')}
        </ToneBadge>
      ) : null}
    </Flex>
  );
};

/** Four lines of the evidence in the table; the review dialogs show all of it. */
const Clamped = styled(Typography)`
  display: -webkit-box;
  -webkit-line-clamp: 4;
  -webkit-box-orient: vertical;
  overflow: hidden;
  white-space: pre-wrap;
`;

export const EvidenceCell = ({ task }: { task: Rectification }) =>
  task.evidence ? (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Clamped title={task.evidence}>{task.evidence}</Clamped>
      <WhenWho at={task.submittedAt} by={task.submittedBy} />
    </Flex>
  ) : (
    <Typography textColor="neutral500">—</Typography>
  );

/**
 * The province's word: on a closed task who accepted it and any comment; on a task still open
 * (or reported again) the reason it was returned.
 */
export const ReviewCell = ({ task }: { task: Rectification }) => {
  const t = useT();
  if (task.status === 'closed')
    return (
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <WhenWho
          at={task.closedAt}
          by={
            task.closedBy ? t('oversight.rectification.acceptedBy', { name: task.closedBy }) : null
          }
        />
        {task.reviewComment ? <Typography>{task.reviewComment}</Typography> : null}
      </Flex>
    );
  if (!task.reviewComment) return <Typography textColor="neutral500">—</Typography>;
  return (
    <Typography textColor="danger600">
      {t(
        task.status === 'open'
          ? 'oversight.rectification.returnedFor'
          : 'oversight.rectification.returnedBefore',
        {
          comment: task.reviewComment,
        }
      )}
    </Typography>
  );
};
