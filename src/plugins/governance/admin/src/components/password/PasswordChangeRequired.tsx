import { Box, Button, Flex, FocusTrap, LinkButton, Typography } from '@strapi/design-system';
import { Lock } from '@strapi/icons';
import { useAuth } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import type { PasswordStatus } from '../../api/passwords';
import { useT } from '../../hooks/useT';
import { usePolicyRules } from './usePolicyRules';
import { useLocalTime } from '../../hooks/useLocalTime';

const TITLE_ID = 'password-change-required-title';

/**
 * The page that replaces every admin page while the password must change: why, what a new
 * password takes, and the two ways on (the profile page's form, or logging out). It covers the
 * whole window, Strapi's menu and its error messages included, because the server refuses every
 * other request until the change is made and the pages behind would only show failures.
 */
export const PasswordChangeRequired = ({ status }: { status: PasswordStatus }) => {
  const t = useT();
  const { formatDate } = useLocalTime();
  const user = useAuth('PasswordChangeRequired', (auth) => auth.user);
  const logout = useAuth('PasswordChangeRequired', (auth) => auth.logout);
  const rules = usePolicyRules(status.policy);
  const reason = status.mustChange ?? 'expired';
  // Chinese names are written family name first (王 + 建国), as the server writes them.
  const name = `${user?.lastname ?? ''}${user?.firstname ?? ''}`.trim() || user?.email;

  return (
    <Box
      position="fixed"
      top={0}
      left={0}
      right={0}
      bottom={0}
      // Above Strapi's menu, dialogs and notifications, whose errors it stands in for.
      zIndex={2_000_000_000}
      background="neutral100"
      overflow="auto"
      // A modal page: assistive technology and the keyboard stay on it, not on the page behind.
      role="dialog"
      aria-modal
      aria-labelledby={TITLE_ID}
      data-testid="password-change-required"
    >
      {/* No autofocus: the first button is 退出登录, which a stray Enter should not press. */}
      <FocusTrap skipAutoFocus>
        <Flex justifyContent="center" padding={10}>
          <Box
            background="neutral0"
            shadow="tableShadow"
            hasRadius
            padding={10}
            maxWidth="64rem"
            width="100%"
          >
            <Flex direction="column" alignItems="stretch" gap={6}>
              <Flex gap={3}>
                <Lock width="2.4rem" height="2.4rem" fill="danger600" aria-hidden />
                <Typography variant="alpha" tag="h1" id={TITLE_ID}>
                  {t(`password.reason.${reason}`)}
                </Typography>
              </Flex>
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Typography tag="p">
                  {t(`password.required.explain.${reason}`, {
                    date: status.expiresAt
                      ? formatDate(status.expiresAt, { dateStyle: 'long' })
                      : '—',
                    days: status.policy.maxAgeDays ?? '—',
                  })}
                </Typography>
                <Typography tag="p" textColor="neutral600">
                  {t('password.required.account', { name: name ?? '', email: user?.email ?? '' })}
                </Typography>
              </Flex>
              <Box background="neutral100" padding={5} hasRadius>
                <Typography variant="delta" tag="h2">
                  {t('password.required.rulesTitle')}
                </Typography>
                <Box tag="ul" paddingTop={2} paddingLeft={5} style={{ listStyle: 'disc' }}>
                  {rules.map((rule) => (
                    <li key={rule}>
                      <Typography>{rule}</Typography>
                    </li>
                  ))}
                </Box>
              </Box>
              <Typography tag="p" textColor="neutral600">
                {t('password.required.afterChange')}
              </Typography>
              <Flex gap={2} justifyContent="flex-end">
                <Button variant="tertiary" onClick={() => logout()}>
                  {t('password.required.logout')}
                </Button>
                <LinkButton tag={RouterLink} to="/me">
                  {t('password.required.change')}
                </LinkButton>
              </Flex>
            </Flex>
          </Box>
        </Flex>
      </FocusTrap>
    </Box>
  );
};
