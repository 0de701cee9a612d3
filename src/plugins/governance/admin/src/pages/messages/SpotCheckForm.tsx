import { Button, Field, Flex, Textarea } from '@strapi/design-system';
import { useState } from 'react';
import type { MessageCase, Verdict } from '../../api/messages';
import { useT } from '../../hooks/useT';
import { isReason } from './ChoiceAndReason';
import { useCaseAct } from './useCaseAct';

/** 抽查: a provincial admin's verdict on a reply; 不合格 needs a comment saying what is wrong. */
export const SpotCheckForm = ({
  message,
  onChecked,
}: {
  message: MessageCase;
  onChecked?: (verdict: Verdict) => void;
}) => {
  const t = useT();
  const { run, isLoading } = useCaseAct(message.id);
  const [comment, setComment] = useState('');

  const check = async (verdict: Verdict) => {
    // The comment is required for 不合格 only; an empty one is left out.
    if (
      await run(
        { action: 'spot-check', verdict, comment: comment.trim() || undefined },
        t('messages.spotCheck.done')
      )
    )
      onChecked?.(verdict);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Field.Root name="spotCheckComment" hint={t('messages.spotCheck.commentHint')}>
        <Field.Label>{t('messages.spotCheck.comment')}</Field.Label>
        <Textarea
          value={comment}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)}
        />
        <Field.Hint />
      </Field.Root>
      <Flex gap={2}>
        <Button variant="success" loading={isLoading} onClick={() => check('standard')}>
          {t('messages.verdict.standard')}
        </Button>
        <Button
          variant="danger"
          loading={isLoading}
          disabled={!isReason(comment)}
          onClick={() => check('substandard')}
        >
          {t('messages.verdict.substandard')}
        </Button>
      </Flex>
    </Flex>
  );
};
