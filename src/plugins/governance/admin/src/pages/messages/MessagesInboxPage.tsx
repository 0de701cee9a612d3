import {
  Alert,
  Box,
  Button,
  Checkbox,
  DatePicker,
  Field,
  Flex,
  Link as TextLink,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { CheckCircle, FileXls } from '@strapi/icons';
import { Layouts, Page, useDebounce, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { NavLink, useLocation, useSearchParams } from 'react-router-dom';
import {
  CATEGORIES,
  INBOX_TABS,
  inboxQueryString,
  useBulkSign,
  useInbox,
  type InboxFilters,
  type InboxItem,
} from '../../api/messages';
import { ListTable } from '../../components/DataTable';
import { ExportButton } from '../../components/ExportButton';
import { FilterSelect, optionsOf } from '../../components/FilterSelect';
import { ListTabs } from '../../components/ListTabs';
import { SearchBox } from '../../components/SearchBox';
import { apiErrorMessage } from '../../hooks/useNotifiedAction';
import { usePageParam } from '../../hooks/usePageParam';
import { useT } from '../../hooks/useT';
import { useLocalTime } from '../../hooks/useLocalTime';
import { permissionsOf } from '../../permissions';
import { DeadlineBadge } from './DeadlineBadge';

const COLUMNS = [
  'caseNumber',
  'subject',
  'site',
  'category',
  'received',
  'due',
  'workingDaysLeft',
  'daysOverdue',
  'deadline',
] as const;
const PAGE_SIZE = 20;
const HANDLE = permissionsOf(['messagesHandle']);

type FilterKey = Exclude<keyof InboxFilters, 'tab' | 'q'>;

/**
 * The inbox's filters in the page's address (?tab=overdue&site=xian&from=2026-03-01…), so a
 * link (the home page's to-dos) opens the list filtered; a change goes back to the first page.
 */
const useInboxFilters = () => {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) || undefined;
  const filters: InboxFilters = {
    tab: INBOX_TABS.find((tab) => tab === params.get('tab')) ?? 'toSign',
    site: get('site'),
    category: CATEGORIES.find((category) => category === params.get('category')),
    from: get('from'),
    to: get('to'),
  };
  const change = (next: Partial<InboxFilters>) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next)) {
          if (value) updated.set(key, value);
          else updated.delete(key);
        }
        updated.delete('page');
        return updated;
      },
      { replace: true }
    );
  return { filters, change };
};

/**
 * A day as the address carries it (YYYY-MM-DD), from the picker's answer: the design system's
 * DatePicker answers the chosen day at the browser's local midnight.
 */
const isoDay = (date: Date) =>
  [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part, i) => String(part).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');

/**
 * The day in the address as the picker's value; nothing for what is not a date. The picker
 * reads its value's UTC day (a local midnight east of Greenwich would show the day before).
 */
const pickerDay = (value: string | undefined) => {
  const [year, month, day] = (value ?? '').split('-').map(Number);
  return year && month && day ? new Date(Date.UTC(year, month - 1, day)) : undefined;
};

