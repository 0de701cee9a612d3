import { Alert, Link } from '@strapi/design-system';
import { useAuth } from '@strapi/strapi/admin';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import type { PasswordStatus } from '../../api/passwords';
import { useT } from '../../hooks/useT';
import { FloatingNotice } from './FloatingNotice';
import { useLocalTime } from '../../hooks/useLocalTime';

const DISMISSED = 'governance.passwordReminder.dismissed';

/**
 * 密码即将到期: the date and the days left, with the way to the profile page's password form.
 * Closed, it stays away in this browser tab (session storage) for this user and this expiry
 * date: a new tab, another user or a later expiry shows it again. The e-mailed reminders go out
 * whatever the banner does.
 */
export const PasswordReminder = ({ status }: { status: PasswordStatus }) => {
  const t = useT();
  const { formatDate } = useLocalTime();
  const userId = useAuth('PasswordReminder', (auth) => auth.user?.id);
  const key = `${userId}:${status.expiresAt}`;
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(DISMISSED));
  if (dismissed === key || !status.expiresAt || status.daysLeft === null) return null;

  const dismiss = () => {
    sessionStorage.setItem(DISMISSED, key);
    setDismissed(key);
  };

  return (
    <FloatingNotice>
      <Alert
        variant="warning"
        title={t('password.reminder.title')}
        closeLabel={t('password.reminder.later')}
        onClose={dismiss}
        action={
          <Link tag={RouterLink} to="/me">
            {t('password.reminder.action')}
          </Link>
        }
        data-testid="password-reminder"
      >
        {t('password.reminder.text', {
          date: formatDate(status.expiresAt, { dateStyle: 'long' }),
          days: status.daysLeft,
        })}
      </Alert>
    </FloatingNotice>
  );
};
