import { Badge, Button, Flex, Td, Tr, Typography } from '@strapi/design-system';
import { Download, Shield } from '@strapi/icons';
import { Layouts, Page, useDebounce } from '@strapi/strapi/admin';
import { useState } from 'react';
import {
  auditQueryString,
  useAuditLog,
  useVerifyAudit,
  type AuditEntry,
  type AuditFilters,
} from '../../api/audit';
import { ListTable } from '../../components/DataTable';
import { ExportButton } from '../../components/ExportButton';
import { WrapTd } from '../../components/WrapTd';
import { useDownload } from '../../hooks/useDownload';
import { apiErrorMessage, useNotifiedAction } from '../../hooks/useNotifiedAction';
import { usePageParam } from '../../hooks/usePageParam';
import { useT } from '../../hooks/useT';
import { ALARMING_AUDIT_ACTIONS } from '../../../../shared/contracts/audit';
import { AuditFilterBar } from './AuditFilterBar';
import { VerifyResult } from './VerifyResult';
import { useLocalTime } from '../../hooks/useLocalTime';
import { useTimeZoneNote } from '../../components/TimeZoneNote';

const COLUMNS = ['seq', 'at', 'action', 'sentence', 'ip'] as const;
const PAGE_SIZE = 50;

/** One entry: when, what (a badge, red for failures and lockouts), the sentence, from where. */
const EntryRow = ({ entry }: { entry: AuditEntry }) => {
  const { formatDate } = useLocalTime();
  return (
    <Tr>
      <Td>
        <Typography textColor="neutral600">{entry.seq}</Typography>
      </Td>
      {/* The date above the time. */}
      <WrapTd>
        <Typography>
          {formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'medium' })}
        </Typography>
      </WrapTd>
      <Td>
        <Badge
          {...(ALARMING_AUDIT_ACTIONS.has(entry.action)
            ? { backgroundColor: 'danger100', textColor: 'danger700' }
            : {})}
        >
          {entry.actionName}
        </Badge>
      </Td>
      <WrapTd minWidth="24rem">
        <Typography>{entry.sentence}</Typography>
      </WrapTd>
      <Td>
        <Typography textColor="neutral600">{entry.ip ?? '—'}</Typography>
      </Td>
    </Tr>
  );
};

/**
 * 操作日志: the append-only audit trail, newest first, each entry a sentence naming who did what
 * to which object (张敏（站点编辑）将《…》报送至…), filtered by action, actor and dates, with an
 * Excel export, a check of its keyed hash chain against the signed checkpoints, and the
 * checkpoints' download. The page number lives in the address (Strapi's
 * pagination links), the filters on the page.
 */
export const AuditLogPage = () => {
  const t = useT();
  const notified = useNotifiedAction();
  const download = useDownload();
  const { withTimeZoneNote } = useTimeZoneNote();
  const { page, restarting } = usePageParam();
  const [filters, setFilters] = useState<AuditFilters>({});
  // The actor is typed: ask once the typing pauses.
  const actor = useDebounce(filters.actor?.trim(), 300) || undefined;
  const applied = { ...filters, actor };
  const log = useAuditLog(applied, page);
  const verify = useVerifyAudit();

  if (log.isError) return <Page.Error />;

  // The signed checkpoints, to keep outside the server: they show later that the log was cut short.
  const downloadCheckpoints = () =>
    notified(
      () => download('/governance/audit/checkpoints', '', t('audit.checkpointsFileName')),
      t('audit.checkpointsDownloaded'),
      t('audit.checkpointsFailed')
    );
  const pagination = log.data?.meta.pagination;

  return (
    <Page.Main>
      <Page.Title>{t('audit.title')}</Page.Title>
      <Layouts.Header
        title={t('audit.title')}
        subtitle={withTimeZoneNote(
          pagination ? t('audit.subtitle', { total: pagination.total }) : undefined
        )}
        primaryAction={
          <Flex gap={2}>
            <ExportButton
              url="/governance/audit/export"
              params={auditQueryString(applied)}
              fileName={`${t('audit.title')}.xlsx`}
            >
              {t('common.exportXlsx')}
            </ExportButton>
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
          <AuditFilterBar filters={filters} onChange={restarting(setFilters)} />
          <ListTable
            prefix="audit.column"
            columns={COLUMNS}
            isLoading={log.isLoading}
            rows={log.data?.data}
            empty={t('audit.empty')}
            renderRow={(entry) => <EntryRow key={entry.seq} entry={entry} />}
            pagination={{
              pageCount: pagination?.pageCount,
              total: pagination?.total,
              pageSize: PAGE_SIZE,
            }}
          />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