/** 收到时间 from or to: a day in the group's time zone, picked on a calendar in Chinese. */
const DateField = ({
  name,
  label,
  value,
  onChange,
}: {
  name: FilterKey;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) => {
  const t = useT();
  return (
    <Field.Root name={name}>
      <Field.Label>{label}</Field.Label>
      <DatePicker
        aria-label={label}
        locale="zh-CN"
        value={pickerDay(value)}
        onChange={(date: Date | undefined) => onChange(date ? isoDay(date) : undefined)}
        onClear={() => onChange(undefined)}
        clearLabel={t('sites.searchClear')}
        placeholder={t('messages.filter.anyDay')}
      />
    </Field.Root>
  );
};

/** What 批量签收 did: how many were signed, and each one that was not with the reason. */
const BulkResult = ({
  signed,
  refused,
  rows,
  onClose,
}: {
  signed: number;
  refused: Array<{ id: number; reason: string }>;
  rows: Map<number, InboxItem>;
  onClose: () => void;
}) => {
  const t = useT();
  return (
    <Alert
      variant={refused.length === 0 ? 'success' : 'warning'}
      title={t('messages.bulk.result', { signed, refused: refused.length })}
      closeLabel={t('messages.case.close')}
      onClose={onClose}
      data-testid="bulk-result"
    >
      {refused.map(({ id, reason }) => (
        <Typography tag="p" key={id}>
          {t('messages.bulk.refused', {
            message: rows.get(id)?.caseNumber ?? rows.get(id)?.subject ?? String(id),
            reason: reason.replace(/\s*\([^()]*\)$/, ''),
          })}
        </Typography>
      ))}
    </Alert>
  );
};

/**
 * 留言办理: the messages of the user's sites by tab, narrowed by site, category, days received
 * and a search of subject or case number, a page at a time; 批量签收 of the messages to sign;
 * the list as an Excel file. Each row opens its case page. The list carries no contact data:
 * the case shows it, and audits the read.
 */
export const MessagesInboxPage = () => {
  const t = useT();
  const { formatDate } = useIntl();
  const { search } = useLocation();
  const { page } = usePageParam();
  const { filters, change } = useInboxFilters();
  // The search is typed: asked once the typing pauses, kept on the page (not in the address).
  const [q, setQ] = useState('');
  const typed = useDebounce(q.trim(), 300) || undefined;
  const applied = { ...filters, q: typed };
  const inbox = useInbox(applied, page);
  const bulk = useBulkSign();
  const { allowedActions } = useRBAC(HANDLE);
  // What was selected on another page, tab or filter is not what the user sees now.
  const listed = `${search}|${typed ?? ''}`;
  const [selection, setSelection] = useState<{ listed: string; ids: Set<number> }>({
    listed,
    ids: new Set(),
  });
  const selected = selection.listed === listed ? selection.ids : new Set<number>();
  const setSelected = (update: (current: Set<number>) => Set<number>) =>
    setSelection({ listed, ids: update(selected) });
  const [result, setResult] = useState<{
    signed: number;
    refused: Array<{ id: number; reason: string }>;
    rows: Map<number, InboxItem>;
  } | null>(null);
  const [bulkError, setBulkError] = useState<string | null>(null);
  const meta = inbox.data?.meta;
  const { zoneName } = useLocalTime();

  if (inbox.isError) return <Page.Error />;

  const rows = inbox.data?.data ?? [];
  const signable = filters.tab === 'toSign' && Boolean(allowedActions.canHandle);
  const columns = signable ? (['select', ...COLUMNS] as const) : COLUMNS;
  const timeZone = meta?.timezone;
  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const signSelected = async () => {
    setBulkError(null);
    const byId = new Map(rows.map((row) => [row.id, row]));
    try {
      const answer = await bulk.mutateAsync([...selected]);
      setResult({ signed: answer.signed.length, refused: answer.refused, rows: byId });
      setSelected(() => new Set());
    } catch (error) {
      setBulkError(apiErrorMessage(error) ?? t('review.failed'));
    }
  };
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));

  return (
    <Page.Main>
      <Page.Title>{t('messages.title')}</Page.Title>
      <Layouts.Header
        title={t('messages.title')}
        subtitle={t('messages.subtitleZone', { zone: zoneName })}
        primaryAction={
          <Flex gap={2}>
            {signable ? (
              <Button
                startIcon={<CheckCircle />}
                disabled={selected.size === 0}
                loading={bulk.isLoading}
                onClick={signSelected}
              >
                {t('messages.bulk.sign', { count: selected.size })}
              </Button>
            ) : null}
            <ExportButton
              url="/governance/messages/export"
              params={inboxQueryString(applied)}
              fileName={`${t('messages.exportName')}.xlsx`}
              icon={<FileXls />}
            >
              {t('messages.exportXlsx')}
            </ExportButton>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <ListTabs
            label={t('messages.title')}
            tabs={INBOX_TABS}
            value={filters.tab}
            onChange={(tab) => change({ tab })}
            name={(name) => t(`messages.tab.${name}`)}
            count={(name) => meta?.counts[name]}
          />
          <Typography variant="pi" textColor="neutral600">
            {t('messages.tabsOverlap')}
          </Typography>
          <Flex gap={3} alignItems="flex-end" wrap="wrap" data-testid="inbox-filters">
            <Box width="18rem">
              <SearchBox label={t('messages.search')} value={q} onChange={setQ} maxLength={50} />
            </Box>
            <FilterSelect
              label={t('messages.filter.site')}
              value={filters.site ?? ''}
              options={(meta?.sites ?? []).map((site) => [site.code, site.name] as const)}
              onChange={(site) => change({ site })}
              minWidth="14rem"
            />
            <FilterSelect
              label={t('messages.filter.category')}
              value={filters.category ?? ''}
              options={optionsOf(CATEGORIES, (category) => t(`messages.category.${category}`))}
              onChange={(category) => change({ category: category || undefined })}
              minWidth="9rem"
            />
            <DateField
              name="from"
              label={t('messages.filter.from')}
              value={filters.from}
              onChange={(from) => change({ from })}
            />
            <DateField
              name="to"
              label={t('messages.filter.to')}
              value={filters.to}
              onChange={(to) => change({ to })}
            />
          </Flex>
          {result ? <BulkResult {...result} onClose={() => setResult(null)} /> : null}
          {bulkError ? (
            <Typography textColor="danger600" tag="p">
              {bulkError}
            </Typography>
          ) : null}
          {signable && rows.length > 0 ? (
            <Checkbox
              checked={allSelected}
              onCheckedChange={() =>
                setSelected(() => (allSelected ? new Set() : new Set(rows.map((row) => row.id))))
              }
            >
              {t('messages.bulk.selectPage')}
            </Checkbox>
          ) : null}
          <ListTable
            prefix="messages.column"
            columns={columns}
            isLoading={inbox.isLoading}
            rows={rows}
            empty={t(`messages.empty.${filters.tab}`)}
            pagination={{
              pageCount: meta?.pagination.pageCount,
              total: meta?.pagination.total,
              pageSize: PAGE_SIZE,
            }}
            renderRow={(item) => (
              <Tr key={item.id}>
                {signable ? (
                  <Td>
                    <Checkbox
                      aria-label={t('messages.bulk.select', { subject: item.subject })}
                      checked={selected.has(item.id)}
                      onCheckedChange={() => toggle(item.id)}
                    />
                  </Td>
                ) : null}
                <Td>
                  <Typography textColor="neutral600">{item.caseNumber ?? '—'}</Typography>
                </Td>
                <Td>
                  <TextLink tag={NavLink} to={`${item.id}`} state={{ search }}>
                    {item.subject}
                  </TextLink>
                  {item.extensionPending ? (
                    <Typography variant="pi" textColor="warning600" tag="p">
                      {t('messages.tab.pendingExtension')}
                    </Typography>
                  ) : null}
                </Td>
                <Td>
                  <Typography>{item.site?.name ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{t(`messages.category.${item.category}`)}</Typography>
                </Td>
                <Td>
                  <Typography>
                    {formatDate(item.receivedAt, {
                      dateStyle: 'short',
                      timeStyle: 'short',
                      timeZone,
                    })}
                  </Typography>
                </Td>
                <Td>
                  <Typography>
                    {formatDate(item.dueAt, { dateStyle: 'short', timeZone })}
                  </Typography>
                </Td>
                <Td>
                  <Typography>
                    {item.workingDaysLeft === null
                      ? '—'
                      : item.workingDaysLeft === 0
                        ? t('messages.dueToday')
                        : t('messages.workingDays', { days: item.workingDaysLeft })}
                  </Typography>
                </Td>
                <Td>
                  <Typography textColor={item.daysOverdue ? 'danger600' : undefined}>
                    {item.daysOverdue === null
                      ? '—'
                      : t('messages.workingDays', { days: item.daysOverdue })}
                  </Typography>
                </Td>
                <Td>
                  <DeadlineBadge deadline={item.deadline} />
                </Td>
              </Tr>
            )}
          />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
