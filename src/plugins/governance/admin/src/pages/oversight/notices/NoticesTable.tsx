import {
  Badge,
  EmptyStateLayout,
  Flex,
  Link,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { useInspectionNotices, type InspectionNotice } from '../../../api/oversightNotices';
import { articleEditPath } from '../../../api/submissions';
import { WrapTd } from '../../../components/WrapTd';
import { useT } from '../../../hooks/useT';
import { WhenWho } from '../../submissions/SubmissionCells';
import { useOversightFormat } from '../format';
import { ColumnHeads } from '../../../components/ColumnHeads';

const COLUMNS = ['title', 'period', 'named', 'created', 'state', 'rectifications'] as const;

/** 已发布 on its date, or 待发布 while the article is still edited or reviewed. */
const PublishedCell = ({ notice }: { notice: InspectionNotice }) => {
  const t = useT();
  const { formatDate } = useIntl();
  if (!notice.publishedAt)
    return (
      <Badge textColor="neutral700" backgroundColor="neutral150">
        {t('oversight.notice.state.pending')}
      </Badge>
    );
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Badge textColor="success600" backgroundColor="success100">
        {t('oversight.notice.state.published')}
      </Badge>
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
  if (notices.isLoading) return <Page.Loading />;
  if (notices.isError) return <Page.Error />;
  const rows = notices.data ?? [];
  if (rows.length === 0) return <EmptyStateLayout content={t('oversight.notice.list.empty')} />;
  return (
    <Table colCount={COLUMNS.length} rowCount={rows.length + 1}>
      <ColumnHeads prefix="oversight.notice.column" columns={COLUMNS} />
      <Tbody>
        {rows.map((notice) => (
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
        ))}
      </Tbody>
    </Table>
  );
};
