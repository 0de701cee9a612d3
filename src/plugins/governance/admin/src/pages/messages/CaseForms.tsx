import {
  Box,
  Button,
  Combobox,
  ComboboxOption,
  Dialog,
  Field,
  Flex,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';
import { useState } from 'react';
import {
  CATEGORIES,
  useMessageAction,
  useTransferTargets,
  type Category,
  type MessageAction,
  type MessageCase,
  type TransferTarget,
  type Verdict,
} from '../../api/messages';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT, type Translate } from '../../hooks/useT';
import { ChoiceAndReason, isReason } from './ChoiceAndReason';

const MAX_EXTENSION_DAYS = 15;

/** Runs an act on the case and says how it went; answers whether it worked. */
const useCaseAct = (id: number) => {
  const notified = useNotifiedAction();
  const { mutateAsync, isLoading } = useMessageAction(id);
  return {
    run: (action: MessageAction, done: string) => notified(() => mutateAsync(action), done),
    isLoading,
  };
};

/** A county is told apart by its city, every other site by its level. */
const siteLabel = (site: TransferTarget, t: Translate) =>
  t('messages.transfer.option', {
    name: site.name,
    context: site.level === 'county' && site.city ? site.city : t(`level.${site.level}`),
  });

/** 转办: to any other active site, found by typing part of its name. */
export const TransferForm = ({
  message,
  onTransferred,
}: {
  message: MessageCase;
  onTransferred: () => void;
}) => {
  const t = useT();
  const { run, isLoading } = useCaseAct(message.id);
  const targets = useTransferTargets();
  const [site, setSite] = useState('');
  const [reason, setReason] = useState('');
  const options = (targets.data ?? []).filter((target) => target.code !== message.site?.code);

  const submit = async () => {
    if (await run({ action: 'transfer', site, reason: reason.trim() }, t('messages.transferred')))
      onTransferred();
  };

  return (
    <ChoiceAndReason
      choiceColumns={5}
      choice={
        <Field.Root name="transferSite" required>
          <Field.Label>{t('messages.transfer.site')}</Field.Label>
          <Combobox
            value={site}
            onChange={(value?: string) => setSite(value ?? '')}
            onClear={() => setSite('')}
            clearLabel={t('sites.searchClear')}
            loading={targets.isLoading}
            autocomplete={{ type: 'list', filter: 'contains' }}
            placeholder={t('messages.transfer.sitePlaceholder')}
            noOptionsMessage={(value: string) => t('messages.transfer.noSite', { value })}
          >
            {options.map((target) => (
              <ComboboxOption key={target.code} value={target.code}>
                {siteLabel(target, t)}
              </ComboboxOption>
            ))}
          </Combobox>
        </Field.Root>
      }
      reason={{
        name: 'transferReason',
        label: t('messages.transfer.reason'),
        value: reason,
        onChange: setReason,
      }}
      ready={Boolean(site)}
      submit={{ label: t('messages.transfer.submit'), isLoading, onClick: submit }}
    />
  );
};

/** 申请延期: a number of working days and why; a provincial admin decides. */
export const ExtensionRequestForm = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const { run, isLoading } = useCaseAct(message.id);
  const [workingDays, setWorkingDays] = useState<number | undefined>(undefined);
  const [reason, setReason] = useState('');
  const validDays =
    workingDays !== undefined &&
    Number.isInteger(workingDays) &&
    workingDays >= 1 &&
    workingDays <= MAX_EXTENSION_DAYS;

  const submit = async () => {
    if (
      validDays &&
      (await run(
        { action: 'extension', workingDays, reason: reason.trim() },
        t('messages.extension.requested')
      ))
    ) {
      setWorkingDays(undefined);
      setReason('');
    }
  };

  return (
    <ChoiceAndReason
      choiceColumns={4}
      choice={
        <Field.Root
          name="extensionDays"
          required
          hint={t('messages.extension.daysHint', { max: MAX_EXTENSION_DAYS })}
        >
          <Field.Label>{t('messages.extension.days')}</Field.Label>
          <NumberInput value={workingDays} onValueChange={setWorkingDays} step={1} />
          <Field.Hint />
        </Field.Root>
      }
      reason={{
        name: 'extensionReason',
        label: t('messages.extension.reason'),
        value: reason,
        onChange: setReason,
      }}
      ready={validDays}
      submit={{ label: t('messages.extension.submit'), isLoading, onClick: submit }}
    />
  );
};

/**
 * 更正类别: what the citizen wrote is never edited; a wrong category is corrected here, with the
 * reason, and the timeline keeps both.
 */
