import { Button, Field, Flex, TextInput } from '@strapi/design-system';
import { useState } from 'react';
import type { MessageCase } from '../../api/messages';
import { useT } from '../../hooks/useT';
import { useCaseAct } from './useCaseAct';

/** 批准 / 不批准延期, with an optional comment for the handler. */
export const ExtensionDecisionForm = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const { run, isLoading } = useCaseAct(message.id);
  const [comment, setComment] = useState('');
  const decide = (approve: boolean) =>
    run(
      { action: 'extension/decision', approve, comment: comment.trim() || null },
      t(approve ? 'messages.extension.approved' : 'messages.extension.refused')
    );

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Field.Root name="extensionComment">
        <Field.Label>{t('messages.extension.comment')}</Field.Label>
        <TextInput
          value={comment}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setComment(e.target.value)}
        />
      </Field.Root>
      <Flex gap={2}>
        <Button variant="success" loading={isLoading} onClick={() => decide(true)}>
          {t('messages.extension.approve')}
        </Button>
        <Button variant="danger-light" loading={isLoading} onClick={() => decide(false)}>
          {t('messages.extension.refuse')}
        </Button>
      </Flex>
    </Flex>
  );
};
