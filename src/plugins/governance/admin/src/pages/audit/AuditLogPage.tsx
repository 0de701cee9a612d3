import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Download, Shield } from '@strapi/icons';
import { Layouts, Page, Pagination, useDebounce, useQueryParams } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import {
  auditQueryString,
  useAuditLog,
  useVerifyAudit,
  type AuditEntry,
  type AuditFilters,
} from '../../api/audit';
import { WrapTd } from '../../components/WrapTd';
import { useDownload } from '../../hooks/useDownload';
import { apiErrorMessage, useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useNameOf, useT } from '../../hooks/useT';
import { AuditFilterBar } from './AuditFilterBar';
import { VerifyResult } from './VerifyResult';
import { ColumnHeads } from '../../components/ColumnHeads';

const COLUMNS = ['seq', 'at', 'action', 'actor', 'subject', 'summary', 'ip'] as const;
const PAGE_SIZE = 50;

/** Failures and lockouts stand out in the list. */
const ALARMING = new Set([
  'login.failure',
  'login.failureSummary',
  'account.locked',
  'account.forceChange',
  'account.disabled',
  'account.refused',
  'audit.purge',
]);

const EntryRow = ({ entry }: { entry: AuditEntry }) => {
  const { formatDate } = useIntl();
  const actionName = useNameOf('audit.action');
  return (
    <Tr>
      <Td>
        <Typography textColor="neutral600">{entry.seq}</Typography>
      </Td>
      {/* The date above the time. */}
      <WrapTd>
        <Typography>{formatDate(entry.at, { dateStyle: 'short', timeStyle: 'medium' })}</Typography>
      </WrapTd>
      <Td>
        <Badge
          {...(ALARMING.has(entry.action)
            ? { backgroundColor: 'danger100', textColor: 'danger700' }
            : {})}
        >
          {actionName(entry.action)}
        </Badge>
      </Td>
      <Td>
        <Typography>{entry.actorName}</Typography>
      </Td>
      <WrapTd minWidth="16rem">
        <Typography>{entry.subject ?? '—'}</Typography>
      </WrapTd>
      <WrapTd>
        <Typography>{entry.summary}</Typography>
      </WrapTd>
      <Td>
        <Typography textColor="neutral600">{entry.ip ?? '—'}</Typography>
      </Td>
    </Tr>
  );
};

/**
 * 操作日志: the append-only audit trail, newest first, filtered by action, actor and dates, with
 * a CSV export, a check of its keyed hash chain against the signed checkpoints, and the
 * checkpoints' download. The page number lives in the address (Strapi's
 * pagination links), the filters on the page.
 */
export const AuditLogPage = () => {
  const t = useT();
  const notified = useNotifiedAction();
  const download = useDownload();
  const [{ query }, setQuery] = useQueryParams<{ page?: string }>();
  const page = Number(query.page ?? 1);
  const [filters, setFilters] = useState<AuditFilters>({});
  // The actor is typed: ask once the typing pauses.
  const actor = useDebounce(filters.actor?.trim(), 300) || undefined;
  const applied = { ...filters, actor };
  const log = useAuditLog(applied, page);
  const verify = useVerifyAudit();

  if (log.isError) return <Page.Error />;

  const changeFilters = (next: AuditFilters) => {
    setFilters(next);
    // Back to the first page, without a history entry per keystroke.
    if (page !== 1) setQuery({ page: '1' }, 'push', true);
  };
  const exportCsv = () =>
    notified(
      () =>
        download('/governance/audit/export', auditQueryString(applied), `${t('audit.title')}.csv`),
      t('common.exported'),
      t('common.exportFailed')
    );
  // The signed checkpoints, to keep outside the server: they show later that the log was cut short.
  const downloadCheckpoints = () =>
    notified(
      () => download('/governance/audit/checkpoints', '', 'audit-checkpoints.jsonl'),
      t('audit.checkpointsDownloaded'),
      t('audit.checkpointsFailed')
    );
  const pagination = log.data?.meta.pagination;

  return (
    <Page.Main>
      <Page.Title>{t('audit.title')}</Page.Title>
      <Layouts.Header
        title={t('audit.title')}
        subtitle={pagination ? t('audit.subtitle', { total: pagination.total }) : undefined}
        primaryAction={
          <Flex gap={2}>
            <Button variant="secondary" startIcon={<Download />} onClick={exportCsv}>
              {t('common.exportCsv')}
            </Button>
            <Button variant="secondary" startIcon={<Download />} onClick={downloadCheckpoints}>
              {t('audit.downloadCheckpoints')}
            </Button>
            <Button
              startIcon={<Shield />}
              onClick={() => verify.mutate()}
              loading={verify.isLoading}
            >
              {t('audit.verify')}
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {verify.data ? (
            <VerifyResult result={verify.data} onClose={() => verify.reset()} />
          ) : null}
          {verify.isError ? (
            <Typography textColor="danger600">
              {apiErrorMessage(verify.error) ?? t('audit.verify.failed')}
            </Typography>
          ) : null}
          <AuditFilterBar
            filters={filters}
            actions={log.data?.meta.actions ?? []}
            onChange={changeFilters}
          />
          {log.isLoading ? (
            <Page.Loading />
          ) : log.data && log.data.data.length > 0 ? (
            <Box>
              <Table colCount={COLUMNS.length} rowCount={log.data.data.length + 1}>
                <ColumnHeads prefix="audit.column" columns={COLUMNS} />
                <Tbody>
                  {log.data.data.map((entry) => (
                    <EntryRow key={entry.seq} entry={entry} />
                  ))}
                </Tbody>
              </Table>
              <Pagination.Root
                pageCount={pagination?.pageCount}
                total={pagination?.total}
                defaultPageSize={PAGE_SIZE}
              >
                <Pagination.Links />
              </Pagination.Root>
            </Box>
          ) : (
            <EmptyStateLayout content={t('audit.empty')} />
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
