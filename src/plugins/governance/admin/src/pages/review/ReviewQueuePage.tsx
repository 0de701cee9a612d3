import { Flex, Link, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import {
  STEP_CAPACITIES,
  useReviewQueue,
  type QueueFilters,
  type QueueItem,
  type StepCapacity,
} from '../../api/review';
import { ListTable, type RowPlace } from '../../components/DataTable';
import { FilterSelect, optionsOf } from '../../components/FilterSelect';
import { ListTabs } from '../../components/ListTabs';
import { ReviewStatusBadge } from '../../components/ReviewStatusBadge';
import { useQueryChoice } from '../../hooks/useQueryChoice';
import { useT, type Translate } from '../../hooks/useT';
import { waited } from './waited';
import { PERMISSIONS } from '../../permissions';

const QUEUE_COLUMNS = ['title', 'site', 'state', 'step', 'submitter', 'waiting'] as const;

const TABS: QueueFilters['tab'][] = ['toReview', 'mine', 'all'];
const WAITING_DAYS = [1, 3, 7];

const QueueRow = ({ item, t, ...place }: { item: QueueItem; t: Translate } & RowPlace) => (
  <Tr {...place}>
    <Td>
      <Link
        tag={RouterLink}
        to={`/content-manager/collection-types/api::article.article/${item.documentId}`}
      >
        {item.title}
      </Link>
      {item.lastReason ? (
        <Typography variant="pi" textColor="danger600" tag="p">
          {t('review.reasonLabel')}：{item.lastReason}
        </Typography>
      ) : null}
    </Td>
    <Td>
      <Typography>{item.site.name}</Typography>
    </Td>
    <Td>
      <ReviewStatusBadge status={item.status} />
    </Td>
    <Td>
      <Typography>
        {item.step && item.capacity
          ? `${item.step}/${item.stepCount} ${t(`review.capacity.${item.capacity}`)}`
          : '—'}
      </Typography>
    </Td>
    <Td>
      <Typography>{item.submittedBy?.name ?? '—'}</Typography>
    </Td>
    <Td>
      <Typography>{waited(item.waitingSince, t)}</Typography>
    </Td>
  </Tr>
);

/**
 * 待我审核: the articles waiting at a step the user holds, what they submitted themselves, and
 * (for oversight) every open review of their sites; filtered by site, step and waiting time.
 */
export const ReviewQueuePage = () => {
  const decide = useRBAC(PERMISSIONS.reviewDecide);
  if (decide.isLoading) return <Page.Loading />;
  // Editors review nothing: their page opens on what they submitted.
  return <Queue tabs={decide.allowedActions.canDecide ? TABS : ['mine', 'all']} />;
};

const Queue = ({ tabs }: { tabs: QueueFilters['tab'][] }) => {
  const t = useT();
  // In the address: the home page links 待我审核 to its tab.
  const [tab, setTab] = useQueryChoice('tab', tabs, tabs[0]);
  const [site, setSite] = useState('');
  const [capacity, setCapacity] = useState<StepCapacity | ''>('');
  const [waitingDays, setWaitingDays] = useState('');
  const unfiltered = useReviewQueue({ tab });
  const queue = useReviewQueue({
    tab,
    site: site || undefined,
    capacity: capacity || undefined,
    waitingDays: waitingDays ? Number(waitingDays) : undefined,
  });

  const title = t(
    tabs.includes('toReview') ? 'review.queue.title' : 'review.queue.titleForEditors'
  );
  const sites = useMemo(() => {
    const byCode = new Map((unfiltered.data ?? []).map((item) => [item.site.code, item.site.name]));
    return [...byCode.entries()].sort((a, b) => a[1].localeCompare(b[1], 'zh'));
  }, [unfiltered.data]);

  if (queue.isError) return <Page.Error />;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={t(`review.queue.subtitle.${tab}`)} />
      <Layouts.Content>
        <ListTabs
          label={title}
          tabs={tabs}
          value={tab}
          onChange={setTab}
          name={(name) => t(`review.queue.tab.${name}`)}
        />
        <Flex gap={4} paddingTop={4} paddingBottom={4} wrap="wrap">
          <FilterSelect
            minWidth="200px"
            label={t('review.queue.filter.site')}
            value={site}
            options={sites}
            onChange={setSite}
          />
          <FilterSelect
            minWidth="180px"
            label={t('review.queue.filter.step')}
            value={capacity}
            options={optionsOf(STEP_CAPACITIES, (name) => t(`review.capacity.${name}`))}
            onChange={setCapacity}
          />
          <FilterSelect
            minWidth="180px"
            label={t('review.queue.filter.waiting')}
            value={waitingDays}
            options={WAITING_DAYS.map((days) => [
              String(days),
              t('review.queue.waitingAtLeast', { days }),
            ])}
            onChange={setWaitingDays}
          />
        </Flex>
        <ListTable
          prefix="review.queue.column"
          columns={QUEUE_COLUMNS}
          isLoading={queue.isLoading}
          rows={queue.data}
          empty={t(`review.queue.empty.${tab}`)}
          renderRow={(item) => <QueueRow key={item.documentId} item={item} t={t} />}
        />
      </Layouts.Content>
    </Page.Main>
  );
};
