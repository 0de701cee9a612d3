import { Box, EmptyStateLayout, Table, Tbody } from '@strapi/design-system';
import { Page, Pagination } from '@strapi/strapi/admin';
import type { ComponentProps, ReactNode } from 'react';
import { ColumnHeads } from './ColumnHeads';

type Heads = ComponentProps<typeof ColumnHeads>;

/**
 * What the design system's Tbody gives each of its rows: the row's place, from which its Tr
 * tells each cell where it is for the grid's keyboard navigation. A row component passes it
 * on to its Tr.
 */
export interface RowPlace {
  'aria-rowindex'?: number;
}

/**
 * A design-system table under its translated column names (see ColumnHeads). `rows` counts the
 * body's rows, for the grid's keyboard navigation.
 */
export const HeadedTable = ({
  rows,
  children,
  ...heads
}: Heads & { rows: number; children: ReactNode }) => (
  <Table colCount={heads.columns.length} rowCount={rows + 1}>
    <ColumnHeads {...heads} />
    <Tbody>{children}</Tbody>
  </Table>
);

/**
 * A list page's table: Strapi's loading page while it loads, the design system's empty state
 * without rows, else the rows, with Strapi's pagination links (the page in the address) when
 * `pagination` is given.
 */
export const ListTable = <Row,>({
  isLoading = false,
  rows,
  empty,
  renderRow,
  pagination,
  ...heads
}: Heads & {
  isLoading?: boolean;
  rows: readonly Row[] | undefined;
  /** What the empty state says. */
  empty: string;
  /** A row of the body, keyed. */
  renderRow: (row: Row) => ReactNode;
  pagination?: { pageCount?: number; total?: number; pageSize: number };
}) => {
  if (isLoading) return <Page.Loading />;
  if (!rows || rows.length === 0) return <EmptyStateLayout content={empty} />;
  const table = (
    <HeadedTable rows={rows.length} {...heads}>
      {rows.map(renderRow)}
    </HeadedTable>
  );
  if (!pagination) return table;
  return (
    <Box>
      {table}
      <Pagination.Root
        pageCount={pagination.pageCount}
        total={pagination.total}
        defaultPageSize={pagination.pageSize}
      >
        <Pagination.Links />
      </Pagination.Root>
    </Box>
  );
};
