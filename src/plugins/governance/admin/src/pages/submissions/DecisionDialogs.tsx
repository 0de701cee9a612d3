import { Flex, Typography } from '@strapi/design-system';
import { CheckCircle } from '@strapi/icons';
import type { Submission } from '../../api/submissions';
import { ConfirmModal } from '../../components/ConfirmButton';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useT } from '../../hooks/useT';

/** The server's limits on a decline's reason. */
const REASON = { min: 5, max: 500 };

/** 采用 makes a draft of the receiving site at once: ask first, and say what follows. */
export const AdoptDialog = ({
  submission,
  onConfirm,
  onClose,
}: {
  submission: Submission;
  onConfirm: () => void;
  onClose: () => void;
}) => {
  const t = useT();
  return (
    <ConfirmModal
      title={t('submissions.adopt.title')}
      icon={<CheckCircle fill="success600" />}
      confirm={{ variant: 'success', onClick: onConfirm, children: t('submissions.adopt.submit') }}
      onClose={onClose}
    >
      <Flex direction="column" gap={2}>
        <Typography textAlign="center">
          {t('submissions.adopt.confirm', {
            title: submission.title,
            site: submission.sourceSite?.name ?? '—',
          })}
        </Typography>
        <Typography textAlign="center" variant="pi" textColor="neutral600">
          {t('submissions.adopt.then')}
        </Typography>
      </Flex>
    </ConfirmModal>
  );
};

/** 退回 with the reason the submitter reads (5 to 500 characters, as the server checks). */
export const DeclineDialog = ({
  submission,
  onConfirm,
  onClose,
}: {
  submission: Submission;
  onConfirm: (reason: string) => Promise<boolean>;
  onClose: () => void;
}) => {
  const t = useT();
  return (
    <ReasonDialog
      title={t('submissions.decline.title', { title: submission.title })}
      label={t('submissions.decline.reason')}
      hint={t('submissions.decline.hint')}
      limits={REASON}
      submitLabel={t('submissions.decline.submit')}
      variant="danger"
      onSend={onConfirm}
      onClose={onClose}
    />
  );
};
