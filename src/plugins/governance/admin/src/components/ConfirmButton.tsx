import { Button, Dialog, type ButtonProps } from '@strapi/design-system';
import type { ReactNode } from 'react';

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
