import { Box, Button, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { INBOX_TABS, useInbox } from '../../api/messages';
import { ListTable } from '../../components/DataTable';
import { ListTabs } from '../../components/ListTabs';
import { SearchBox } from '../../components/SearchBox';
import { useQueryChoice } from '../../hooks/useQueryChoice';
import { useT } from '../../hooks/useT';
import { CaseDialog } from './CaseDialog';
import { DeadlineBadge } from './DeadlineBadge';

const INBOX_COLUMNS = [
  'caseNumber',
  'subject',
  'site',
  'category',
  'received',
  'due',
  'deadline',
] as const;

/**
 * 留言办理: the messages of the user's sites by tab, searchable by subject or case number, each
 * opening its case. The list carries no contact data: the case shows it, and audits the read.
 */
export const MessagesInboxPage = () => {
  const t = useT();
  const { formatDate } = useIntl();
  // In the address: the home page links each of its counts to its tab.
  const [tab, setTab] = useQueryChoice('tab', INBOX_TABS, 'toSign');
  const [q, setQ] = useState('');
  const [openId, setOpenId] = useState<number | null>(null);
  const inbox = useInbox({ tab, q: q.trim() || undefined });
  const counts = inbox.data?.meta.counts;

  if (inbox.isError) return <Page.Error />;

  return (
    <Page.Main>
      <Page.Title>{t('messages.title')}</Page.Title>
      <Layouts.Header title={t('messages.title')} subtitle={t('messages.subtitle')} />
      <Layouts.Content>
        <ListTabs
          label={t('messages.title')}
          tabs={INBOX_TABS}
          value={tab}
          onChange={setTab}
          name={(name) => t(`messages.tab.${name}`)}
          count={(name) => counts?.[name]}
        />
        <Box paddingTop={4} paddingBottom={4} maxWidth="400px">
          <SearchBox label={t('messages.search')} value={q} onChange={setQ} />
        </Box>
        <ListTable
          prefix="messages.column"
          columns={INBOX_COLUMNS}
          isLoading={inbox.isLoading}
          rows={inbox.data?.data}
          empty={t(`messages.empty.${tab}`)}
          renderRow={(item) => (
            <Tr key={item.id}>
              <Td>
                <Typography textColor="neutral600">{item.caseNumber ?? '—'}</Typography>
              </Td>
              <Td>
                <Button variant="ghost" onClick={() => setOpenId(item.id)}>
                  {item.subject}
                </Button>
              </Td>
              <Td>
                <Typography>{item.site?.name ?? '—'}</Typography>
              </Td>
              <Td>
                <Typography>{t(`messages.category.${item.category}`)}</Typography>
              </Td>
              <Td>
                <Typography>
                  {formatDate(item.receivedAt, { dateStyle: 'short', timeStyle: 'short' })}
                </Typography>
              </Td>
              <Td>
                <Typography>{formatDate(item.dueAt, { dateStyle: 'short' })}</Typography>
              </Td>
              <Td>
                <DeadlineBadge deadline={item.deadline} />
              </Td>
            </Tr>
          )}
        />
        {openId !== null ? <CaseDialog id={openId} onClose={() => setOpenId(null)} /> : null}
      </Layouts.Content>
    </Page.Main>
  );
};
