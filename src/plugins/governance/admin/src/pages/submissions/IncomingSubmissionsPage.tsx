import {
  Alert,
  Box,
  Button,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  Tabs,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useQueryParams } from '@strapi/strapi/admin';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  SITE_LEVELS,
  adoptedDraftOf,
  articleEditPath,
  useSubmissionAction,
  useSubmissions,
  type SiteLevel,
  type Submission,
  type SubmissionFilters,
} from '../../api/submissions';
import { WrapTd } from '../../components/WrapTd';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';
import { AdoptDialog, DeclineDialog } from './DecisionDialogs';
import { SubmissionTable } from './SubmissionTable';
import { SiteCell, TitleCell, WaitingDays, WhenWho } from './SubmissionCells';

const TABS = ['submitted', 'adopted', 'declined'] as const;
type Tab = (typeof TABS)[number];
const WAITING_DAYS = [1, 3, 7, 15, 30];

/** The last column by tab: what waits is decided, what was decided says how. */
const COLUMNS: Record<Tab, string[]> = {
  submitted: ['title', 'source', 'submitter', 'note', 'submitted', 'waiting', 'actions'],
  adopted: ['title', 'source', 'submitter', 'note', 'submitted', 'adopted', 'draft'],
  declined: ['title', 'source', 'submitter', 'note', 'submitted', 'declined', 'reason'],
};

const Row = ({
  item,
  tab,
  onAdopt,
  onDecline,
}: {
  item: Submission;
  tab: Tab;
  onAdopt: (item: Submission) => void;
  onDecline: (item: Submission) => void;
}) => {
  const t = useT();
  return (
    <Tr data-testid={`submission-row-${item.id}`}>
      <WrapTd minWidth="14rem">
        <TitleCell submission={item} />
      </WrapTd>
      <Td>
        <SiteCell site={item.sourceSite} />
      </Td>
      <Td>
        <Typography>{item.submittedByName || '—'}</Typography>
      </Td>
      <WrapTd minWidth="10rem">
        <Typography textColor={item.note ? undefined : 'neutral500'}>{item.note || '—'}</Typography>
      </WrapTd>
      <Td>
        <WhenWho at={item.submittedAt} by={null} />
      </Td>
      {tab === 'submitted' ? (
        <>
          <Td>
            <WaitingDays days={item.waitingDays} />
          </Td>
          <Td>
            <Flex gap={2}>
              <Button size="S" variant="success-light" onClick={() => onAdopt(item)}>
                {t('submissions.adopt')}
              </Button>
              <Button size="S" variant="danger-light" onClick={() => onDecline(item)}>
                {t('submissions.decline')}
              </Button>
            </Flex>
          </Td>
        </>
      ) : (
        <Td>
          <WhenWho
            at={item.decidedAt}
            by={
              item.decidedByName
                ? t(`submissions.decidedBy.${item.status}`, { name: item.decidedByName })
                : null
            }
          />
        </Td>
      )}
      {tab === 'adopted' ? (
        <Td>
          {item.adoptedArticleDocumentId ? (
            <Link tag={RouterLink} to={articleEditPath(item.adoptedArticleDocumentId)}>
              {t('submissions.openDraft')}
            </Link>
          ) : (
            <Typography textColor="neutral500">—</Typography>
          )}
        </Td>
      ) : null}
      {tab === 'declined' ? (
        <WrapTd minWidth="12rem">
          <Typography textColor="danger600">{item.declineReason ?? '—'}</Typography>
        </WrapTd>
      ) : null}
    </Tr>
  );
};

/**
 * 报送信息: what the sites the user works for received, by state; filtered by the sending site's
 * level and code and by how long it has waited. 采用 makes a draft of the user's site (reviewed
 * there before it is published), 退回 sends it back with a reason.
 */
