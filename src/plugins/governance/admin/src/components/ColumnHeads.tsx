import { Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useT } from '../hooks/useT';

/** A table's heading row: each column's name, translated under `prefix` (`${prefix}.${column}`). */
export const ColumnHeads = ({
  prefix,
  columns,
  values,
  widths,
}: {
  prefix: string;
  columns: readonly string[];
  /** Values for the names' placeholders (a year). */
  values?: Record<string, string | number>;
  /** Some columns' widths, for tables one above another whose figures should line up. */
  widths?: Readonly<Partial<Record<string, string>>>;
}) => {
  const t = useT();
  return (
    <Thead>
      <Tr>
        {columns.map((column) => (
          <Th key={column} width={widths?.[column]}>
            <Typography variant="sigma">{t(`${prefix}.${column}`, values)}</Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
  );
};
