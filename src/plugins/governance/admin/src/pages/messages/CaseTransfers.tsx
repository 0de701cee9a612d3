import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useMessageAction, type MessageCase } from '../../api/messages';
import { ToneBadge } from '../../components/ToneBadge';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useLocalTime } from '../../hooks/useLocalTime';
import { useT } from '../../hooks/useT';
import { isReason } from './ChoiceAndReason';

const useWhen = () => {
  const { formatDate } = useLocalTime();
  return (iso: string | null) =>
    iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
};

/** A reason and its button, waiting until the reason is long enough for the server. */
const ReasonAct = ({
  name,
  label,
  submit,
  variant = 'secondary',
  onSend,
}: {
  name: string;
  label: string;
  submit: string;
  variant?: 'secondary' | 'danger-light';
  onSend: (reason: string) => Promise<boolean>;
}) => {
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  return (
    <Flex gap={2} alignItems="flex-end">
      <Box flex="1">
        <Field.Root name={name} required>
          <Field.Label>{label}</Field.Label>
          <TextInput
            value={reason}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setReason(e.target.value)}
          />
        </Field.Root>
      </Box>
      <Button
        variant={variant}
        loading={sending}
        disabled={!isReason(reason)}
        onClick={async () => {
          setSending(true);
          if (await onSend(reason.trim())) setReason('');
          setSending(false);
        }}
      >
        {submit}
      </Button>
    </Flex>
  );
};

/**
 * 待接收: a transfer waiting for the receiving site. The sender keeps the case (and its clock)
 * meanwhile; the receiving site's handler (or the province) accepts it or refuses it with a reason.
 */
export const PendingTransferPanel = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const when = useWhen();
  const notified = useNotifiedAction();
  const act = useMessageAction(message.id);
  const pending = message.pendingTransfer;
  if (!pending) return null;
  return (
    <Box
      background="warning100"
      borderColor="warning200"
      padding={3}
      hasRadius
      data-testid="pending-transfer"
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="omega" fontWeight="bold" tag="p">
          {t('messages.pendingTransfer.title', {
            from: pending.from?.name ?? '—',
            to: pending.to.name,
            when: when(pending.requestedAt),
          })}
        </Typography>
        {pending.reason ? (
          <Typography variant="pi" tag="p">
            {t('messages.pendingTransfer.reason', { reason: pending.reason })}
          </Typography>
        ) : null}
        <Typography variant="pi" textColor="neutral700" tag="p">
          {t('messages.pendingTransfer.clock')}
        </Typography>
        {message.canAnswerTransfer ? (
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Box>
              <Button
                loading={act.isLoading}
                onClick={() =>
                  notified(
                    () => act.mutateAsync({ action: 'transfer/accept' }),
                    t('messages.pendingTransfer.accepted')
                  )
                }
              >
                {t('messages.pendingTransfer.accept')}
              </Button>
            </Box>
            <ReasonAct
              name="refuseTransferReason"
              label={t('messages.pendingTransfer.refuseReason')}
              submit={t('messages.pendingTransfer.refuse')}
              variant="danger-light"
              onSend={(reason) =>
                notified(
                  () => act.mutateAsync({ action: 'transfer/refuse', reason }),
                  t('messages.pendingTransfer.refused')
                )
              }
            />
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
};

/** 认定误派 (province): the message's deadline is recomputed from the receiving site's acceptance. */
export const MisassignForm = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const notified = useNotifiedAction();
  const act = useMessageAction(message.id);
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="pi" textColor="neutral700">
        {t('messages.misassigned.hint')}
      </Typography>
      <ReasonAct
        name="misassignedReason"
        label={t('messages.misassigned.reason')}
        submit={t('messages.misassigned.submit')}
        onSend={(reason) =>
          notified(
            () => act.mutateAsync({ action: 'misassigned', reason }),
            t('messages.misassigned.done')
          )
        }
      />
    </Flex>
  );
};

/** Whether the province may rule the first assignment a mistake: accepted from another site, not a return, deadline not yet moved. */
export const canRuleMisassigned = (message: MessageCase) => {
  const current = message.holdings.at(-1);
  return Boolean(
    message.holdings.length > 1 &&
    current &&
    !current.endedAt &&
    !current.isReturn &&
    current.dueAt &&
    current.dueAt !== message.dueAt
  );
};

/** 持有记录: which site held the message, from when to when, against its own deadline. */
export const HoldingList = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const when = useWhen();
  if (message.holdings.length < 2) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid="message-holdings">
      <Typography variant="delta" tag="h3">
        {t('messages.holdings.title')}
      </Typography>
      {message.holdings.map((holding, index) => (
        <Flex key={`${holding.startedAt}-${index}`} gap={2} wrap="wrap">
          <Typography variant="omega" fontWeight="bold">
            {holding.site?.name ?? '—'}
          </Typography>
          <Typography variant="pi" textColor="neutral700">
            {t('messages.holdings.span', {
              from: when(holding.startedAt),
              to: holding.endedAt ? when(holding.endedAt) : t('messages.holdings.now'),
              due: when(holding.dueAt),
            })}
            {holding.endedBy ? t(`messages.holdings.ended.${holding.endedBy}`) : ''}
          </Typography>
          {holding.isReturn ? (
            <ToneBadge tone="warning">{t('messages.holdings.return')}</ToneBadge>
          ) : null}
          {holding.overdue ? (
            <ToneBadge tone="danger">{t('messages.holdings.overdue')}</ToneBadge>
          ) : null}
        </Flex>
      ))}
    </Flex>
  );
};
