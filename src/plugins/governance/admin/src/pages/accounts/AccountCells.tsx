import { Badge, Button, Flex, Typography } from '@strapi/design-system';
import { useAccountAction, type Account } from '../../api/accounts';
import { ToneBadge } from '../../components/ToneBadge';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useNameOf, useT } from '../../hooks/useT';
import { useLocalTime } from '../../hooks/useLocalTime';

export const isLocked = (account: Account, now = Date.now()) =>
  account.lockedUntil !== null && Date.parse(account.lockedUntil) > now;

export const NameCell = ({ account }: { account: Account }) => {
  // Strapi's built-in roles have English names; the group's own are Chinese already.
  const t = useT();
  const roleName = useNameOf('role');
  return (
    <Flex direction="column" alignItems="flex-start">
      {/* Disabled accounts are few: a mark beside the name rather than a column of 启用. */}
      <Flex gap={2}>
        <Typography fontWeight="bold">{account.name}</Typography>
        {account.isActive ? null : <Badge>{t('accounts.status.inactive')}</Badge>}
      </Flex>
      <Typography variant="pi" textColor="neutral600">
        {account.email}
      </Typography>
      {account.roles.length > 0 ? (
        <Typography variant="pi" textColor="neutral500">
          {account.roles.map(roleName).join('、')}
        </Typography>
      ) : null}
    </Flex>
  );
};

export const SitesCell = ({ account }: { account: Account }) => {
  const t = useT();
  if (account.sites.length === 0) return <Typography textColor="neutral500">—</Typography>;
  return (
    <Flex direction="column" alignItems="flex-start">
      {account.sites.map((site) => (
        <Typography key={`${site.code}-${site.capacity}`}>
          {t('accounts.site', { site: site.name, capacity: t(`capacity.${site.capacity}`) })}
        </Typography>
      ))}
    </Flex>
  );
};

/**
 * How long until the password must change: a change already required first, then expired (red),
 * within the reminder period (amber), else the days left.
 */
export const ExpiryCell = ({
  account,
  remindFromDays,
}: {
  account: Account;
  remindFromDays: number | null;
}) => {
  const t = useT();
  const { mustChange, daysLeft } = account;
  if (mustChange)
    return <ToneBadge tone="warningStrong">{t(`accounts.mustChange.${mustChange}`)}</ToneBadge>;
  if (daysLeft === null)
    return <Typography textColor="neutral600">{t('accounts.expiry.none')}</Typography>;
  if (daysLeft < 0)
    return (
      <ToneBadge tone="dangerStrong">{t('accounts.expiry.expired', { n: -daysLeft })}</ToneBadge>
    );
  if (daysLeft === 0)
    return <ToneBadge tone="dangerStrong">{t('accounts.expiry.today')}</ToneBadge>;
  if (remindFromDays !== null && daysLeft <= remindFromDays)
    return <ToneBadge tone="warningStrong">{t('accounts.days', { n: daysLeft })}</ToneBadge>;
  return <Typography>{t('accounts.days', { n: daysLeft })}</Typography>;
};

/** The lock, with 解锁 beside it while it holds. */
export const LockCell = ({ account }: { account: Account }) => {
  const t = useT();
  const { formatDate } = useLocalTime();
  const notified = useNotifiedAction();
  const act = useAccountAction();
  if (isLocked(account)) {
    const unlock = () =>
      notified(
        () => act.mutateAsync({ id: account.id, action: 'unlock' }),
        t('accounts.unlocked', { name: account.name })
      );
    return (
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <ToneBadge tone="dangerStrong">
          {t('accounts.lock.locked', {
            until: formatDate(account.lockedUntil ?? '', {
              dateStyle: 'short',
              timeStyle: 'short',
            }),
          })}
        </ToneBadge>
        <Button variant="secondary" size="S" onClick={unlock} loading={act.isLoading}>
          {t('accounts.unlock')}
        </Button>
      </Flex>
    );
  }
  if (account.failedLogins > 0)
    return <Typography>{t('accounts.lock.failed', { n: account.failedLogins })}</Typography>;
  return <Typography textColor="neutral600">{t('accounts.lock.none')}</Typography>;
};
