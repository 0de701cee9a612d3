import { Box, Button, Flex, Link, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  RECTIFICATION_STATUSES,
  useRectifications,
  type Rectification,
  type RectificationStatus,
} from '../../../api/oversightNotices';
import { articleEditPath } from '../../../api/submissions';
import { ListTable } from '../../../components/DataTable';
import { FilterSelect } from '../../../components/FilterSelect';
import { ListTabs } from '../../../components/ListTabs';
import { WrapTd } from '../../../components/WrapTd';
import { useT } from '../../../hooks/useT';
import { PERMISSIONS } from '../../../permissions';
import {
  DeadlineCell,
  EvidenceCell,
  RectificationStatusBadge,
  ReviewCell,
  SentenceList,
} from './RectificationCells';
import { EvidenceDialog, ReviewDialog } from './RectificationDialogs';
import { useTimeZoneNote } from '../../../components/TimeZoneNote';

const COLUMNS = [
  'site',
  'notice',
  'problems',
  'deadline',
  'status',
  'evidence',
  'review',
  'actions',
] as const;

/** What the user may do: read every site's tasks (the province), report on their sites', accept or return. */
interface Abilities {
  allSites: boolean;
  report: boolean;
  review: boolean;
}

type Dialog = { task: Rectification; kind: 'evidence' | 'accept' | 'return' };

const Row = ({
  task,
  can,
  onOpen,
}: {
  task: Rectification;
  can: Abilities;
  onOpen: (dialog: Dialog) => void;
}) => {
  const t = useT();
  return (
    <Tr data-testid={`rectification-row-${task.id}`}>
      <WrapTd minWidth="9rem">
        <Typography fontWeight="semiBold">{task.site.name}</Typography>
      </WrapTd>
      <WrapTd minWidth="12rem">
        {/* The notice is a portal article: only the province may open it in the Content Manager. */}
        {can.allSites ? (
          <Link tag={RouterLink} to={articleEditPath(task.notice.articleDocumentId)}>
            {task.notice.title}
          </Link>
        ) : (
          <Typography>{task.notice.title}</Typography>
        )}
      </WrapTd>
      <WrapTd minWidth="16rem">
        <Box paddingTop={2} paddingBottom={2}>
          <SentenceList sentences={task.problems} />
        </Box>
      </WrapTd>
      <Td>
        <DeadlineCell task={task} />
      </Td>
      <Td>
        <RectificationStatusBadge status={task.status} />
      </Td>
      <WrapTd minWidth="14rem">
        <Box paddingTop={2} paddingBottom={2}>
          <EvidenceCell task={task} />
        </Box>
      </WrapTd>
      <WrapTd minWidth="10rem">
        <ReviewCell task={task} />
      </WrapTd>
      {can.report || can.review ? (
        <Td>
          <Flex gap={2}>
            {can.report && task.status === 'open' ? (
              <Button size="S" onClick={() => onOpen({ task, kind: 'evidence' })}>
                {t('oversight.rectification.evidence.button')}
              </Button>
            ) : null}
            {can.review && task.status === 'submitted' ? (
              <>
                <Button
                  size="S"
                  variant="success-light"
                  onClick={() => onOpen({ task, kind: 'accept' })}
                >
                  {t('oversight.rectification.accept.button')}
                </Button>
                <Button
                  size="S"
                  variant="danger-light"
                  onClick={() => onOpen({ task, kind: 'return' })}
                >
                  {t('oversight.rectification.return.button')}
                </Button>
              </>
            ) : null}
          </Flex>
        </Td>
      ) : null}
    </Tr>
  );
};

const RectificationList = ({ can }: { can: Abilities }) => {
  const t = useT();
  // The province starts at what waits for its acceptance, site members at what they must fix.
  const [{ query }, setQuery] = useQueryParams<{ status?: string; site?: string }>();
  const status: RectificationStatus = RECTIFICATION_STATUSES.includes(
    query.status as RectificationStatus
  )
    ? (query.status as RectificationStatus)
    : can.review
      ? 'submitted'
      : 'open';
  const site = query.site || undefined;
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const list = useRectifications({ status, site });
  // The sites to choose from: those with tasks in this tab, and the one chosen (kept across tabs).
  const unfiltered = useRectifications({ status });
  // Every site name seen in any tab: the chosen site keeps its name in a tab without its tasks.
  // Updated while rendering (React's pattern for state derived from earlier renders).
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const seen = [...(unfiltered.data ?? []), ...(list.data ?? [])];
  if (seen.some((task) => names.get(task.site.documentId) !== task.site.name)) {
    setNames(
      new Map([...names, ...seen.map((task) => [task.site.documentId, task.site.name] as const)])
    );
  }
  const sites = useMemo(() => {
    const ids = new Set((unfiltered.data ?? []).map((task) => task.site.documentId));
    if (site) ids.add(site);
    return [...ids]
      .map((id) => [id, names.get(id) ?? id] as const)
      .sort((a, b) => a[1].localeCompare(b[1], 'zh'));
  }, [unfiltered.data, names, site]);
  const columns = COLUMNS.filter((column) => column !== 'actions' || can.report || can.review);

  if (list.isError) return <Page.Error />;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <ListTabs
        label={t('oversight.rectification.title')}
        tabs={RECTIFICATION_STATUSES}
        value={status}
        onChange={(tab) => setQuery({ status: tab })}
        name={(tab) => t(`oversight.rectification.tab.${tab}`)}
      />
      {/* A site member of a single site has nothing to choose. */}
      {can.allSites || sites.length > 1 ? (
        <FilterSelect
          width="20rem"
          label={t('oversight.rectification.filter.site')}
          value={site ?? ''}
          options={sites}
          onChange={(value) => setQuery({ site: value || undefined })}
        />
      ) : null}
      <ListTable
        prefix="oversight.rectification.column"
        columns={columns}
        isLoading={list.isLoading}
        rows={list.data}
        empty={t(`oversight.rectification.empty.${status}`)}
        renderRow={(task) => <Row key={task.id} task={task} can={can} onOpen={setDialog} />}
      />
      {dialog?.kind === 'evidence' ? (
        <EvidenceDialog task={dialog.task} onClose={() => setDialog(null)} />
      ) : null}
      {dialog && dialog.kind !== 'evidence' ? (
        <ReviewDialog
          task={dialog.task}
          accept={dialog.kind === 'accept'}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Flex>
  );
};

/**
 * 整改任务: the tasks a published 监测通报 gave the sites it named. Provincial admins see every
 * site's and accept or return what the sites report; site members see their own sites' and
 * report what they fixed.
 */
export const RectificationsPage = () => {
  const t = useT();
  const { withTimeZoneNote } = useTimeZoneNote();
  const read = useRBAC(PERMISSIONS.oversightRead);
  const manage = useRBAC(PERMISSIONS.oversightManage);
  const own = useRBAC(PERMISSIONS.oversightOwn);
  if (read.isLoading || manage.isLoading || own.isLoading) return <Page.Loading />;
  const can: Abilities = {
    allSites: read.allowedActions.canRead,
    report: own.allowedActions.canOwn,
    review: manage.allowedActions.canManage,
  };
  return (
    <Page.Main>
      <Page.Title>{t('oversight.rectification.title')}</Page.Title>
      <Layouts.Header
        title={t('oversight.rectification.title')}
        subtitle={withTimeZoneNote(
          t(
            can.allSites
              ? 'oversight.rectification.subtitle.all'
              : 'oversight.rectification.subtitle.own'
          )
        )}
      />
      <Layouts.Content>
        <RectificationList can={can} />
      </Layouts.Content>
    </Page.Main>
  );
};
