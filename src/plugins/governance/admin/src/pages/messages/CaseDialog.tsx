import { Badge, Box, Button, Divider, Flex, Typography } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import {
  OPEN_STATUSES,
  useMessageAction,
  useMessageCase,
  type MessageCase,
  type Satisfaction,
  type Verdict,
} from '../../api/messages';
import { FormModal } from '../../components/FormModal';
import { ToneBadge, type Tone } from '../../components/ToneBadge';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';
import { permissionsOf } from '../../permissions';
import { CategoryCorrectionForm } from './CategoryCorrectionForm';
import { ExtensionDecisionForm } from './ExtensionDecisionForm';
import { ExtensionRequestForm } from './ExtensionRequestForm';
import { InvalidDecisionForm } from './InvalidDecisionForm';
import { MarkInvalidButton } from './MarkInvalidButton';
import { SpotCheckForm } from './SpotCheckForm';
import { TransferForm } from './TransferForm';
import { CaseTimeline } from './CaseTimeline';
import {
  canRuleMisassigned,
  HoldingList,
  MisassignForm,
  PendingTransferPanel,
} from './CaseTransfers';
import { DeadlineBadge } from './DeadlineBadge';
import { ReplyForm } from './ReplyForm';
import { useLocalTime } from '../../hooks/useLocalTime';

const CASE_PERMISSIONS = permissionsOf(['messagesHandle', 'messagesExtend', 'messagesOversee']);

const SATISFACTION_TONE: Record<Satisfaction, Tone> = {
  satisfied: 'success',
  neutral: 'neutral',
  unsatisfied: 'danger',
};

/** Still to be answered: the deadline runs and the message can be replied to, transferred or extended. */
export const isOpen = (message: MessageCase) =>
  OPEN_STATUSES.some((status) => status === message.status);

/** The user is the receiving site of a pending transfer: the case is not theirs until they accept it. */
const isReceiving = (message: MessageCase, can: Record<string, boolean>) =>
  Boolean(message.pendingTransfer && message.canAnswerTransfer && !can.canOversee);

const useWhen = () => {
  const { formatDate } = useLocalTime();
  return (iso: string | null) =>
    iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
};

/** What the case is and where it stands: the message, the reply, and the notices on it. */
const CaseSummary = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const when = useWhen();
  const { pendingExtension: pending, spotCheck } = message;

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex gap={2} wrap="wrap">
        <Badge>{t(`messages.status.${message.status}`)}</Badge>
        {/* A refused message has no deadline to keep. */}
        {message.status === 'rejected' ? null : <DeadlineBadge deadline={message.deadline} />}
        {message.satisfaction ? (
          <ToneBadge tone={SATISFACTION_TONE[message.satisfaction]}>
            {t('messages.case.satisfaction', {
              satisfaction: t(`messages.satisfaction.${message.satisfaction}`),
            })}
          </ToneBadge>
        ) : null}
        {message.reopenedAt ? (
          <ToneBadge tone="warning">{t('messages.case.reopened')}</ToneBadge>
        ) : null}
        <Typography variant="pi" textColor="neutral600">
          {t('messages.case.meta', {
            number: message.caseNumber ?? '—',
            site: message.site?.name ?? '—',
            category: t(`messages.category.${message.category}`),
            received: when(message.receivedAt),
            due: when(message.dueAt),
          })}
        </Typography>
      </Flex>
      {message.originalCategory ? (
        <Typography variant="pi" textColor="warning600" data-testid="original-category">
          {t('messages.case.originalCategory', {
            original: t(`messages.category.${message.originalCategory}`),
          })}
        </Typography>
      ) : null}
      <Box background="neutral100" padding={3} hasRadius>
        <Typography tag="p">{message.body}</Typography>
        <Typography variant="pi" textColor="neutral600" tag="p">
          {t('messages.case.citizen', {
            name: message.citizen.name,
            contact: [message.citizen.phone, message.citizen.email].filter(Boolean).join(' · '),
          })}
        </Typography>
      </Box>
      {message.invalidation === 'pending' ? (
        <Box
          background="warning100"
          borderColor="warning200"
          padding={3}
          hasRadius
          data-testid="invalid-pending"
        >
          <Typography variant="omega" fontWeight="bold" tag="p">
            {t('messages.invalidDecision.pending')}
          </Typography>
          <Typography variant="pi" tag="p">
            {t('messages.invalidDecision.pendingExplain')}
          </Typography>
        </Box>
      ) : null}
      {pending ? (
        <Box
          background="warning100"
          borderColor="warning200"
          padding={3}
          hasRadius
          data-testid="pending-extension"
        >
          <Typography variant="omega" fontWeight="bold" tag="p">
            {t('messages.extension.pending', {
              days: pending.workingDays,
              when: when(pending.requestedAt),
            })}
          </Typography>
          <Typography variant="pi" tag="p">
            {t('messages.extension.pendingReason', { reason: pending.reason })}
          </Typography>
        </Box>
      ) : null}
      {message.reply ? (
        <Box background="success100" padding={3} hasRadius>
          <Typography variant="sigma" tag="p">
            {message.repliedBy
              ? t('messages.case.reply', { who: message.repliedBy, when: when(message.repliedAt) })
              : t('messages.case.replyAt', { when: when(message.repliedAt) })}
          </Typography>
          <Typography tag="p" data-testid="message-reply">
            {message.reply}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {t('messages.case.replyingUnit', {
              unit: message.replyingUnit ?? t('messages.case.noUnit'),
            })}
          </Typography>
          {message.replyRevisedAt ? (
            <Typography variant="pi" textColor="neutral600" tag="p" data-testid="reply-revised">
              {t('messages.case.replyRevised', { when: when(message.replyRevisedAt) })}
            </Typography>
          ) : null}
          {message.replyFlagged ? (
            <Typography variant="pi" textColor="danger600" tag="p" data-testid="reply-flagged">
              {t('messages.case.replyFlagged')}
            </Typography>
          ) : null}
        </Box>
      ) : null}
      {spotCheck ? (
        <Box
          background={spotCheck.verdict === 'standard' ? 'neutral100' : 'danger100'}
          padding={3}
          hasRadius
          data-testid="spot-check"
        >
          <Typography variant="omega" fontWeight="bold" tag="p">
            {t('messages.spotCheck.result', {
              verdict: t(`messages.verdict.${spotCheck.verdict}`),
              who: spotCheck.by,
              when: when(spotCheck.at),
            })}
          </Typography>
          {spotCheck.comment ? (
            <Typography variant="pi" tag="p">
              {spotCheck.comment}
            </Typography>
          ) : null}
        </Box>
      ) : null}
    </Flex>
  );
};

