import { Button, Dialog, type ButtonProps } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';
import type { ComponentProps, ReactNode } from 'react';

/**
 * The confirming button of Strapi's `ConfirmDialog` (its `endAction`), named for what it does
 * rather than Strapi's 确认. Closes the dialog as it runs `onClick`.
 */
export const ConfirmButton = ({
  variant = 'danger-light',
  onClick,
  children,
}: {
  variant?: ButtonProps['variant'];
  onClick: () => void;
  children: ReactNode;
}) => (
  <Dialog.Action>
    <Button fullWidth variant={variant} onClick={onClick}>
      {children}
    </Button>
  </Dialog.Action>
);

/**
 * Strapi's `ConfirmDialog`, open, asking before an act it cannot undo: what will happen, and a
 * button named for the act beside 取消.
 */
export const ConfirmModal = ({
  title,
  icon,
  confirm,
  onClose,
  children,
}: {
  title: string;
  icon?: ComponentProps<typeof ConfirmDialog>['icon'];
  confirm: ComponentProps<typeof ConfirmButton>;
  onClose: () => void;
  children: ReactNode;
}) => (
  <Dialog.Root open onOpenChange={(open: boolean) => !open && onClose()}>
    <ConfirmDialog title={title} icon={icon} endAction={<ConfirmButton {...confirm} />}>
      {children}
    </ConfirmDialog>
  </Dialog.Root>
);
