import { Alert } from '@strapi/design-system';
import type { AuditVerification } from '../../api/audit';
import { useT } from '../../hooks/useT';

/** What 校验完整性 found: the whole chain intact, or the first entry whose hash does not follow. */
export const VerifyResult = ({
  result,
  onClose,
}: {
  result: AuditVerification;
  onClose: () => void;
}) => {
  const t = useT();
  return result.ok ? (
    <Alert
      variant="success"
      title={t('audit.verify.okTitle')}
      closeLabel={t('messages.case.close')}
      onClose={onClose}
      data-testid="audit-verify-result"
    >
      {t('audit.verify.ok', { checked: result.checked })}
    </Alert>
  ) : (
    <Alert
      variant="danger"
      title={t('audit.verify.brokenTitle')}
      closeLabel={t('messages.case.close')}
      onClose={onClose}
      data-testid="audit-verify-result"
    >
      {t('audit.verify.broken', { seq: result.firstBroken ?? '—', checked: result.checked })}
    </Alert>
  );
};
