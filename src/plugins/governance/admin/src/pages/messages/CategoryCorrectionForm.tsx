import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useState } from 'react';
import { CATEGORIES, type Category, type MessageCase } from '../../api/messages';
import { useT } from '../../hooks/useT';
import { ChoiceAndReason } from './ChoiceAndReason';
import { useCaseAct } from './useCaseAct';

/**
 * 更正类别: what the citizen wrote is never edited; a wrong category is corrected here, with the
 * reason, and the timeline keeps both.
 */
export const CategoryCorrectionForm = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const { run, isLoading } = useCaseAct(message.id);
  const [category, setCategory] = useState<Category | ''>('');
  const [reason, setReason] = useState('');

  const submit = async () => {
    if (
      category &&
      (await run(
        { action: 'category', category, reason: reason.trim() },
        t('messages.correct.done')
      ))
    ) {
      setCategory('');
      setReason('');
    }
  };

  return (
    <ChoiceAndReason
      choiceColumns={4}
      choice={
        <Field.Root name="correctCategory" required>
          <Field.Label>{t('messages.correct.category')}</Field.Label>
          <SingleSelect
            value={category}
            placeholder={t('messages.correct.categoryPlaceholder')}
            onChange={(value: string | number) => setCategory(value as Category)}
          >
            {CATEGORIES.filter((option) => option !== message.category).map((option) => (
              <SingleSelectOption key={option} value={option}>
                {t(`messages.category.${option}`)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      }
      reason={{
        name: 'correctReason',
        label: t('messages.correct.reason'),
        hint: t('messages.correct.hint'),
        value: reason,
        onChange: setReason,
      }}
      ready={Boolean(category)}
      submit={{ label: t('messages.correct.submit'), isLoading, onClick: submit }}
    />
  );
};
