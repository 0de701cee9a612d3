import { Flex, Link, Td, Tr, Typography } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import { useInspectionNotices, type InspectionNotice } from '../../../api/oversightNotices';
import { articleEditPath } from '../../../api/submissions';
import { ListTable } from '../../../components/DataTable';
import { ToneBadge } from '../../../components/ToneBadge';
import { WrapTd } from '../../../components/WrapTd';
import { useT } from '../../../hooks/useT';
import { WhenWho } from '../../submissions/SubmissionCells';
import { useOversightFormat } from '../format';
import { useLocalTime } from '../../../hooks/useLocalTime';

const COLUMNS = ['title', 'period', 'named', 'created', 'state', 'rectifications'] as const;

/** 已发布 on its date, or 待发布 while the article is still edited or reviewed. */
const PublishedCell = ({ notice }: { notice: InspectionNotice }) => {
  const t = useT();
  const { formatDate } = useLocalTime();
  if (!notice.publishedAt)
    return <ToneBadge tone="neutral">{t('oversight.notice.state.pending')}</ToneBadge>;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <ToneBadge tone="success">{t('oversight.notice.state.published')}</ToneBadge>
      <Typography variant="pi" textColor="neutral600">
        {formatDate(notice.publishedAt, { dateStyle: 'short', timeStyle: 'short' })}
      </Typography>
    </Flex>
  );
};

/** The tasks exist once the article is published. */
const RectificationsCell = ({ notice }: { notice: InspectionNotice }) => {
  const t = useT();
  if (!notice.publishedAt)
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('oversight.notice.rectifications.afterPublishing')}
      </Typography>
    );
  const { closed, total } = notice.rectifications;
  return (
    <Typography textColor={total > 0 && closed === total ? 'success600' : undefined}>
      {t('oversight.notice.rectifications.closed', { closed, total })}
    </Typography>
  );
};

/** 已生成的通报: each notice with its article, and how far the sites it named have got. */
export const NoticesTable = () => {
  const t = useT();
  const formatDay = useOversightFormat().localDate;
  const notices = useInspectionNotices();
  if (notices.isError) return <Page.Error />;
  return (
    <ListTable
      prefix="oversight.notice.column"
      columns={COLUMNS}
      isLoading={notices.isLoading}
      rows={notices.data}
      empty={t('oversight.notice.list.empty')}
      renderRow={(notice) => (
        <Tr key={notice.id} data-testid={`inspection-notice-${notice.id}`}>
          <WrapTd minWidth="16rem">
            <Link tag={RouterLink} to={articleEditPath(notice.articleDocumentId)}>
              {notice.title}
            </Link>
          </WrapTd>
          <WrapTd minWidth="10rem">
            <Typography>
              {t('oversight.notice.periodRange', {
                from: formatDay(notice.period.from),
                to: formatDay(notice.period.to),
              })}
            </Typography>
          </WrapTd>
          <Td>
            <Typography>
              {t('oversight.notice.namedCount', { count: notice.named.length })}
            </Typography>
          </Td>
          <Td>
            <WhenWho at={notice.createdAt} by={notice.createdBy} />
          </Td>
          <Td>
            <PublishedCell notice={notice} />
          </Td>
          <Td>
            <RectificationsCell notice={notice} />
          </Td>
        </Tr>
      )}
    />
  );
};
