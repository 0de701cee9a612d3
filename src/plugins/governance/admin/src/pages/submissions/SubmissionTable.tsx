import type { ReactNode } from 'react';
import type { Submission, SubmissionPage } from '../../api/submissions';
import { ListTable } from '../../components/DataTable';

/** The server's page size for both submission lists. */
const PAGE_SIZE = 20;

/**
 * A page of submissions as a table, its column headings named `submissions.column.<column>`,
 * with pagination when there is more than a page; `empty` while there are none. Shared by
 * 报送信息 and 我的报送.
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
  const pagination = list.data?.meta.pagination;
  return (
    <ListTable
      prefix="submissions.column"
      columns={columns}
      isLoading={list.isLoading}
      rows={list.data?.data}
      empty={empty}
      renderRow={renderRow}
      pagination={
        pagination && pagination.pageCount > 1
          ? { pageCount: pagination.pageCount, total: pagination.total, pageSize: PAGE_SIZE }
          : undefined
      }
    />
  );
};
