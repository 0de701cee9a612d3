import { Button, Field, Flex, Typography } from '@strapi/design-system';
import type { MessageCase } from '../../api/messages';
import { useT } from '../../hooks/useT';
import { useCaseAct } from './useCaseAct';

/**
 * 公开: whether the answer appears among the site's public replies, the citizen's name masked
 * and no contact shown. Recorded in the timeline and the audit trail.
 */
export const PublicChoice = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const { run, isLoading } = useCaseAct(message.id);
  const set = (isPublic: boolean) =>
    run(
      { action: 'public', isPublic },
      t(isPublic ? 'messages.public.made' : 'messages.public.withdrawn')
    );
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="public-choice">
      <Field.Root name="isPublic" hint={t('messages.public.hint')}>
        <Field.Label>{t('messages.public.label')}</Field.Label>
        <Flex gap={2}>
          {/* The current choice stands out; choosing it again changes nothing. */}
          <Button
            variant={message.isPublic ? 'default' : 'tertiary'}
            aria-pressed={message.isPublic}
            disabled={isLoading}
            onClick={() => !message.isPublic && set(true)}
          >
            {t('messages.public.yes')}
          </Button>
          <Button
            variant={message.isPublic ? 'tertiary' : 'default'}
            aria-pressed={!message.isPublic}
            disabled={isLoading}
            onClick={() => message.isPublic && set(false)}
          >
            {t('messages.public.no')}
          </Button>
        </Flex>
        <Field.Hint />
      </Field.Root>
      <Typography variant="pi" textColor="neutral600">
        {t(message.isPublic ? 'messages.public.isPublic' : 'messages.public.isPrivate')}
      </Typography>
    </Flex>
  );
};
