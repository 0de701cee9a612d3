import { Alert, Box, Button, Field, Flex, TextInput, Textarea } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { replyFlags, useMessageAction, type MessageCase, type ReplyFlag } from '../../api/messages';
import { apiErrorMessage } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';

/**
 * 答复, or 修改答复 once replied. The server checks the reply's quality and holds back a flagged
 * one until the handler confirms it; the wording stays in the form meanwhile.
 */
export const ReplyForm = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const { mutateAsync, isLoading } = useMessageAction(message.id);
  const editing = message.status === 'replied';
  const [text, setText] = useState('');
  // The unit that answered before (an edit, or a reopened case) most likely answers again;
  // a first reply starts from the site's name.
  const [unit, setUnit] = useState(message.replyingUnit ?? message.suggestedUnit ?? '');
  const [flags, setFlags] = useState<ReplyFlag[] | null>(null);

  const send = async (acknowledgeFlags: boolean) => {
    try {
      await mutateAsync({
        action: 'reply',
        text,
        unit: unit.trim() || undefined,
        acknowledgeFlags,
      });
    } catch (error) {
      const flagged = replyFlags(error);
      if (flagged) setFlags(flagged);
      else
        toggleNotification({
          type: 'danger',
          message: apiErrorMessage(error) ?? t('review.failed'),
        });
      return;
    }
    toggleNotification({ type: 'success', message: t('messages.replied') });
    setText('');
    setFlags(null);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Field.Root name="reply" hint={t('messages.reply.hint')}>
        <Field.Label>{t(editing ? 'messages.reply.edit' : 'messages.reply.label')}</Field.Label>
        <Textarea
          value={text}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => {
            setText(e.target.value);
            setFlags(null); // the flags were about the earlier wording
          }}
        />
        <Field.Hint />
      </Field.Root>
      <Box maxWidth="32rem">
        <Field.Root name="unit" hint={t('messages.reply.unitHint')}>
          <Field.Label>{t('messages.reply.unit')}</Field.Label>
          <TextInput
            value={unit}
            maxLength={100}
            placeholder={t('messages.reply.unitPlaceholder')}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
              setUnit(e.target.value);
              setFlags(null);
            }}
          />
          <Field.Hint />
        </Field.Root>
      </Box>
      {flags ? (
        <Alert
          variant="warning"
          title={t('messages.reply.flagged')}
          closeLabel={t('messages.reply.revise')}
          onClose={() => setFlags(null)}
          action={
            <Flex gap={2}>
              <Button variant="secondary" loading={isLoading} onClick={() => send(true)}>
                {t('messages.reply.sendAnyway')}
              </Button>
              <Button variant="tertiary" onClick={() => setFlags(null)}>
                {t('messages.reply.revise')}
              </Button>
            </Flex>
          }
          data-testid="reply-flags"
        >
          {flags.map((flag) => t(`messages.flag.${flag}`)).join('；')}
        </Alert>
      ) : (
        <Box>
          <Button
            variant="success"
            loading={isLoading}
            disabled={text.trim().length < 10}
            onClick={() => send(false)}
          >
            {t('messages.reply.submit')}
          </Button>
        </Box>
      )}
    </Flex>
  );
};
