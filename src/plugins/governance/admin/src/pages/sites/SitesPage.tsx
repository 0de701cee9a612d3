import {
  Badge,
  Box,
  Button,
  Checkbox,
  Combobox,
  Dialog,
  ComboboxOption,
  Field,
  Flex,
  Modal,
  Searchbar,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tag,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Cross, Plus, WarningCircle } from '@strapi/icons';
import { ConfirmDialog, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import {
  CAPACITIES,
  useAddMember,
  useRemoveMember,
  useSiteTree,
  useUserSearch,
  type Capacity,
  type SiteNode,
} from '../../api/sites';
import { ColumnHeads } from '../../components/ColumnHeads';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { getTranslation } from '../../pluginId';

const SITE_COLUMNS = ['site', 'level', 'responsible', 'members'] as const;

type Translate = (id: string, values?: Record<string, string | number>) => string;

/** The tree flattened in display order, with each site's depth. */
const flatten = (nodes: SiteNode[], depth = 0): Array<{ site: SiteNode; depth: number }> =>
  nodes.flatMap((site) => [{ site, depth }, ...flatten(site.children, depth + 1)]);

const matches = (site: SiteNode, query: string) => {
  if (!query) return true;
  const q = query.toLowerCase();
  return (
    site.name.toLowerCase().includes(q) ||
    site.code.includes(q) ||
    (site.responsiblePerson ?? '').includes(query) ||
    site.members.some((m) => m.name.toLowerCase().includes(q) || m.email.toLowerCase().includes(q))
  );
};

const AddMemberDialog = ({
  site,
  t,
  onClose,
}: {
  site: SiteNode;
  t: Translate;
  onClose: () => void;
}) => {
  const notified = useNotifiedAction();
  const [search, setSearch] = useState('');
  const [userId, setUserId] = useState<string>('');
  const [capacity, setCapacity] = useState<Capacity>('editor');
  const users = useUserSearch(search);
  const addMember = useAddMember();

  const submit = async () => {
    const member = { siteDocumentId: site.documentId, userId: Number(userId), capacity };
    if (
      await notified(
        () => addMember.mutateAsync(member),
        t('sites.add.done', { site: site.name }),
        t('sites.add.failed')
      )
    )
      onClose();
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('sites.add.title', { site: site.name })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="user" required>
              <Field.Label>{t('sites.add.user')}</Field.Label>
              <Combobox
                value={userId}
                onChange={(value?: string) => setUserId(value ?? '')}
                onInputChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  setSearch(event.target.value)
                }
                loading={users.isLoading}
                // The server already searched names and e-mails; the list shows what it found.
                autocomplete="none"
                placeholder={t('sites.add.userPlaceholder')}
              >
                {(users.data ?? []).map((user) => (
                  <ComboboxOption key={user.id} value={String(user.id)}>
                    {`${user.name} <${user.email}>`}
                  </ComboboxOption>
                ))}
              </Combobox>
            </Field.Root>
            <Field.Root name="capacity" required>
              <Field.Label>{t('sites.add.capacity')}</Field.Label>
              <SingleSelect
                value={capacity}
                onChange={(value: string | number) => setCapacity(value as Capacity)}
              >
                {CAPACITIES.map((c) => (
                  <SingleSelectOption key={c} value={c}>
                    {t(`capacity.${c}`)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('common.cancel')}</Button>
          </Modal.Close>
          <Button onClick={submit} disabled={!userId} loading={addMember.isLoading}>
            {t('sites.add.submit')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** Removing someone ends their access to the site at once: ask first. */
const RemoveMemberDialog = ({
  member,
  t,
  onConfirm,
  onClose,
}: {
  member: { name: string; site: string };
  t: Translate;
  onConfirm: () => void;
  onClose: () => void;
}) => (
  <Dialog.Root open onOpenChange={(open: boolean) => !open && onClose()}>
    <ConfirmDialog
      title={t('sites.remove.title')}
      endAction={<ConfirmButton onClick={onConfirm}>{t('sites.remove.submit')}</ConfirmButton>}
    >
      {t('sites.remove.confirm', { name: member.name, site: member.site })}
    </ConfirmDialog>
  </Dialog.Root>
);

export const SitesPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { data, isLoading, isError } = useSiteTree();
  const removeMember = useRemoveMember();
  const [query, setQuery] = useState('');
  const [onlyUnassigned, setOnlyUnassigned] = useState(false);
  const [adding, setAdding] = useState<SiteNode | null>(null);
  const [removing, setRemoving] = useState<{
    membershipId: number;
    name: string;
    site: string;
  } | null>(null);
  const t: Translate = (id, values) =>
    formatMessage({ id: getTranslation(id), defaultMessage: id }, values);

  const rows = useMemo(() => flatten(data ?? []), [data]);
  const visible = rows.filter(
    ({ site }) => matches(site, query.trim()) && (!onlyUnassigned || !site.responsiblePerson)
  );
  const unassigned = rows.filter(({ site }) => !site.responsiblePerson).length;

  if (isLoading) return <Page.Loading />;
  if (isError || !data) return <Page.Error />;

  const remove = async (membershipId: number, name: string, siteName: string) => {
    try {
      await removeMember.mutateAsync(membershipId);
      toggleNotification({
        type: 'success',
        message: t('sites.remove.done', { name, site: siteName }),
      });
    } catch {
      toggleNotification({ type: 'danger', message: t('sites.remove.failed') });
    }
  };

  return (
    <Page.Main>
      <Page.Title>{t('sites.title')}</Page.Title>
      <Layouts.Header
        title={t('sites.title')}
        subtitle={t('sites.subtitle', { sites: rows.length, unassigned })}
      />
      <Layouts.Action
        startActions={
          <Flex gap={4}>
            <Box width="32rem">
              <Searchbar
                name="search"
                value={query}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  setQuery(event.target.value)
                }
                onClear={() => setQuery('')}
                clearLabel={t('sites.searchClear')}
                placeholder={t('sites.search')}
              >
                {t('sites.search')}
              </Searchbar>
            </Box>
            <Checkbox
              checked={onlyUnassigned}
              onCheckedChange={(checked: boolean) => setOnlyUnassigned(checked === true)}
            >
              {t('sites.onlyUnassigned')}
            </Checkbox>
          </Flex>
        }
      />
      <Layouts.Content>
        <Table colCount={SITE_COLUMNS.length} rowCount={visible.length + 1}>
          <ColumnHeads prefix="sites.column" columns={SITE_COLUMNS} />
          <Tbody>
            {visible.map(({ site, depth }) => (
              <Tr key={site.documentId}>
                <Td>
                  <Box paddingLeft={depth * 6}>
                    <Typography fontWeight={depth === 0 ? 'bold' : undefined}>
                      {site.name}
                    </Typography>
                    <Typography variant="pi" textColor="neutral600">
                      {' '}
                      {site.code}
                    </Typography>
                  </Box>
                </Td>
                <Td>
                  <Typography>{t(`level.${site.level}`)}</Typography>
                </Td>
                <Td>
                  {site.responsiblePerson ? (
                    <Typography>{site.responsiblePerson}</Typography>
                  ) : (
                    <Badge backgroundColor="danger100" textColor="danger700">
                      <Flex gap={1}>
                        <WarningCircle />
                        {t('sites.noResponsible')}
                      </Flex>
                    </Badge>
                  )}
                </Td>
                <Td>
                  <Flex gap={2} wrap="wrap">
                    {site.members.map((m) => (
                      <Tag
                        key={m.membershipId}
                        icon={<Cross />}
                        label={t('sites.remove.label', { name: m.name, site: site.name })}
                        onClick={() =>
                          setRemoving({
                            membershipId: m.membershipId,
                            name: m.name,
                            site: site.name,
                          })
                        }
                      >
                        {`${m.name} · ${t(`capacity.${m.capacity}`)}`}
                      </Tag>
                    ))}
                    <Button
                      variant="tertiary"
                      size="S"
                      startIcon={<Plus />}
                      onClick={() => setAdding(site)}
                    >
                      {t('sites.add.button')}
                    </Button>
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {visible.length === 0 ? (
          <Box padding={6}>
            <Typography textColor="neutral600">{t('sites.empty')}</Typography>
          </Box>
        ) : null}
      </Layouts.Content>
      {adding ? <AddMemberDialog site={adding} t={t} onClose={() => setAdding(null)} /> : null}
      {removing ? (
        <RemoveMemberDialog
          member={removing}
          t={t}
          onClose={() => setRemoving(null)}
          onConfirm={() => remove(removing.membershipId, removing.name, removing.site)}
        />
      ) : null}
    </Page.Main>
  );
};
