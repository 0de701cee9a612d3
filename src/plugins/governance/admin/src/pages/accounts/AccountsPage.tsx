import { Box, Flex, IconButton, Td, Tr, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { Layouts, Page, useDebounce } from '@strapi/strapi/admin';
import { useState } from 'react';
import {
  ACCOUNT_FILTERS,
  accountsQueryString,
  useAccounts,
  type Account,
} from '../../api/accounts';
import { usePasswordStatus } from '../../api/passwords';
import { ListTable } from '../../components/DataTable';
import { ExportButton } from '../../components/ExportButton';
import { REPORT_URLS } from '../../api/reports';
import { ListTabs } from '../../components/ListTabs';
import { SearchBox } from '../../components/SearchBox';
import { WrapTd } from '../../components/WrapTd';
import { useQueryChoice } from '../../hooks/useQueryChoice';
import { useT } from '../../hooks/useT';
import { ExpiryCell, LockCell, NameCell, SitesCell } from './AccountCells';
import { ForceChangeButton } from './ForceChangeButton';
import { HolderDialog } from './HolderDialog';
import { useLocalTime } from '../../hooks/useLocalTime';
import { useTimeZoneNote } from '../../components/TimeZoneNote';

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
  const { formatDate } = useLocalTime();
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
  const { withTimeZoneNote } = useTimeZoneNote();
  // In the address: the home page links the expiring and expired passwords to their filters.
  const [filter, setFilter] = useQueryChoice('filter', ACCOUNT_FILTERS, 'all');
  const [search, setSearch] = useState('');
  const q = useDebounce(search.trim(), 300) || undefined;
  const accounts = useAccounts({ filter, q });
  // Every account follows the same policy as the user's own: its reminder period colours the expiries.
  const remindFromDays = usePasswordStatus().data?.remindFromDays ?? null;
  const [editing, setEditing] = useState<Account | null>(null);
  const counts = accounts.data?.meta.counts;

  if (accounts.isError) return <Page.Error />;

  return (
    <Page.Main>
      <Page.Title>{t('accounts.title')}</Page.Title>
      <Layouts.Header
        title={t('accounts.title')}
        subtitle={withTimeZoneNote(counts ? t('accounts.subtitle', counts) : undefined)}
        primaryAction={
          <ExportButton
            url={REPORT_URLS.accounts}
            params={accountsQueryString({ filter, q })}
            fileName={`${t('accounts.title')}.xlsx`}
          >
            {t('common.exportXlsx')}
          </ExportButton>
        }
      />
      <Layouts.Content>
        <ListTabs
          label={t('accounts.title')}
          tabs={ACCOUNT_FILTERS}
          value={filter}
          onChange={setFilter}
          name={(name) => t(`accounts.tab.${name}`)}
          count={(name) => counts?.[name]}
        />
        <Box paddingTop={4} paddingBottom={4} maxWidth="400px">
          <SearchBox
            label={t('accounts.search')}
            value={search}
            onChange={setSearch}
            maxLength={50}
          />
        </Box>
        <ListTable
          prefix="accounts.column"
          columns={COLUMNS}
          isLoading={accounts.isLoading}
          rows={accounts.data?.data}
          empty={t('accounts.empty')}
          renderRow={(account) => (
            <AccountRow
              key={account.id}
              account={account}
              remindFromDays={remindFromDays}
              onEditHolder={() => setEditing(account)}
            />
          )}
        />
        {editing ? <HolderDialog account={editing} onClose={() => setEditing(null)} /> : null}
      </Layouts.Content>
    </Page.Main>
  );
};
