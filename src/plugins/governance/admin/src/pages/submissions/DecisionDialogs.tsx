import { Button, Dialog, Field, Flex, Modal, Textarea, Typography } from '@strapi/design-system';
import { CheckCircle } from '@strapi/icons';
import { useState } from 'react';
import type { Submission } from '../../api/submissions';
import { useT } from '../../hooks/useT';

const REASON_MIN = 5;
const REASON_MAX = 500;

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
    <Dialog.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Dialog.Content>
        <Dialog.Header>{t('submissions.adopt.title')}</Dialog.Header>
        <Dialog.Body icon={<CheckCircle fill="success600" />}>
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
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{t('common.cancel')}</Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button variant="success" onClick={onConfirm}>
              {t('submissions.adopt.submit')}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
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
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const submit = async () => {
    setSending(true);
    const done = await onConfirm(reason.trim());
    setSending(false);
    if (done) onClose();
  };
  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('submissions.decline.title', { title: submission.title })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Field.Root name="reason" required hint={t('submissions.decline.hint')}>
            <Field.Label>{t('submissions.decline.reason')}</Field.Label>
            <Textarea
              value={reason}
              maxLength={REASON_MAX}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)}
            />
            <Field.Hint />
          </Field.Root>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('common.cancel')}</Button>
          </Modal.Close>
          <Button
            variant="danger"
            disabled={reason.trim().length < REASON_MIN}
            loading={sending}
            onClick={submit}
          >
            {t('submissions.decline.submit')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
