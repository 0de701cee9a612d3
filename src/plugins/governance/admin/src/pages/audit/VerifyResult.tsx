import { Alert, Flex, Typography } from '@strapi/design-system';
import type { AuditVerification } from '../../api/audit';
import { useT } from '../../hooks/useT';
import { useLocalTime } from '../../hooks/useLocalTime';

/**
 * What 校验完整性 found: the whole log intact, or the first entry that differs and how (changed,
 * removed, inserted, the newest ones cut off); what it was checked against (the signed
 * checkpoints); and lines of the checkpoint file whose signature is wrong.
 */
export const VerifyResult = ({
  result,
  onClose,
}: {
  result: AuditVerification;
  onClose: () => void;
}) => {
  const t = useT();
  const { formatDate } = useLocalTime();
  const { checkpoints } = result;
  const against = checkpoints.latest
    ? t('audit.verify.checkpoints', {
        valid: checkpoints.valid,
        seq: checkpoints.latest.seq,
        time: formatDate(checkpoints.latest.at, { dateStyle: 'medium', timeStyle: 'short' }),
      })
    : t('audit.verify.noCheckpoints');
  const broken = result.firstBroken !== null && result.kind !== null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="audit-verify-result">
      {broken ? (
        <Alert
          variant="danger"
          title={t('audit.verify.brokenTitle')}
          closeLabel={t('messages.case.close')}
          onClose={onClose}
        >
          {t(`audit.verify.broken.${result.kind}`, {
            seq: result.firstBroken ?? '—',
            checked: result.checked,
          })}
        </Alert>
      ) : (
        <Alert
          variant="success"
          title={t('audit.verify.okTitle')}
          closeLabel={t('messages.case.close')}
          onClose={onClose}
        >
          {t('audit.verify.ok', { checked: result.checked })}
        </Alert>
      )}
      {checkpoints.bad > 0 ? (
        <Alert
          variant="danger"
          title={t('audit.verify.badCheckpointsTitle')}
          closeLabel={t('messages.case.close')}
          onClose={onClose}
        >
          {t('audit.verify.badCheckpoints', {
            bad: checkpoints.bad,
            lines: checkpoints.badLines.join('、'),
          })}
        </Alert>
      ) : null}
      <Typography variant="pi" textColor="neutral600">
        {against}
      </Typography>
    </Flex>
  );
};
