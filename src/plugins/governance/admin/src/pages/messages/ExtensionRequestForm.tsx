import { Field, NumberInput } from '@strapi/design-system';
import { useState } from 'react';
import type { MessageCase } from '../../api/messages';
import { useT } from '../../hooks/useT';
import { ChoiceAndReason } from './ChoiceAndReason';
import { useCaseAct } from './useCaseAct';

const MAX_EXTENSION_DAYS = 15;

/** 申请延期: a number of working days and why; a provincial admin decides. */
export const ExtensionRequestForm = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const { run, isLoading } = useCaseAct(message.id);
  const [workingDays, setWorkingDays] = useState<number | undefined>(undefined);
  const [reason, setReason] = useState('');
  const validDays =
    workingDays !== undefined &&
    Number.isInteger(workingDays) &&
    workingDays >= 1 &&
    workingDays <= MAX_EXTENSION_DAYS;

  const submit = async () => {
    if (
      validDays &&
      (await run(
        { action: 'extension', workingDays, reason: reason.trim() },
        t('messages.extension.requested')
      ))
    ) {
      setWorkingDays(undefined);
      setReason('');
    }
  };

  return (
    <ChoiceAndReason
      choiceColumns={4}
      choice={
        <Field.Root
          name="extensionDays"
          required
          hint={t('messages.extension.daysHint', { max: MAX_EXTENSION_DAYS })}
        >
          <Field.Label>{t('messages.extension.days')}</Field.Label>
          <NumberInput value={workingDays} onValueChange={setWorkingDays} step={1} />
          <Field.Hint />
        </Field.Root>
      }
      reason={{
        name: 'extensionReason',
        label: t('messages.extension.reason'),
        value: reason,
        onChange: setReason,
      }}
      ready={validDays}
      submit={{ label: t('messages.extension.submit'), isLoading, onClick: submit }}
    />
  );
};
