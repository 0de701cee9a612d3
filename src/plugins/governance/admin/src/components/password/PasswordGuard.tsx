import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { isDueSoon, usePasswordStatus } from '../../api/passwords';
import { ChangeHereNotice } from './ChangeHereNotice';
import { PasswordChangeRequired } from './PasswordChangeRequired';
import { PasswordReminder } from './PasswordReminder';

/** Strapi's profile page, whose form changes the password. */
const PROFILE_PATH = '/me';

/**
 * Rendered by the admin on every page, the login page included (see index.ts): for a logged-in
 * user, the page that stands in for all others while the password must change (except the
 * profile page, where the change is made), else the reminder while it expires soon.
 */
export const PasswordGuard = () => {
  const { pathname } = useLocation();
  const { data: status, isIdle, refetch } = usePasswordStatus();

  // Each page change asks again: a change forced by an administrator shows at the next click.
  useEffect(() => {
    if (!isIdle) void refetch();
  }, [pathname, isIdle, refetch]);

  // Idle: nobody is logged in, and the answer kept from the last user does not apply.
  if (!status || isIdle || pathname.startsWith('/auth/')) return null;
  if (status.mustChange) {
    return pathname === PROFILE_PATH ? (
      <ChangeHereNotice status={status} />
    ) : (
      <PasswordChangeRequired status={status} />
    );
  }
  return isDueSoon(status) ? <PasswordReminder status={status} /> : null;
};
