import { Dialog, IconButton } from '@strapi/design-system';
import { Key } from '@strapi/icons';
import { ConfirmDialog } from '@strapi/strapi/admin';
import { useAccountAction, type Account } from '../../api/accounts';
import { ConfirmButton } from '../../components/ConfirmButton';
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
      <ConfirmDialog
        title={t('accounts.forceChange')}
        endAction={
          <ConfirmButton onClick={force}>{t('accounts.forceChange.submit')}</ConfirmButton>
        }
      >
        {t('accounts.forceChange.confirm', { name: account.name, email: account.email })}
      </ConfirmDialog>
    </Dialog.Root>
  );
};
