import { Button, Field, Flex, Textarea, type ButtonProps } from '@strapi/design-system';
import { useState, type ReactNode } from 'react';
import { FormModal } from './FormModal';

/**
 * A dialog asking for one text before an action (a reason, a comment, a note): what it is
 * about above the field, the button waiting until the trimmed text fits the server's limits.
 * Closes once `onSend` answers true; stays open when the request fails (`onSend` tells why).
 */
export const ReasonDialog = ({
  title,
  children,
  label,
  hint,
  limits,
  submitLabel,
  variant = 'default',
  ready = true,
  onSend,
  onClose,
}: {
  title: string;
  /** What the text is about, above the field. */
  children?: ReactNode;
  label: string;
  /** Under the field; a function of the text's length shows a counter. */
  hint?: string | ((length: number) => string);
  /** The server's limits on the trimmed text; a minimum of 0 makes it optional. */
  limits: { min: number; max: number };
  submitLabel: string;
  variant?: ButtonProps['variant'];
  /** Whether what the children ask for (a checklist) is done. */
  ready?: boolean;
  /** Sends the trimmed text; true when done. */
  onSend: (text: string) => Promise<boolean>;
  onClose: () => void;
}) => {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const length = text.trim().length;
  const send = async () => {
    setSending(true);
    const done = await onSend(text.trim());
    setSending(false);
    if (done) onClose();
  };
  return (
    <FormModal
      title={title}
      onClose={onClose}
      actions={
        <Button
          variant={variant}
          disabled={!ready || length < limits.min || length > limits.max}
          loading={sending}
          onClick={send}
        >
          {submitLabel}
        </Button>
      }
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        {children}
        <Field.Root
          name="text"
          required={limits.min > 0}
          hint={typeof hint === 'function' ? hint(length) : hint}
        >
          <Field.Label>{label}</Field.Label>
          <Textarea
            value={text}
            maxLength={limits.max}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
              setText(event.target.value)
            }
          />
          {hint ? <Field.Hint /> : null}
        </Field.Root>
      </Flex>
    </FormModal>
  );
};
