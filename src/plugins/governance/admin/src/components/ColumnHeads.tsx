import { Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useT } from '../hooks/useT';

/** A table's heading row: each column's name, translated under `prefix` (`${prefix}.${column}`). */
export const ColumnHeads = ({
  prefix,
  columns,
}: {
  prefix: string;
  columns: readonly string[];
}) => {
  const t = useT();
  return (
    <Thead>
      <Tr>
        {columns.map((column) => (
          <Th key={column}>
            <Typography variant="sigma">{t(`${prefix}.${column}`)}</Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
  );
};
