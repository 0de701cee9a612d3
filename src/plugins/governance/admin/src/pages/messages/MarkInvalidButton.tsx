import { Box, Button, Dialog, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';
import { useState } from 'react';
import type { MessageCase } from '../../api/messages';
import { useT } from '../../hooks/useT';
import { isReason } from './ChoiceAndReason';
import { useCaseAct } from './useCaseAct';

/** 不予受理 ends the case without a reply: asked for with a reason, behind a confirmation. */
export const MarkInvalidButton = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const { run, isLoading } = useCaseAct(message.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');

  const confirm = async () => {
    if (await run({ action: 'invalid', reason: reason.trim() }, t('messages.invalid.done')))
      setOpen(false);
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button variant="danger-light">{t('messages.invalid.button')}</Button>
      </Dialog.Trigger>
      <ConfirmDialog
        title={t('messages.invalid.title')}
        endAction={
          // Not a Dialog.Action: the dialog stays open, the reason kept, when the act fails.
          <Box width="100%">
            <Button
              variant="danger"
              fullWidth
              loading={isLoading}
              disabled={!isReason(reason)}
              onClick={confirm}
            >
              {t('messages.invalid.submit')}
            </Button>
          </Box>
        }
      >
        <Flex direction="column" alignItems="stretch" gap={3} width="100%">
          <Typography textAlign="center">
            {t('messages.invalid.confirm', { subject: message.subject })}
          </Typography>
          <Field.Root name="invalidReason" required hint={t('messages.invalid.reasonHint')}>
            <Field.Label>{t('messages.invalid.reason')}</Field.Label>
            <Textarea
              value={reason}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)}
            />
            <Field.Hint />
          </Field.Root>
        </Flex>
      </ConfirmDialog>
    </Dialog.Root>
  );
};
