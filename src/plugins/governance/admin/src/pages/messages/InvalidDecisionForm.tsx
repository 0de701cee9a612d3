import { Button, Field, Flex, TextInput } from '@strapi/design-system';
import { useState } from 'react';
import type { MessageCase } from '../../api/messages';
import { useT } from '../../hooks/useT';
import { useCaseAct } from './useCaseAct';

/**
 * 确认 / 撤销不予受理: the province's decision on a site's refusal. Overturning says why; the
 * message goes back to the site with its original deadline.
 */
export const InvalidDecisionForm = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const { run, isLoading } = useCaseAct(message.id);
  const [comment, setComment] = useState('');
  const decide = (confirm: boolean) =>
    run(
      { action: 'invalid/decision', confirm, comment: comment.trim() || null },
      t(confirm ? 'messages.invalidDecision.confirmed' : 'messages.invalidDecision.overturned')
    );

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="invalid-decision">
      <Field.Root name="invalidComment" hint={t('messages.invalidDecision.commentHint')}>
        <Field.Label>{t('messages.invalidDecision.comment')}</Field.Label>
        <TextInput
          value={comment}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setComment(e.target.value)}
        />
        <Field.Hint />
      </Field.Root>
      <Flex gap={2}>
        <Button variant="success" loading={isLoading} onClick={() => decide(true)}>
          {t('messages.invalidDecision.confirm')}
        </Button>
        <Button variant="danger-light" loading={isLoading} onClick={() => decide(false)}>
          {t('messages.invalidDecision.overturn')}
        </Button>
      </Flex>
    </Flex>
  );
};
