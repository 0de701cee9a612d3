import {
  Button,
  Field,
  Flex,
  IconButton,
  SingleSelect,
  SingleSelectOption,
  Td,
  TextInput,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import {
  LINK_HOST_LISTS,
  useAddLinkHost,
  useLinkHosts,
  useRemoveLinkHost,
  type LinkHostList,
  type LinkHostRuleEntry,
} from '../../api/review';
import { ListTable, type RowPlace } from '../../components/DataTable';
import { RaisedBox } from '../../components/Panel';
import { ToneBadge } from '../../components/ToneBadge';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';

const COLUMNS = ['host', 'list', 'note', 'actions'] as const;

/** 添加: a host, whether articles may link to it, and a note; cleared once added. */
const AddHostForm = () => {
  const t = useT();
  const notified = useNotifiedAction();
  const addHost = useAddLinkHost();
  const [host, setHost] = useState('');
  const [list, setList] = useState<LinkHostList>('allow');
  const [note, setNote] = useState('');

  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    const input = { host: host.trim(), list, note: note.trim() || undefined };
    // The host as kept (`https://www.Example.com/a` is kept as www.example.com).
    if (
      await notified(
        () => addHost.mutateAsync(input),
        ({ data }) => t('linkHosts.added', { host: data.data.host })
      )
    ) {
      setHost('');
      setNote('');
    }
  };

  return (
    <RaisedBox padding={4} marginBottom={4}>
      <form onSubmit={add}>
        <Flex gap={4} alignItems="flex-end" wrap="wrap">
          <Field.Root name="host" required hint={t('linkHosts.hostHint')}>
            <Field.Label>{t('linkHosts.host')}</Field.Label>
            <TextInput
              value={host}
              maxLength={253}
              placeholder="www.gov.cn"
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setHost(e.target.value)}
            />
            <Field.Hint />
          </Field.Root>
          <Field.Root name="list">
            <Field.Label>{t('linkHosts.list')}</Field.Label>
            <SingleSelect
              value={list}
              onChange={(value: string | number) => setList(value as LinkHostList)}
            >
              {LINK_HOST_LISTS.map((option) => (
                <SingleSelectOption key={option} value={option}>
                  {t(`linkHosts.list.${option}`)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="note">
            <Field.Label>{t('linkHosts.note')}</Field.Label>
            <TextInput
              value={note}
              maxLength={200}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setNote(e.target.value)}
            />
          </Field.Root>
          <Button
            type="submit"
            startIcon={<Plus />}
            disabled={!host.trim()}
            loading={addHost.isLoading}
          >
            {t('linkHosts.add')}
          </Button>
        </Flex>
      </form>
    </RaisedBox>
  );
};

const HostRow = ({ entry, ...place }: { entry: LinkHostRuleEntry } & RowPlace) => {
  const t = useT();
  const notified = useNotifiedAction();
  const removeHost = useRemoveLinkHost();
  const remove = () =>
    notified(() => removeHost.mutateAsync(entry.id), t('linkHosts.removed', { host: entry.host }));
  return (
    <Tr {...place}>
      <Td>
        <Typography fontWeight="bold">{entry.host}</Typography>
      </Td>
      <Td>
        <ToneBadge tone={entry.list === 'deny' ? 'danger' : 'success'}>
          {t(`linkHosts.list.${entry.list}`)}
        </ToneBadge>
      </Td>
      <Td>
        <Typography textColor="neutral600">{entry.note ?? ''}</Typography>
      </Td>
      <Td>
        <IconButton
          label={t('linkHosts.remove', { host: entry.host })}
          variant="ghost"
          onClick={remove}
        >
          <Trash />
        </IconButton>
      </Td>
    </Tr>
  );
};

/**
 * 外链名单: the hosts outside the group that articles may link to, and those they must not. A
 * link to a denied host blocks 送审 and publication; a link to a host on neither list is shown
 * to the reviewers (外链审查); the content inspection finds both in what is online.
 */
export const LinkHostsPage = () => {
  const t = useT();
  const hosts = useLinkHosts();

  if (hosts.isError) return <Page.Error />;
  const list = hosts.data ?? [];

  return (
    <Page.Main>
      <Page.Title>{t('linkHosts.title')}</Page.Title>
      <Layouts.Header
        title={t('linkHosts.title')}
        subtitle={t('linkHosts.subtitle', {
          allow: list.filter((h) => h.list === 'allow').length,
          deny: list.filter((h) => h.list === 'deny').length,
        })}
      />
      <Layouts.Content>
        <AddHostForm />
        <ListTable
          prefix="linkHosts.column"
          columns={COLUMNS}
          isLoading={hosts.isLoading}
          rows={list}
          empty={t('linkHosts.empty')}
          renderRow={(entry) => <HostRow key={entry.id} entry={entry} />}
        />
      </Layouts.Content>
    </Page.Main>
  );
};