export const IncomingSubmissionsPage = () => {
  const t = useT();
  const notified = useNotifiedAction();
  const action = useSubmissionAction();
  const [{ query }, setQuery] = useQueryParams<{ page?: string }>();
  const page = Number(query.page ?? 1);
  const [tab, setTab] = useState<Tab>('submitted');
  const [level, setLevel] = useState<SiteLevel | ''>('');
  const [site, setSite] = useState('');
  const [minWaitingDays, setMinWaitingDays] = useState('');
  const [adopting, setAdopting] = useState<Submission | null>(null);
  const [declining, setDeclining] = useState<Submission | null>(null);
  const [adopted, setAdopted] = useState<{ title: string; documentId: string } | null>(null);

  const filters: SubmissionFilters = {
    status: tab,
    level: level || undefined,
    site: site || undefined,
    minWaitingDays: tab === 'submitted' && minWaitingDays ? Number(minWaitingDays) : undefined,
    page,
  };
  const list = useSubmissions('incoming', filters);
  // The sites to choose from: those that sent what this tab holds, at the chosen level.
  const unfiltered = useSubmissions('incoming', { status: tab, level: level || undefined });
  const sites = useMemo(() => {
    const byCode = new Map(
      (unfiltered.data?.data ?? []).flatMap((item) =>
        item.sourceSite ? [[item.sourceSite.code, item.sourceSite.name]] : []
      )
    );
    if (site && !byCode.has(site)) byCode.set(site, site);
    return [...byCode.entries()].sort((a, b) => a[1].localeCompare(b[1], 'zh'));
  }, [unfiltered.data, site]);

  if (list.isError) return <Page.Error />;

  /** A filter change starts again at the first page. */
  const refilter = (change: () => void) => {
    change();
    if (page !== 1) setQuery({ page: '1' }, 'push', true);
  };

  // On success the page offers the new draft: the adopter usually goes on to edit and send it to review.
  const adopt = (item: Submission) =>
    notified(
      async () => {
        const draft = adoptedDraftOf(await action.mutateAsync({ action: 'adopt', id: item.id }));
        if (draft) setAdopted({ title: item.title, documentId: draft });
      },
      t('submissions.adopt.done', { title: item.title })
    );
  const decline = (item: Submission, reason: string) =>
    notified(
      () => action.mutateAsync({ action: 'decline', id: item.id, reason }),
      t('submissions.decline.done', { title: item.title })
    );

  const counts = list.data?.meta.counts;
  const columns = COLUMNS[tab];

  return (
    <Page.Main>
      <Page.Title>{t('submissions.incoming.title')}</Page.Title>
      <Layouts.Header
        title={t('submissions.incoming.title')}
        subtitle={t('submissions.incoming.subtitle')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {adopted ? (
            <Alert
              variant="success"
              title={t('submissions.adopted.title')}
              closeLabel={t('common.close')}
              onClose={() => setAdopted(null)}
              action={
                <Link tag={RouterLink} to={articleEditPath(adopted.documentId)}>
                  {t('submissions.openDraft')}
                </Link>
              }
              data-testid="submission-adopted"
            >
              {t('submissions.adopted.body', { title: adopted.title })}
            </Alert>
          ) : null}
          <Tabs.Root
            value={tab}
            onValueChange={(value: string) => refilter(() => setTab(value as Tab))}
          >
            <Tabs.List aria-label={t('submissions.incoming.title')}>
              {TABS.map((name) => (
                <Tabs.Trigger key={name} value={name}>
                  {t(`submissions.incoming.tab.${name}`)}
                  {name === 'submitted' && counts ? ` (${counts.incoming})` : ''}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
          </Tabs.Root>
          <Flex gap={4} wrap="wrap">
            <Box minWidth="180px">
              <SingleSelect
                aria-label={t('submissions.filter.level')}
                placeholder={t('submissions.filter.level')}
                value={level}
                onChange={(value: string | number) =>
                  refilter(() => setLevel(String(value) as SiteLevel))
                }
                onClear={() => refilter(() => setLevel(''))}
              >
                {SITE_LEVELS.map((name) => (
                  <SingleSelectOption key={name} value={name}>
                    {t(`level.${name}`)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Box minWidth="200px">
              <SingleSelect
                aria-label={t('submissions.filter.site')}
                placeholder={t('submissions.filter.site')}
                value={site}
                onChange={(value: string | number) => refilter(() => setSite(String(value)))}
                onClear={() => refilter(() => setSite(''))}
              >
                {sites.map(([code, name]) => (
                  <SingleSelectOption key={code} value={code}>
                    {name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            {tab === 'submitted' ? (
              <Box minWidth="180px">
                <SingleSelect
                  aria-label={t('submissions.filter.waiting')}
                  placeholder={t('submissions.filter.waiting')}
                  value={minWaitingDays}
                  onChange={(value: string | number) =>
                    refilter(() => setMinWaitingDays(String(value)))
                  }
                  onClear={() => refilter(() => setMinWaitingDays(''))}
                >
                  {WAITING_DAYS.map((days) => (
                    <SingleSelectOption key={days} value={String(days)}>
                      {t('submissions.filter.waitingAtLeast', { days })}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Box>
            ) : null}
          </Flex>
          <SubmissionTable
            list={list}
            columns={columns}
            empty={t(`submissions.incoming.empty.${tab}`)}
            renderRow={(item) => (
              <Row
                key={item.id}
                item={item}
                tab={tab}
                onAdopt={setAdopting}
                onDecline={setDeclining}
              />
            )}
          />
        </Flex>
        {adopting ? (
          <AdoptDialog
            submission={adopting}
            onConfirm={() => adopt(adopting)}
            onClose={() => setAdopting(null)}
          />
        ) : null}
        {declining ? (
          <DeclineDialog
            submission={declining}
            onConfirm={(reason) => decline(declining, reason)}
            onClose={() => setDeclining(null)}
          />
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
};
