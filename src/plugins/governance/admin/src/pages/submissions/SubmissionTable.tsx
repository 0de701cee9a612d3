import { Box, EmptyStateLayout, Table, Tbody } from '@strapi/design-system';
import { Page, Pagination } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import type { Submission, SubmissionPage } from '../../api/submissions';
import { ColumnHeads } from '../../components/ColumnHeads';

/** The server's page size for both submission lists. */
const PAGE_SIZE = 20;

/**
 * A page of submissions as a table, its column headings named `submissions.column.<column>`,
 * with pagination; `empty` while there are none. Shared by 报送信息 and 我的报送.
 */
export const SubmissionTable = ({
  list,
  columns,
  empty,
  renderRow,
}: {
  list: { isLoading: boolean; data?: SubmissionPage };
  columns: string[];
  empty: string;
  renderRow: (item: Submission) => ReactNode;
}) => {
  if (list.isLoading) return <Page.Loading />;
  const rows = list.data?.data ?? [];
  const pagination = list.data?.meta.pagination;
  if (rows.length === 0) return <EmptyStateLayout content={empty} />;
  return (
    <Box>
      <Table colCount={columns.length} rowCount={rows.length + 1}>
        <ColumnHeads prefix="submissions.column" columns={columns} />
        <Tbody>{rows.map(renderRow)}</Tbody>
      </Table>
      {pagination && pagination.pageCount > 1 ? (
        <Pagination.Root
          pageCount={pagination.pageCount}
          total={pagination.total}
          defaultPageSize={PAGE_SIZE}
        >
          <Pagination.Links />
        </Pagination.Root>
      ) : null}
    </Box>
  );
};
