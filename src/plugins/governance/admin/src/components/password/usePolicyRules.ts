import type { PasswordRules } from '../../api/passwords';
import { useT } from '../../hooks/useT';

/** The policy as the rules a new password must meet, one sentence each. */
export const usePolicyRules = (policy: PasswordRules) => {
  const t = useT();
  return [
    t('password.rule.length', { n: policy.minLength }),
    t('password.rule.classes', { n: policy.minClasses }),
    ...(policy.history > 0 ? [t('password.rule.history', { n: policy.history })] : []),
    ...(policy.maxAgeDays !== null ? [t('password.rule.maxAge', { n: policy.maxAgeDays })] : []),
  ];
};
