import { Button, Field, Flex, TextInput } from '@strapi/design-system';
import { useState } from 'react';
import { useSetHolder, type Account } from '../../api/accounts';
import { FormModal } from '../../components/FormModal';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';

/** The server's limit on a holder's name. */
const MAX_LENGTH = 50;

/** Names the person responsible for an account (责任人), or clears the name. */
export const HolderDialog = ({ account, onClose }: { account: Account; onClose: () => void }) => {
  const t = useT();
  const notified = useNotifiedAction();
  const setHolder = useSetHolder();
  const [name, setName] = useState(account.holderName ?? '');
  const trimmed = name.trim();

  const save = async (holderName: string | null) => {
    const done = t(holderName ? 'accounts.holder.saved' : 'accounts.holder.cleared', {
      name: account.name,
    });
    if (await notified(() => setHolder.mutateAsync({ id: account.id, holderName }), done))
      onClose();
  };

  return (
    <FormModal
      title={t('accounts.holder.title', { name: account.name })}
      onClose={onClose}
      actions={
        <Flex gap={2}>
          {account.holderName ? (
            <Button variant="danger-light" onClick={() => save(null)} loading={setHolder.isLoading}>
              {t('accounts.holder.clear')}
            </Button>
          ) : null}
          <Button
            onClick={() => save(trimmed)}
            disabled={!trimmed || trimmed === account.holderName}
            loading={setHolder.isLoading}
          >
            {t('accounts.holder.save')}
          </Button>
        </Flex>
      }
    >
      <Field.Root name="holderName" hint={t('accounts.holder.hint', { max: MAX_LENGTH })} required>
        <Field.Label>{t('accounts.holder.label')}</Field.Label>
        <TextInput
          value={name}
          maxLength={MAX_LENGTH}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setName(event.target.value)}
        />
        <Field.Hint />
      </Field.Root>
    </FormModal>
  );
};