export const CategoryCorrectionForm = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const { run, isLoading } = useCaseAct(message.id);
  const [category, setCategory] = useState<Category | ''>('');
  const [reason, setReason] = useState('');

  const submit = async () => {
    if (
      category &&
      (await run(
        { action: 'category', category, reason: reason.trim() },
        t('messages.correct.done')
      ))
    ) {
      setCategory('');
      setReason('');
    }
  };

  return (
    <ChoiceAndReason
      choiceColumns={4}
      choice={
        <Field.Root name="correctCategory" required>
          <Field.Label>{t('messages.correct.category')}</Field.Label>
          <SingleSelect
            value={category}
            placeholder={t('messages.correct.categoryPlaceholder')}
            onChange={(value: string | number) => setCategory(value as Category)}
          >
            {CATEGORIES.filter((option) => option !== message.category).map((option) => (
              <SingleSelectOption key={option} value={option}>
                {t(`messages.category.${option}`)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      }
      reason={{
        name: 'correctReason',
        label: t('messages.correct.reason'),
        hint: t('messages.correct.hint'),
        value: reason,
        onChange: setReason,
      }}
      ready={Boolean(category)}
      submit={{ label: t('messages.correct.submit'), isLoading, onClick: submit }}
    />
  );
};

/** 批准 / 不批准延期, with an optional comment for the handler. */
export const ExtensionDecisionForm = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const { run, isLoading } = useCaseAct(message.id);
  const [comment, setComment] = useState('');
  const decide = (approve: boolean) =>
    run(
      { action: 'extension/decision', approve, comment: comment.trim() || null },
      t(approve ? 'messages.extension.approved' : 'messages.extension.refused')
    );

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Field.Root name="extensionComment">
        <Field.Label>{t('messages.extension.comment')}</Field.Label>
        <TextInput
          value={comment}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setComment(e.target.value)}
        />
      </Field.Root>
      <Flex gap={2}>
        <Button variant="success" loading={isLoading} onClick={() => decide(true)}>
          {t('messages.extension.approve')}
        </Button>
        <Button variant="danger-light" loading={isLoading} onClick={() => decide(false)}>
          {t('messages.extension.refuse')}
        </Button>
      </Flex>
    </Flex>
  );
};

/**
 * 确认 / 撤销不予受理: the province's decision on a site's refusal. Overturning says why; the
 * message goes back to the site with its original deadline.
 */
export const InvalidDecisionForm = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const { run, isLoading } = useCaseAct(message.id);
  const [comment, setComment] = useState('');
  const decide = (confirm: boolean) =>
    run(
      { action: 'invalid/decision', confirm, comment: comment.trim() || null },
      t(confirm ? 'messages.invalidDecision.confirmed' : 'messages.invalidDecision.overturned')
    );

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="invalid-decision">
      <Field.Root name="invalidComment" hint={t('messages.invalidDecision.commentHint')}>
        <Field.Label>{t('messages.invalidDecision.comment')}</Field.Label>
        <TextInput
          value={comment}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setComment(e.target.value)}
        />
        <Field.Hint />
      </Field.Root>
      <Flex gap={2}>
        <Button variant="success" loading={isLoading} onClick={() => decide(true)}>
          {t('messages.invalidDecision.confirm')}
        </Button>
        <Button variant="danger-light" loading={isLoading} onClick={() => decide(false)}>
          {t('messages.invalidDecision.overturn')}
        </Button>
      </Flex>
    </Flex>
  );
};

/** 抽查: a provincial admin's verdict on a reply; 不合格 needs a comment saying what is wrong. */
export const SpotCheckForm = ({
  message,
  onChecked,
}: {
  message: MessageCase;
  onChecked?: (verdict: Verdict) => void;
}) => {
  const t = useT();
  const { run, isLoading } = useCaseAct(message.id);
  const [comment, setComment] = useState('');

  const check = async (verdict: Verdict) => {
    // The comment is required for 不合格 only; an empty one is left out.
    if (
      await run(
        { action: 'spot-check', verdict, comment: comment.trim() || undefined },
        t('messages.spotCheck.done')
      )
    )
      onChecked?.(verdict);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Field.Root name="spotCheckComment" hint={t('messages.spotCheck.commentHint')}>
        <Field.Label>{t('messages.spotCheck.comment')}</Field.Label>
        <Textarea
          value={comment}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)}
        />
        <Field.Hint />
      </Field.Root>
      <Flex gap={2}>
        <Button variant="success" loading={isLoading} onClick={() => check('standard')}>
          {t('messages.verdict.standard')}
        </Button>
        <Button
          variant="danger"
          loading={isLoading}
          disabled={!isReason(comment)}
          onClick={() => check('substandard')}
        >
          {t('messages.verdict.substandard')}
        </Button>
      </Flex>
    </Flex>
  );
};

/** 不予受理 ends the case without a reply: asked for with a reason, behind a confirmation. */
export const MarkInvalidButton = ({ message }: { message: MessageCase }) => {
  const t = useT();
  const { run, isLoading } = useCaseAct(message.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');

  const confirm = async () => {
    if (await run({ action: 'invalid', reason: reason.trim() }, t('messages.invalid.done')))
      setOpen(false);
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button variant="danger-light">{t('messages.invalid.button')}</Button>
      </Dialog.Trigger>
      <ConfirmDialog
        title={t('messages.invalid.title')}
        endAction={
          // Not a Dialog.Action: the dialog stays open, the reason kept, when the act fails.
          <Box width="100%">
            <Button
              variant="danger"
              fullWidth
              loading={isLoading}
              disabled={!isReason(reason)}
              onClick={confirm}
            >
              {t('messages.invalid.submit')}
            </Button>
          </Box>
        }
      >
        <Flex direction="column" alignItems="stretch" gap={3} width="100%">
          <Typography textAlign="center">
            {t('messages.invalid.confirm', { subject: message.subject })}
          </Typography>
          <Field.Root name="invalidReason" required hint={t('messages.invalid.reasonHint')}>
            <Field.Label>{t('messages.invalid.reason')}</Field.Label>
            <Textarea
              value={reason}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)}
            />
            <Field.Hint />
          </Field.Root>
        </Flex>
      </ConfirmDialog>
    </Dialog.Root>
  );
};

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
