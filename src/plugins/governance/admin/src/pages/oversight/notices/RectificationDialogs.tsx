import { Box, Flex, Typography } from '@strapi/design-system';
import type { ComponentProps } from 'react';
import { styled } from 'styled-components';
import {
  useReviewRectification,
  useSubmitEvidence,
  type Rectification,
} from '../../../api/oversightNotices';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { useNotifiedAction } from '../../../hooks/useNotifiedAction';
import { useT } from '../../../hooks/useT';
import { SentenceList } from './RectificationCells';
import { useOversightFormat } from '../format';

/** The server's limits. */
const EVIDENCE = { min: 10, max: 2000 };
const ACCEPT_COMMENT = { min: 0, max: 500 };
const RETURN_COMMENT = { min: 5, max: 500 };

/** The site's report as written, its lines kept. */
const Evidence = styled(Typography)`
  white-space: pre-wrap;
`;

/** What the task is about, above what is written on it. */
const TaskSummary = ({ task, withEvidence }: { task: Rectification; withEvidence: boolean }) => {
  const t = useT();
  const formatDay = useOversightFormat().localDate;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="omega" textColor="neutral600">
        {t('oversight.rectification.dialog.context', {
          notice: task.notice.title,
          deadline: formatDay(task.deadline),
        })}
      </Typography>
      <Box>
        <Typography variant="sigma" textColor="neutral600">
          {t('oversight.rectification.column.problems')}
        </Typography>
        <SentenceList sentences={task.problems} />
      </Box>
      {/* A task returned before: what the province wants changed this time. */}
      {task.status === 'open' && task.reviewComment ? (
        <Typography textColor="danger600">
          {t('oversight.rectification.returnedFor', { comment: task.reviewComment })}
        </Typography>
      ) : null}
      {withEvidence ? (
        <Box background="neutral100" padding={3} hasRadius>
          <Typography variant="sigma" textColor="neutral600" tag="p">
            {t('oversight.rectification.dialog.evidence', { by: task.submittedBy ?? '—' })}
          </Typography>
          <Evidence tag="p">{task.evidence}</Evidence>
        </Box>
      ) : null}
    </Flex>
  );
};

/** A dialog around one text of a task, what the task is about above it, with a counter. */
const TextDialog = ({
  task,
  withEvidence,
  limits,
  ...dialog
}: {
  task: Rectification;
  withEvidence: boolean;
  limits: { min: number; max: number };
} & Pick<
  ComponentProps<typeof ReasonDialog>,
  'title' | 'label' | 'submitLabel' | 'variant' | 'onSend' | 'onClose'
>) => {
  const t = useT();
  const counter = (count: number) =>
    limits.min > 0
      ? t('oversight.rectification.dialog.counter', { count, min: limits.min, max: limits.max })
      : t('oversight.rectification.dialog.counterOptional', { count, max: limits.max });
  return (
    <ReasonDialog {...dialog} limits={limits} hint={counter}>
      <TaskSummary task={task} withEvidence={withEvidence} />
    </ReasonDialog>
  );
};

/** 提交整改情况: what the site fixed, for the province to accept. */
export const EvidenceDialog = ({ task, onClose }: { task: Rectification; onClose: () => void }) => {
  const t = useT();
  const notified = useNotifiedAction();
  const submit = useSubmitEvidence();
  return (
    <TextDialog
      task={task}
      title={t('oversight.rectification.evidence.title', { site: task.site.name })}
      label={t('oversight.rectification.evidence.label')}
      limits={EVIDENCE}
      submitLabel={t('oversight.rectification.evidence.submit')}
      variant="default"
      withEvidence={false}
      onSend={(evidence) =>
        notified(
          () => submit.mutateAsync({ id: task.id, evidence }),
          t('oversight.rectification.evidence.done')
        )
      }
      onClose={onClose}
    />
  );
};

/** 验收通过 (a comment if wanted) or 退回 (with the reason the site reads). */
export const ReviewDialog = ({
  task,
  accept,
  onClose,
}: {
  task: Rectification;
  accept: boolean;
  onClose: () => void;
}) => {
  const t = useT();
  const notified = useNotifiedAction();
  const review = useReviewRectification();
  const kind = accept ? 'accept' : 'return';
  return (
    <TextDialog
      task={task}
      title={t(`oversight.rectification.${kind}.title`, { site: task.site.name })}
      label={t(`oversight.rectification.${kind}.label`)}
      limits={accept ? ACCEPT_COMMENT : RETURN_COMMENT}
      submitLabel={t(`oversight.rectification.${kind}.submit`)}
      variant={accept ? 'success' : 'danger'}
      withEvidence
      onSend={(comment) =>
        notified(
          () => review.mutateAsync({ id: task.id, accept, comment }),
          t(`oversight.rectification.${kind}.done`, { site: task.site.name })
        )
      }
      onClose={onClose}
    />
  );
};
