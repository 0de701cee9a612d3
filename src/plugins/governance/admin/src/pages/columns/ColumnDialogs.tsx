import {
  Button,
  Checkbox,
  Field,
  Flex,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useState } from 'react';
import {
  REPORT_CATEGORIES,
  REPORT_CATEGORY_BY_KIND,
  type ReportCategory,
} from '../../../../shared/contracts/columns';
import { COLUMN_KINDS, type ColumnKind } from '../../../../shared/contracts/oversight';
import {
  useChangeColumns,
  useDecideColumnChange,
  type ColumnChange,
  type ManagedColumn,
} from '../../api/columns';
import { FormModal } from '../../components/FormModal';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';
import { standingText } from './standing';

/** The server's limits (oversight/validation.ts). */
const NAME = { min: 2, max: 50 };
const REASON = { min: 5, max: 500 };

export type EditTarget = { kind: 'add' } | { kind: 'change' | 'retire'; column: ManagedColumn };

/**
 * 增设 / 修改 / 停用 a column: the province's is made at once; a leader's is a proposal for the
 * province. Retiring or giving more days to a column at risk asks the province to confirm it.
 */
export const ColumnDialog = ({
  site,
  target,
  province,
  onClose,
}: {
  site: string;
  target: EditTarget;
  province: boolean;
  onClose: () => void;
}) => {
  const t = useT();
  const notified = useNotifiedAction();
  const change = useChangeColumns(site);
  const column = target.kind === 'add' ? null : target.column;
  const [name, setName] = useState(column?.name ?? '');
  const [kind, setKind] = useState<ColumnKind>(column?.kind ?? 'news');
  const [days, setDays] = useState<number | undefined>(column?.staleAfterDays ?? undefined);
  const [sortOrder, setSortOrder] = useState<number | undefined>(column?.sortOrder ?? 0);
  // Follows the kind until chosen: a news column's articles are 政务动态 unless said otherwise.
  const [chosenCategory, setCategory] = useState<ReportCategory | null>(
    column?.reportCategory ?? null
  );
  const reportCategory = chosenCategory ?? REPORT_CATEGORY_BY_KIND[kind];
  const [reason, setReason] = useState('');
  const [confirmAtRisk, setConfirmAtRisk] = useState(false);
  const atRisk = Boolean(column?.standing?.atRisk);
  const retire = target.kind === 'retire';
  const nameLength = name.trim().length;
  const ready =
    reason.trim().length >= REASON.min &&
    reason.trim().length <= REASON.max &&
    (retire || (nameLength >= NAME.min && nameLength <= NAME.max)) &&
    (!province || !retire || !atRisk || confirmAtRisk);
  const verb = province ? target.kind : `propose.${target.kind}`;

  const send = () =>
    notified(
      () =>
        change.mutateAsync({
          action: target.kind,
          ...(column ? { column: column.id } : {}),
          ...(retire
            ? {}
            : {
                name: name.trim(),
                kind,
                staleAfterDays: kind === 'static' ? null : (days ?? null),
                sortOrder: sortOrder ?? 0,
                reportCategory,
              }),
          reason: reason.trim(),
          ...(province && atRisk ? { confirmAtRisk } : {}),
        }),
      t(province ? 'columns.done.applied' : 'columns.done.pending')
    ).then((done) => done && onClose());

  return (
    <FormModal
      title={t(`columns.dialog.${verb}`, { column: column?.name ?? '' })}
      onClose={onClose}
      actions={
        <Button
          variant={retire ? 'danger' : 'default'}
          disabled={!ready}
          loading={change.isLoading}
          onClick={send}
        >
          {t(province ? 'columns.dialog.submit' : 'columns.dialog.submitProposal')}
        </Button>
      }
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        {province ? null : (
          <Typography textColor="neutral600">{t('columns.dialog.leaderNote')}</Typography>
        )}
        {column?.standing ? (
          <Typography textColor={atRisk ? 'danger600' : 'neutral600'}>
            {standingText(t, column.standing)}
          </Typography>
        ) : null}
        {retire ? (
          <Typography>{t('columns.dialog.retireNote')}</Typography>
        ) : (
          <>
            <Field.Root name="name" required hint={t('columns.dialog.nameHint')}>
              <Field.Label>{t('columns.column.name')}</Field.Label>
              <TextInput
                value={name}
                maxLength={NAME.max}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  setName(event.target.value)
                }
              />
              <Field.Hint />
            </Field.Root>
            <Field.Root name="kind" required>
              <Field.Label>{t('columns.column.kind')}</Field.Label>
              <SingleSelect
                value={kind}
                onChange={(value: string | number) => setKind(String(value) as ColumnKind)}
              >
                {COLUMN_KINDS.map((k) => (
                  <SingleSelectOption key={k} value={k}>
                    {t(`oversight.kind.${k}`)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            {kind === 'static' ? null : (
              <Field.Root name="staleAfterDays" hint={t('columns.dialog.daysHint')}>
                <Field.Label>{t('columns.column.days')}</Field.Label>
                <NumberInput value={days} onValueChange={setDays} step={1} />
                <Field.Hint />
              </Field.Root>
            )}
            <Field.Root
              name="reportCategory"
              required
              hint={t('columns.dialog.reportCategoryHint')}
            >
              <Field.Label>{t('columns.column.reportCategory')}</Field.Label>
              <SingleSelect
                value={reportCategory}
                onChange={(value: string | number) => setCategory(String(value) as ReportCategory)}
              >
                {REPORT_CATEGORIES.map((c) => (
                  <SingleSelectOption key={c} value={c}>
                    {t(`columns.reportCategory.${c}`)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Hint />
            </Field.Root>
            <Field.Root name="sortOrder" hint={t('columns.dialog.sortHint')}>
              <Field.Label>{t('columns.column.sortOrder')}</Field.Label>
              <NumberInput value={sortOrder} onValueChange={setSortOrder} step={1} />
              <Field.Hint />
            </Field.Root>
          </>
        )}
        <Field.Root
          name="reason"
          required
          hint={t('columns.dialog.reasonHint', { min: REASON.min, max: REASON.max })}
        >
          <Field.Label>{t('columns.dialog.reason')}</Field.Label>
          <Textarea
            value={reason}
            maxLength={REASON.max}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
              setReason(event.target.value)
            }
          />
          <Field.Hint />
        </Field.Root>
        {province && atRisk ? (
          <Checkbox
            checked={confirmAtRisk}
            onCheckedChange={(checked: boolean) => setConfirmAtRisk(checked === true)}
          >
            {t('columns.dialog.confirmAtRisk')}
          </Checkbox>
        ) : null}
      </Flex>
    </FormModal>
  );
};

/** 批准 / 不批准 a leader's proposal, with the opinion the leader reads. */
export const DecisionDialog = ({
  change,
  approve,
  describe,
  onClose,
}: {
  change: ColumnChange;
  approve: boolean;
  describe: (change: ColumnChange) => string;
  onClose: () => void;
}) => {
  const t = useT();
  const notified = useNotifiedAction();
  const decide = useDecideColumnChange();
  return (
    <ReasonDialog
      title={t(approve ? 'columns.decision.approveTitle' : 'columns.decision.refuseTitle')}
      label={t('columns.decision.reason')}
      hint={t(approve ? 'columns.decision.approveHint' : 'columns.decision.refuseHint')}
      limits={approve ? { min: 2, max: 500 } : REASON}
      submitLabel={t(approve ? 'columns.decision.approve' : 'columns.decision.refuse')}
      variant={approve ? 'success' : 'danger'}
      onSend={(reason) =>
        notified(
          () => decide.mutateAsync({ id: change.id, approve, reason }),
          t(approve ? 'columns.decision.approved' : 'columns.decision.refused')
        )
      }
      onClose={onClose}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography>
          {t('columns.decision.context', { by: change.proposedBy, what: describe(change) })}
        </Typography>
        {change.reason ? (
          <Typography textColor="neutral600">
            {t('columns.decision.proposalReason', { reason: change.reason })}
          </Typography>
        ) : null}
        {/* What approving would let the site escape: the province decides knowingly. */}
        {change.standing?.atRisk ? (
          <Typography textColor="danger600">
            {t('columns.decision.atRisk', { standing: standingText(t, change.standing) })}
          </Typography>
        ) : null}
      </Flex>
    </ReasonDialog>
  );
};
