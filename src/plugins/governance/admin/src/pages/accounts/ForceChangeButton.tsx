import { Button, Dialog, IconButton } from '@strapi/design-system';
import { Key, WarningCircle } from '@strapi/icons';
import { useAccountAction, type Account } from '../../api/accounts';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';

/**
 * 强制修改密码, unless a change is already required. Forcing a change stops the holder's work
 * until they make it: ask first.
 */
export const ForceChangeButton = ({ account }: { account: Account }) => {
  const t = useT();
  const notified = useNotifiedAction();
  const act = useAccountAction();
  if (account.mustChange) return null;
  const force = () =>
    notified(
      () => act.mutateAsync({ id: account.id, action: 'force-change' }),
      t('accounts.forceChange.done', { name: account.name })
    );

  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <IconButton label={t('accounts.forceChange.label', { name: account.name })}>
          <Key />
        </IconButton>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{t('accounts.forceChange')}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          {t('accounts.forceChange.confirm', { name: account.name, email: account.email })}
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{t('common.cancel')}</Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button variant="danger-light" onClick={force}>
              {t('accounts.forceChange.submit')}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
