import { Button, Flex, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useSubmissionAction, useSubmissions, type Submission } from '../../api/submissions';
import { ListTabs } from '../../components/ListTabs';
import { SubmissionStatusBadge } from '../../components/SubmissionStatusBadge';
import { WrapTd } from '../../components/WrapTd';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { usePageParam } from '../../hooks/usePageParam';
import { useT } from '../../hooks/useT';
import { CountingCell, SiteCell, TitleCell, WhenWho } from './SubmissionCells';
import { SubmissionTable } from './SubmissionTable';
import { useTimeZoneNote } from '../../components/TimeZoneNote';

const TABS = ['all', 'submitted', 'adopted', 'declined', 'withdrawn'] as const;
type Tab = (typeof TABS)[number];

/** What became of it: who decided when, and why it came back. */
const Decision = ({ item }: { item: Submission }) => {
  const t = useT();
  if (item.status === 'submitted') {
    return (
      <Typography textColor="neutral600">
        {item.waitingDays === 0
          ? t('submissions.outgoing.waitingToday')
          : t('submissions.outgoing.waiting', { days: item.waitingDays })}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <WhenWho
        at={item.decidedAt}
        by={
          item.decidedByName
            ? t(`submissions.decidedBy.${item.status}`, { name: item.decidedByName })
            : null
        }
      />
      {item.status === 'declined' && item.declineReason ? (
        <Typography variant="pi" textColor="danger600" data-testid="decline-reason">
          {t('submissions.declineReasonLabel')}：{item.declineReason}
        </Typography>
      ) : null}
    </Flex>
  );
};

/**
 * 我的报送: what the user's sites submitted upward, by state, with what the receiving site
 * decided and why it declined; 撤回 while nothing is decided.
 */
export const OutgoingSubmissionsPage = () => {
  const t = useT();
  const { withTimeZoneNote } = useTimeZoneNote();
  const notified = useNotifiedAction();
  const action = useSubmissionAction();
  const { page, restarting } = usePageParam();
  const [tab, setTab] = useState<Tab>('all');
  const list = useSubmissions('outgoing', { status: tab === 'all' ? undefined : tab, page });

  if (list.isError) return <Page.Error />;

  const withdraw = (item: Submission) =>
    notified(
      () => action.mutateAsync({ action: 'withdraw', id: item.id }),
      t('submissions.panel.withdrawn')
    );
  const rows = list.data?.data ?? [];
  const counts = list.data?.meta.counts;
  // A site's editors know their site; the source shows only when the list holds several (the province's).
  const showSource = new Set(rows.map((item) => item.sourceSite?.code)).size > 1;
  const columns = [
    'title',
    ...(showSource ? ['source'] : []),
    'target',
    'status',
    'submitted',
    'decision',
    'actions',
  ];

  return (
    <Page.Main>
      <Page.Title>{t('submissions.outgoing.title')}</Page.Title>
      <Layouts.Header
        title={t('submissions.outgoing.title')}
        subtitle={withTimeZoneNote(t('submissions.outgoing.subtitle'))}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <ListTabs
            label={t('submissions.outgoing.title')}
            tabs={TABS}
            value={tab}
            onChange={restarting(setTab)}
            name={(name) => t(`submissions.outgoing.tab.${name}`)}
            count={(name) => (name === 'submitted' ? counts?.outgoing : undefined)}
          />
          <SubmissionTable
            list={list}
            columns={columns}
            empty={t(`submissions.outgoing.empty.${tab}`)}
            renderRow={(item) => (
              <Tr key={item.id} data-testid={`submission-row-${item.id}`}>
                <WrapTd minWidth="14rem">
                  <TitleCell submission={item} linkToSource />
                </WrapTd>
                {showSource ? (
                  <Td>
                    <SiteCell site={item.sourceSite} />
                  </Td>
                ) : null}
                <Td>
                  <SiteCell site={item.targetSite} />
                </Td>
                <Td>
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <SubmissionStatusBadge status={item.status} />
                    <CountingCell submission={item} />
                  </Flex>
                </Td>
                <Td>
                  <WhenWho at={item.submittedAt} by={item.submittedByName} />
                </Td>
                <WrapTd minWidth="14rem">
                  <Decision item={item} />
                </WrapTd>
                <Td>
                  {item.status === 'submitted' ? (
                    <Button size="S" variant="tertiary" onClick={() => withdraw(item)}>
                      {t('submissions.withdraw')}
                    </Button>
                  ) : null}
                </Td>
              </Tr>
            )}
          />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
