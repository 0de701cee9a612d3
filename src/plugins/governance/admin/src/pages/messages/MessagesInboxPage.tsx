import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  Grid,
  Modal,
  Searchbar,
  Tabs,
  Table,
  Tbody,
  Td,
  TextInput,
  Textarea,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { INBOX_TABS, useInbox, useMessageAction, useMessageCase, type Deadline, type InboxTab, type MessageCase } from '../../api/messages';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT, type Translate } from '../../hooks/useT';

const DEADLINE_COLORS: Record<Deadline, { text: string; background: string }> = {
  onTrack: { text: 'neutral700', background: 'neutral150' },
  dueSoon: { text: 'warning600', background: 'warning100' },
  overdue: { text: 'danger600', background: 'danger100' },
  veto: { text: 'danger700', background: 'danger200' },
  answered: { text: 'success600', background: 'success100' },
  answeredLate: { text: 'warning600', background: 'warning100' },
};

const DeadlineBadge = ({ deadline, t }: { deadline: Deadline; t: Translate }) => (
  <Badge textColor={DEADLINE_COLORS[deadline].text} backgroundColor={DEADLINE_COLORS[deadline].background}>
    {t(`messages.deadline.${deadline}`)}
  </Badge>
);

/** The case: the message, the citizen's contact, the timeline, and the acts of the handling flow. */
const CaseDialog = ({ id, t, onClose }: { id: number; t: Translate; onClose: () => void }) => {
  const { formatDate } = useIntl();
  const notified = useNotifiedAction();
  const { data: message, isLoading } = useMessageCase(id);
  const act = useMessageAction(id);
  const [reply, setReply] = useState('');
  const [transferSite, setTransferSite] = useState('');
  const [transferReason, setTransferReason] = useState('');
  const when = (iso: string | null) => (iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

  const run = (action: Parameters<typeof act.mutateAsync>[0], done: string) => notified(() => act.mutateAsync(action), done);

  const open = (m: MessageCase) => ['received', 'accepted', 'transferred'].includes(m.status);

  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{message ? message.subject : t('review.loading')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {isLoading || !message ? (
            <Typography>{t('review.loading')}</Typography>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={4} data-testid="message-case">
              <Flex gap={2} wrap="wrap">
                <Badge>{t(`messages.status.${message.status}`)}</Badge>
                <DeadlineBadge deadline={message.deadline} t={t} />
                <Typography variant="pi" textColor="neutral600">
                  {t('messages.case.meta', { site: message.site?.name ?? '—', code: message.queryCode, received: when(message.receivedAt), due: when(message.dueAt) })}
                </Typography>
              </Flex>
              <Box background="neutral100" padding={3} hasRadius>
                <Typography tag="p">{message.body}</Typography>
                <Typography variant="pi" textColor="neutral600" tag="p">
                  {t('messages.case.citizen', { name: message.citizen.name, contact: [message.citizen.phone, message.citizen.email].filter(Boolean).join(' · ') })}
                </Typography>
              </Box>
              {message.reply ? (
                <Box background="success100" padding={3} hasRadius>
                  <Typography variant="sigma">{t('messages.case.reply', { who: message.repliedBy ?? '—', when: when(message.repliedAt) })}</Typography>
                  <Typography tag="p" data-testid="message-reply">{message.reply}</Typography>
                </Box>
              ) : null}
              {['received', 'transferred'].includes(message.status) ? (
                <Box>
                  <Button onClick={() => run({ action: 'sign' }, t('messages.signed'))}>{t('messages.sign')}</Button>
                </Box>
              ) : null}
              {open(message) || message.status === 'replied' ? (
                <Field.Root name="reply" hint={t('messages.reply.hint')}>
                  <Field.Label>{t(message.status === 'replied' ? 'messages.reply.edit' : 'messages.reply.label')}</Field.Label>
                  <Textarea value={reply} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReply(e.target.value)} />
                  <Field.Hint />
                  <Box paddingTop={2}>
                    <Button
                      variant="success"
                      disabled={reply.trim().length < 10}
                      onClick={async () => (await run({ action: 'reply', text: reply }, t('messages.replied'))) && setReply('')}
                    >
                      {t('messages.reply.submit')}
                    </Button>
                  </Box>
                </Field.Root>
              ) : null}
              {open(message) ? (
                <Grid.Root gap={2}>
                  <Grid.Item col={4} direction="column" alignItems="stretch">
                    <Field.Root name="transferSite">
                      <Field.Label>{t('messages.transfer.site')}</Field.Label>
                      <TextInput placeholder="baoji" value={transferSite} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTransferSite(e.target.value.trim())} />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={8} direction="column" alignItems="stretch">
                    <Field.Root name="transferReason">
                      <Field.Label>{t('messages.transfer.reason')}</Field.Label>
                      <TextInput value={transferReason} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTransferReason(e.target.value)} />
                    </Field.Root>
                  </Grid.Item>
                  <Grid.Item col={12}>
                    <Button
                      variant="secondary"
                      disabled={!transferSite || transferReason.trim().length < 5}
                      onClick={async () => (await run({ action: 'transfer', site: transferSite, reason: transferReason }, t('messages.transferred'))) && onClose()}
                    >
                      {t('messages.transfer.submit')}
                    </Button>
                  </Grid.Item>
                </Grid.Root>
              ) : null}
              <Box>
                <Typography variant="sigma">{t('messages.case.timeline')}</Typography>
                {message.timeline.length === 0 ? (
                  <Typography variant="pi" textColor="neutral600" tag="p">{t('messages.case.noEvents')}</Typography>
                ) : (
                  message.timeline.map((event) => (
                    <Box key={event.id} paddingTop={2}>
                      <Typography variant="pi" textColor="neutral600">{when(event.at)} </Typography>
                      <Typography variant="omega">
                        {event.actor} {t(`messages.action.${event.action}`)}
                        {event.toSite ? ` → ${event.toSite.name}` : ''}
                      </Typography>
                      {event.text ? <Typography variant="pi" textColor="neutral700" tag="p">{event.text}</Typography> : null}
                    </Box>
                  ))
                )}
              </Box>
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('messages.case.close')}</Button>
          </Modal.Close>
          {message?.status === 'replied' ? (
            <Button onClick={async () => (await run({ action: 'close' }, t('messages.closed'))) && onClose()}>{t('messages.close')}</Button>
          ) : null}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** 留言办理: the messages of the user's sites by tab, searchable, each opening its case. */
export const MessagesInboxPage = () => {
  const t = useT();
  const { formatDate } = useIntl();
  const [tab, setTab] = useState<InboxTab>('toSign');
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
        <Tabs.Root value={tab} onValueChange={(value: string) => setTab(value as InboxTab)}>
          <Tabs.List aria-label={t('messages.title')}>
            {INBOX_TABS.map((name) => (
              <Tabs.Trigger key={name} value={name}>
                {t(`messages.tab.${name}`)} {counts ? `(${counts[name]})` : ''}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs.Root>
        <Box paddingTop={4} paddingBottom={4} maxWidth="400px">
          <Searchbar name="q" value={q} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setQ(e.target.value)} onClear={() => setQ('')} clearLabel={t('sites.searchClear')} placeholder={t('messages.search')}>
            {t('messages.search')}
          </Searchbar>
        </Box>
        {inbox.isLoading ? (
          <Page.Loading />
        ) : inbox.data && inbox.data.data.length > 0 ? (
          <Table colCount={6} rowCount={inbox.data.data.length + 1}>
            <Thead>
              <Tr>
                {['subject', 'site', 'citizen', 'received', 'due', 'deadline'].map((column) => (
                  <Th key={column}>
                    <Typography variant="sigma">{t(`messages.column.${column}`)}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {inbox.data.data.map((item) => (
                <Tr key={item.id}>
                  <Td>
                    <Button variant="ghost" onClick={() => setOpenId(item.id)}>
                      {item.subject}
                    </Button>
                  </Td>
                  <Td><Typography>{item.site?.name ?? '—'}</Typography></Td>
                  <Td><Typography>{item.name}</Typography></Td>
                  <Td><Typography>{formatDate(item.receivedAt, { dateStyle: 'short', timeStyle: 'short' })}</Typography></Td>
                  <Td><Typography>{formatDate(item.dueAt, { dateStyle: 'short' })}</Typography></Td>
                  <Td><DeadlineBadge deadline={item.deadline} t={t} /></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        ) : (
          <EmptyStateLayout content={t(`messages.empty.${tab}`)} />
        )}
        {openId !== null ? <CaseDialog id={openId} t={t} onClose={() => setOpenId(null)} /> : null}
      </Layouts.Content>
    </Page.Main>
  );
};
