import { Button, Field, Flex, Modal, Textarea, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useFreezeRanking } from '../../api/rankings';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';

/** The server's limit on a snapshot's note. */
const MAX_NOTE = 500;

/**
 * 冻结排名: asks first, because the year's notice and snapshot exports then quote these
 * figures for good (until frozen again), whatever is published or withdrawn later.
 */
export const FreezeDialog = ({
  year,
  refreeze,
  onClose,
}: {
  year: number;
  refreeze: boolean;
  onClose: () => void;
}) => {
  const t = useT();
  const notified = useNotifiedAction();
  const freeze = useFreezeRanking();
  const [note, setNote] = useState('');

  const submit = async () => {
    const done = t('rankings.freeze.done', { year });
    if (
      await notified(
        () => freeze.mutateAsync({ year, note: note.trim() || null }),
        done,
        t('rankings.freeze.failed')
      )
    )
      onClose();
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {t(refreeze ? 'rankings.freeze.titleAgain' : 'rankings.freeze.title', { year })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography>{t('rankings.freeze.explain', { year })}</Typography>
            {refreeze ? (
              <Typography textColor="warning700">{t('rankings.freeze.replaces')}</Typography>
            ) : null}
            <Field.Root name="note" hint={t('rankings.freeze.noteHint', { max: MAX_NOTE })}>
              <Field.Label>{t('rankings.freeze.note')}</Field.Label>
              <Textarea
                value={note}
                maxLength={MAX_NOTE}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                  setNote(event.target.value)
                }
              />
              <Field.Hint />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('common.cancel')}</Button>
          </Modal.Close>
          <Button onClick={submit} loading={freeze.isLoading}>
            {t('rankings.freeze.submit')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
