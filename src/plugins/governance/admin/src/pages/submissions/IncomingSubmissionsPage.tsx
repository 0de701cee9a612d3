import { Alert, Button, Flex, Link, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
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
} from '../../api/submissions';
import { FilterSelect, optionsOf, type FilterOptions } from '../../components/FilterSelect';
import { ListTabs } from '../../components/ListTabs';
import { WrapTd } from '../../components/WrapTd';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { usePageParam } from '../../hooks/usePageParam';
import { useT } from '../../hooks/useT';
import { AdoptDialog, DeclineDialog } from './DecisionDialogs';
import { SubmissionTable } from './SubmissionTable';
import { CountingCell, SiteCell, TitleCell, WaitingDays, WhenWho } from './SubmissionCells';
import { useTimeZoneNote } from '../../components/TimeZoneNote';

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
          <Flex direction="column" alignItems="flex-start" gap={1}>
            {item.adoptedArticleDocumentId && item.events.at(-1)?.how !== 'deleted' ? (
              <Link tag={RouterLink} to={articleEditPath(item.adoptedArticleDocumentId)}>
                {t('submissions.openDraft')}
              </Link>
            ) : null}
            <CountingCell submission={item} />
          </Flex>
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

interface Filters {
  level: SiteLevel | '';
  site: string;
  minWaitingDays: string;
}

/** 报送网站级别, 报送网站 and, for what waits, 等待时间. */
const IncomingFilters = ({
  tab,
  filters,
  sites,
  onChange,
}: {
  tab: Tab;
  filters: Filters;
  /** The sites to choose from. */
  sites: FilterOptions<string>;
  onChange: (change: Partial<Filters>) => void;
}) => {
  const t = useT();
  return (
    <Flex gap={4} wrap="wrap">
      <FilterSelect
        minWidth="180px"
        label={t('submissions.filter.level')}
        value={filters.level}
        options={optionsOf(SITE_LEVELS, (level) => t(`level.${level}`))}
        onChange={(level) => onChange({ level })}
      />
      <FilterSelect
        minWidth="200px"
        label={t('submissions.filter.site')}
        value={filters.site}
        options={sites}
        onChange={(site) => onChange({ site })}
      />
      {tab === 'submitted' ? (
        <FilterSelect
          minWidth="180px"
          label={t('submissions.filter.waiting')}
          value={filters.minWaitingDays}
          options={WAITING_DAYS.map((days) => [
            String(days),
            t('submissions.filter.waitingAtLeast', { days }),
          ])}
          onChange={(minWaitingDays) => onChange({ minWaitingDays })}
        />
      ) : null}
    </Flex>
  );
};

/** Says the draft is made, with the way to it: the adopter usually goes on to edit and send it to review. */
const AdoptedAlert = ({
  adopted,
  onClose,
}: {
  adopted: { title: string; documentId: string };
  onClose: () => void;
}) => {
  const t = useT();
  return (
    <Alert
      variant="success"
      title={t('submissions.adopted.title')}
      closeLabel={t('common.close')}
      onClose={onClose}
      action={
        <Link tag={RouterLink} to={articleEditPath(adopted.documentId)}>
          {t('submissions.openDraft')}
        </Link>
      }
      data-testid="submission-adopted"
    >
      {t('submissions.adopted.body', { title: adopted.title })}
    </Alert>
  );
};

/**
 * 报送信息: what the sites the user works for received, by state; filtered by the sending site's
 * level and code and by how long it has waited. 采用 makes a draft of the user's site (reviewed
 * there before it is published), 退回 sends it back with a reason.
 */
export const IncomingSubmissionsPage = () => {
  const t = useT();
  const { withTimeZoneNote } = useTimeZoneNote();
  const notified = useNotifiedAction();
  const action = useSubmissionAction();
  const { page, restarting } = usePageParam();
  const [tab, setTab] = useState<Tab>('submitted');
  const [filters, setFilters] = useState<Filters>({ level: '', site: '', minWaitingDays: '' });
  const [adopting, setAdopting] = useState<Submission | null>(null);
  const [declining, setDeclining] = useState<Submission | null>(null);
  const [adopted, setAdopted] = useState<{ title: string; documentId: string } | null>(null);
  const { level, site, minWaitingDays } = filters;

  const list = useSubmissions('incoming', {
    status: tab,
    level: level || undefined,
    site: site || undefined,
    minWaitingDays: tab === 'submitted' && minWaitingDays ? Number(minWaitingDays) : undefined,
    page,
  });
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

  const refilter = restarting((change: Partial<Filters>) =>
    setFilters((current) => ({ ...current, ...change }))
  );

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

  return (
    <Page.Main>
      <Page.Title>{t('submissions.incoming.title')}</Page.Title>
      <Layouts.Header
        title={t('submissions.incoming.title')}
        subtitle={withTimeZoneNote(t('submissions.incoming.subtitle'))}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {adopted ? <AdoptedAlert adopted={adopted} onClose={() => setAdopted(null)} /> : null}
          <ListTabs
            label={t('submissions.incoming.title')}
            tabs={TABS}
            value={tab}
            onChange={restarting(setTab)}
            name={(name) => t(`submissions.incoming.tab.${name}`)}
            count={(name) => (name === 'submitted' ? counts?.incoming : undefined)}
          />
          <IncomingFilters tab={tab} filters={filters} sites={sites} onChange={refilter} />
          <SubmissionTable
            list={list}
            columns={COLUMNS[tab]}
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
