import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  IconButton,
  Searchbar,
  Table,
  Tabs,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Download, Pencil } from '@strapi/icons';
import { Layouts, Page, useDebounce } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import {
  ACCOUNT_FILTERS,
  accountsQueryString,
  useAccounts,
  type Account,
  type AccountFilter,
} from '../../api/accounts';
import { usePasswordStatus } from '../../api/passwords';
import { useDownload } from '../../hooks/useDownload';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';
import { WrapTd } from '../../components/WrapTd';
import { ExpiryCell, LockCell, NameCell, SitesCell } from './AccountCells';
import { ForceChangeButton } from './ForceChangeButton';
import { HolderDialog } from './HolderDialog';
import { ColumnHeads } from '../../components/ColumnHeads';

const COLUMNS = [
  'account',
  'sites',
  'holder',
  'passwordAge',
  'daysLeft',
  'lock',
  'lastLogin',
  'actions',
] as const;

const HolderCell = ({ account, onEdit }: { account: Account; onEdit: () => void }) => {
  const t = useT();
  return (
    <Flex gap={1}>
      {account.holderName ? (
        // A person's name fits; a longer note is cut short, whole on hover.
        <Box maxWidth="7rem">
          <Typography ellipsis title={account.holderName}>
            {account.holderName}
          </Typography>
        </Box>
      ) : (
        <Typography textColor="danger600">{t('accounts.holder.none')}</Typography>
      )}
      <IconButton
        label={t('accounts.holder.edit', { name: account.name })}
        variant="ghost"
        onClick={onEdit}
      >
        <Pencil />
      </IconButton>
    </Flex>
  );
};

const AccountRow = ({
  account,
  remindFromDays,
  onEditHolder,
}: {
  account: Account;
  remindFromDays: number | null;
  onEditHolder: () => void;
}) => {
  const t = useT();
  const { formatDate } = useIntl();
  return (
    <Tr data-testid={`account-${account.email}`}>
      <Td>
        <NameCell account={account} />
      </Td>
      <Td>
        <SitesCell account={account} />
      </Td>
      <Td>
        <HolderCell account={account} onEdit={onEditHolder} />
      </Td>
      <Td>
        <Typography>
          {account.passwordAgeDays === null
            ? t('accounts.unknown')
            : t('accounts.days', { n: account.passwordAgeDays })}
        </Typography>
      </Td>
      <Td>
        <ExpiryCell account={account} remindFromDays={remindFromDays} />
      </Td>
      <Td>
        <LockCell account={account} />
      </Td>
      {/* The date above the time. */}
      <WrapTd>
        <Typography textColor={account.lastLoginAt ? undefined : 'neutral600'}>
          {account.lastLoginAt
            ? formatDate(account.lastLoginAt, { dateStyle: 'short', timeStyle: 'short' })
            : t('accounts.lastLogin.never')}
        </Typography>
      </WrapTd>
      <Td>
        <ForceChangeButton account={account} />
      </Td>
    </Tr>
  );
};

/**
 * 账号安全: every admin account with its sites, named holder, password age and expiry, lock and
 * last login; filtered by what needs attention, with unlock, forced change and a CSV export.
 */
export const AccountsPage = () => {
  const t = useT();
  const notified = useNotifiedAction();
  const download = useDownload();
  const [filter, setFilter] = useState<AccountFilter>('all');
  const [search, setSearch] = useState('');
  const q = useDebounce(search.trim(), 300) || undefined;
  const accounts = useAccounts({ filter, q });
  // Every account follows the same policy as the user's own: its reminder period colours the expiries.
  const remindFromDays = usePasswordStatus().data?.remindFromDays ?? null;
  const [editing, setEditing] = useState<Account | null>(null);
  const counts = accounts.data?.meta.counts;

  if (accounts.isError) return <Page.Error />;

  const exportCsv = () =>
    notified(
      () =>
        download(
          '/governance/accounts/export',
          accountsQueryString({ filter, q }),
          `${t('accounts.title')}.csv`
        ),
      t('common.exported'),
      t('common.exportFailed')
    );

  return (
    <Page.Main>
      <Page.Title>{t('accounts.title')}</Page.Title>
      <Layouts.Header
        title={t('accounts.title')}
        subtitle={counts ? t('accounts.subtitle', counts) : undefined}
        primaryAction={
          <Button variant="secondary" startIcon={<Download />} onClick={exportCsv}>
            {t('common.exportCsv')}
          </Button>
        }
      />
      <Layouts.Content>
        <Tabs.Root
          value={filter}
          onValueChange={(value: string) => setFilter(value as AccountFilter)}
        >
          <Tabs.List aria-label={t('accounts.title')}>
            {ACCOUNT_FILTERS.map((name) => (
              <Tabs.Trigger key={name} value={name}>
                {t(`accounts.tab.${name}`)} {counts ? `(${counts[name]})` : ''}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs.Root>
        <Box paddingTop={4} paddingBottom={4} maxWidth="400px">
          <Searchbar
            name="q"
            // The server's limit on a search.
            maxLength={50}
            value={search}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSearch(event.target.value)}
            onClear={() => setSearch('')}
            clearLabel={t('sites.searchClear')}
            placeholder={t('accounts.search')}
          >
            {t('accounts.search')}
          </Searchbar>
        </Box>
        {accounts.isLoading ? (
          <Page.Loading />
        ) : accounts.data && accounts.data.data.length > 0 ? (
          <Table colCount={COLUMNS.length} rowCount={accounts.data.data.length + 1}>
            <ColumnHeads prefix="accounts.column" columns={COLUMNS} />
            <Tbody>
              {accounts.data.data.map((account) => (
                <AccountRow
                  key={account.id}
                  account={account}
                  remindFromDays={remindFromDays}
                  onEditHolder={() => setEditing(account)}
                />
              ))}
            </Tbody>
          </Table>
        ) : (
          <EmptyStateLayout content={t('accounts.empty')} />
        )}
        {editing ? <HolderDialog account={editing} onClose={() => setEditing(null)} /> : null}
      </Layouts.Content>
    </Page.Main>
  );
};
