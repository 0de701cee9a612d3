import { Button, Modal } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useT } from '../hooks/useT';

/** A dialog of the design system's Modal: a title, what it asks, and its buttons beside 取消. */
export const FormModal = ({
  title,
  children,
  actions,
  cancelLabel,
  onClose,
}: {
  title: string;
  children: ReactNode;
  /** The footer's buttons on the right. */
  actions?: ReactNode;
  /** 取消 by default. */
  cancelLabel?: string;
  onClose: () => void;
}) => {
  const t = useT();
  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{cancelLabel ?? t('common.cancel')}</Button>
          </Modal.Close>
          {actions}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
