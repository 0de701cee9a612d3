import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useState } from 'react';
import { useTransferTargets, type MessageCase, type TransferTarget } from '../../api/messages';
import { useT, type Translate } from '../../hooks/useT';
import { ChoiceAndReason } from './ChoiceAndReason';
import { useCaseAct } from './useCaseAct';

/** A county is told apart by its city, every other site by its level. */
const siteLabel = (site: TransferTarget, t: Translate) =>
  t('messages.transfer.option', {
    name: site.name,
    context: site.level === 'county' && site.city ? site.city : t(`level.${site.level}`),
  });

/** 转办: to any other active site, found by typing part of its name. */
export const TransferForm = ({
  message,
  onTransferred,
}: {
  message: MessageCase;
  onTransferred: () => void;
}) => {
  const t = useT();
  const { run, isLoading } = useCaseAct(message.id);
  const targets = useTransferTargets();
  const [site, setSite] = useState('');
  const [reason, setReason] = useState('');
  const options = (targets.data ?? []).filter((target) => target.code !== message.site?.code);

  const submit = async () => {
    if (await run({ action: 'transfer', site, reason: reason.trim() }, t('messages.transferred')))
      onTransferred();
  };

  return (
    <ChoiceAndReason
      choiceColumns={5}
      choice={
        <Field.Root name="transferSite" required>
          <Field.Label>{t('messages.transfer.site')}</Field.Label>
          <Combobox
            value={site}
            onChange={(value?: string) => setSite(value ?? '')}
            onClear={() => setSite('')}
            clearLabel={t('sites.searchClear')}
            loading={targets.isLoading}
            autocomplete={{ type: 'list', filter: 'contains' }}
            placeholder={t('messages.transfer.sitePlaceholder')}
            noOptionsMessage={(value: string) => t('messages.transfer.noSite', { value })}
          >
            {options.map((target) => (
              <ComboboxOption key={target.code} value={target.code}>
                {siteLabel(target, t)}
              </ComboboxOption>
            ))}
          </Combobox>
        </Field.Root>
      }
      reason={{
        name: 'transferReason',
        label: t('messages.transfer.reason'),
        value: reason,
        onChange: setReason,
      }}
      ready={Boolean(site)}
      submit={{ label: t('messages.transfer.submit'), isLoading, onClick: submit }}
    />
  );
};
