import { Box, Flex, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import type { PasswordStatus } from '../../api/passwords';
import { useT } from '../../hooks/useT';
import { FloatingNotice } from './FloatingNotice';
import { usePolicyRules } from './usePolicyRules';

/** On the profile page while the change is due: where the form is, what it takes, what follows. */
export const ChangeHereNotice = ({ status }: { status: PasswordStatus }) => {
  const t = useT();
  const rules = usePolicyRules(status.policy);
  return (
    <FloatingNotice>
      <Box
        background="danger100"
        borderColor="danger200"
        shadow="filterShadow"
        hasRadius
        padding={5}
        data-testid="password-change-here"
      >
        <Flex gap={3} alignItems="flex-start">
          <WarningCircle fill="danger600" width="2rem" height="2rem" aria-hidden />
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography fontWeight="bold">{t(`password.reason.${status.mustChange}`)}</Typography>
            <Typography tag="p">
              {t('password.profile.text', { rules: rules.join(t('password.rule.separator')) })}
            </Typography>
          </Flex>
        </Flex>
      </Box>
    </FloatingNotice>
  );
};