export const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <>
    <Divider />
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h3">
        {title}
      </Typography>
      {children}
    </Flex>
  </>
);

/** The acts at the case's foot: 不予受理, 签收, 办结 (the forms are in its sections). */
export const CaseActions = ({
  message,
  onClosed,
}: {
  message: MessageCase;
  onClosed?: () => void;
}) => {
  const t = useT();
  const notified = useNotifiedAction();
  const act = useMessageAction(message.id);
  const { allowedActions: can } = useRBAC(CASE_PERMISSIONS);
  // The receiving site of a pending transfer only accepts or refuses it (in the case's body).
  if (!can.canHandle || isReceiving(message, can)) return null;
  const run = async (action: 'sign' | 'close', done: string) =>
    notified(() => act.mutateAsync({ action }), done);
  return (
    <Flex gap={2}>
      {isOpen(message) ? <MarkInvalidButton message={message} /> : null}
      {['received', 'transferred'].includes(message.status) ? (
        <Button onClick={() => run('sign', t('messages.signed'))}>{t('messages.sign')}</Button>
      ) : null}
      {message.status === 'replied' ? (
        <Button onClick={async () => (await run('close', t('messages.closed'))) && onClosed?.()}>
          {t('messages.close')}
        </Button>
      ) : null}
    </Flex>
  );
};

/**
 * The case's body: the message, the citizen's contact, the timeline, then the forms of the acts
 * the user may take on it (`extra` after the reply: the 公开 choice on the case page).
 */
export const CaseBody = ({
  message,
  onTransferred,
  onSpotChecked,
  extra,
}: {
  message: MessageCase;
  onTransferred: () => void;
  onSpotChecked?: (verdict: Verdict) => void;
  extra?: ReactNode;
}) => {
  const t = useT();
  const { allowedActions: can } = useRBAC(CASE_PERMISSIONS);
  const handles = Boolean(can.canHandle) && !isReceiving(message, can);
  const open = isOpen(message);
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="message-case">
      <CaseSummary message={message} />
      <PendingTransferPanel message={message} />
      <HoldingList message={message} />
      <CaseTimeline events={message.timeline} />
      {can.canOversee && open && canRuleMisassigned(message) ? (
        <Section title={t('messages.section.misassigned')}>
          <MisassignForm message={message} />
        </Section>
      ) : null}
      {/* What waits for a provincial admin's decision comes before the handler's acts. */}
      {can.canExtend && open && message.pendingExtension ? (
        <Section title={t('messages.section.extensionDecision')}>
          <ExtensionDecisionForm message={message} />
        </Section>
      ) : null}
      {can.canOversee && message.invalidation === 'pending' ? (
        <Section title={t('messages.section.invalidDecision')}>
          <InvalidDecisionForm message={message} />
        </Section>
      ) : null}
      {/* Answers and refusals alike are spot-checked. */}
      {can.canOversee && (message.reply || message.status === 'rejected') && !message.spotCheck ? (
        <Section title={t('messages.section.spotCheck')}>
          <SpotCheckForm message={message} onChecked={onSpotChecked} />
        </Section>
      ) : null}
      {handles && (open || message.status === 'replied') ? (
        <Section title={t('messages.section.reply')}>
          <ReplyForm message={message} />
        </Section>
      ) : null}
      {handles ? extra : null}
      {handles && open && !message.pendingTransfer ? (
        <Section title={t('messages.section.transfer')}>
          <TransferForm message={message} onTransferred={onTransferred} />
        </Section>
      ) : null}
      {handles && open && !message.pendingExtension ? (
        <Section title={t('messages.section.extension')}>
          <ExtensionRequestForm message={message} />
        </Section>
      ) : null}
      {handles && message.status !== 'rejected' ? (
        <Section title={t('messages.section.category')}>
          <CategoryCorrectionForm message={message} />
        </Section>
      ) : null}
    </Flex>
  );
};

/**
 * The case in a dialog, over the statistics page's spot-check sample, which learns of a spot
 * check. 留言办理 opens the case as its own page (CasePage).
 */
export const CaseDialog = ({
  id,
  onClose,
  onSpotChecked,
}: {
  id: number;
  onClose: () => void;
  onSpotChecked?: (verdict: Verdict) => void;
}) => {
  const t = useT();
  const { data: message, isLoading } = useMessageCase(id);
  return (
    <FormModal
      title={message ? message.subject : t('review.loading')}
      cancelLabel={t('messages.case.close')}
      onClose={onClose}
      actions={message ? <CaseActions message={message} onClosed={onClose} /> : null}
    >
      {isLoading || !message ? (
        <Typography>{t('review.loading')}</Typography>
      ) : (
        <CaseBody message={message} onTransferred={onClose} onSpotChecked={onSpotChecked} />
      )}
    </FormModal>
  );
};
