import {
  Box,
  Button,
  Checkbox,
  Combobox,
  ComboboxOption,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Tag,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Cross, Plus, WarningCircle } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useMemo, useState } from 'react';
import { REPORT_URLS } from '../../api/reports';
import { ExportButton } from '../../components/ExportButton';
import {
  CAPACITIES,
  useAddMember,
  useRemoveMember,
  useSiteTree,
  useUserSearch,
  type Capacity,
  type SiteNode,
} from '../../api/sites';
import { ConfirmModal } from '../../components/ConfirmButton';
import { HeadedTable, type RowPlace } from '../../components/DataTable';
import { FormModal } from '../../components/FormModal';
import { SearchBox } from '../../components/SearchBox';
import { ToneBadge } from '../../components/ToneBadge';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';

const SITE_COLUMNS = ['site', 'level', 'responsible', 'members'] as const;

/** A member the user asked to remove, with the site they would leave. */
interface Removal {
  membershipId: number;
  name: string;
  site: string;
}

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

const AddMemberDialog = ({ site, onClose }: { site: SiteNode; onClose: () => void }) => {
  const t = useT();
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
    <FormModal
      title={t('sites.add.title', { site: site.name })}
      onClose={onClose}
      actions={
        <Button onClick={submit} disabled={!userId} loading={addMember.isLoading}>
          {t('sites.add.submit')}
        </Button>
      }
    >
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
    </FormModal>
  );
};

/** Removing someone ends their access to the site at once: ask first. */
const RemoveMemberDialog = ({
  member,
  onConfirm,
  onClose,
}: {
  member: Removal;
  onConfirm: () => void;
  onClose: () => void;
}) => {
  const t = useT();
  return (
    <ConfirmModal
      title={t('sites.remove.title')}
      confirm={{ onClick: onConfirm, children: t('sites.remove.submit') }}
      onClose={onClose}
    >
      {t('sites.remove.confirm', { name: member.name, site: member.site })}
    </ConfirmModal>
  );
};

/**
 * A site at its depth in the tree: its person responsible, and its members, each to 移出, with
 * 添加人员.
 */
const SiteRow = ({
  site,
  depth,
  onAdd,
  onRemove,
  ...place
}: {
  site: SiteNode;
  depth: number;
  onAdd: () => void;
  onRemove: (member: Removal) => void;
} & RowPlace) => {
  const t = useT();
  return (
    <Tr {...place}>
      <Td>
        <Box paddingLeft={depth * 6}>
          <Typography fontWeight={depth === 0 ? 'bold' : undefined}>{site.name}</Typography>
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
          <ToneBadge tone="dangerStrong">
            <Flex gap={1}>
              <WarningCircle />
              {t('sites.noResponsible')}
            </Flex>
          </ToneBadge>
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
                onRemove({ membershipId: m.membershipId, name: m.name, site: site.name })
              }
            >
              {`${m.name} · ${t(`capacity.${m.capacity}`)}`}
            </Tag>
          ))}
          <Button variant="tertiary" size="S" startIcon={<Plus />} onClick={onAdd}>
            {t('sites.add.button')}
          </Button>
        </Flex>
      </Td>
    </Tr>
  );
};

/** 站点与人员: the site tree with each site's person responsible and members, searchable. */
export const SitesPage = () => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const { data, isLoading, isError } = useSiteTree();
  const removeMember = useRemoveMember();
  const [query, setQuery] = useState('');
  const [onlyUnassigned, setOnlyUnassigned] = useState(false);
  const [adding, setAdding] = useState<SiteNode | null>(null);
  const [removing, setRemoving] = useState<Removal | null>(null);

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
        primaryAction={
          <ExportButton url={REPORT_URLS.sites} params="" fileName={t('sites.exportName')}>
            {t('common.exportXlsx')}
          </ExportButton>
        }
      />
      <Layouts.Action
        startActions={
          <Flex gap={4}>
            <Box width="32rem">
              <SearchBox
                name="search"
                label={t('sites.search')}
                value={query}
                onChange={setQuery}
              />
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
        <HeadedTable prefix="sites.column" columns={SITE_COLUMNS} rows={visible.length}>
          {visible.map(({ site, depth }) => (
            <SiteRow
              key={site.documentId}
              site={site}
              depth={depth}
              onAdd={() => setAdding(site)}
              onRemove={setRemoving}
            />
          ))}
        </HeadedTable>
        {visible.length === 0 ? (
          <Box padding={6}>
            <Typography textColor="neutral600">{t('sites.empty')}</Typography>
          </Box>
        ) : null}
      </Layouts.Content>
      {adding ? <AddMemberDialog site={adding} onClose={() => setAdding(null)} /> : null}
      {removing ? (
        <RemoveMemberDialog
          member={removing}
          onClose={() => setRemoving(null)}
          onConfirm={() => remove(removing.membershipId, removing.name, removing.site)}
        />
      ) : null}
    </Page.Main>
  );
};
