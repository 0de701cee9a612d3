import { Box, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useT } from '../hooks/useT';

/** A filter's choices: each value with what the list shows for it. */
export type FilterOptions<V extends string> = ReadonlyArray<readonly [value: V, label: string]>;

/** The choices of a fixed list of values, named by `label`. */
export const optionsOf = <V extends string>(
  values: readonly V[],
  label: (value: V) => string
): FilterOptions<V> => values.map((value) => [value, label(value)]);

/**
 * A filter of a list (级别, 网站, 等待时间…): its name as placeholder and accessible name,
 * '' when cleared back to everything.
 */
export const FilterSelect = <V extends string>({
  label,
  value,
  options,
  onChange,
  minWidth,
  width,
}: {
  label: string;
  value: V | '';
  options: FilterOptions<V>;
  onChange: (value: V | '') => void;
  minWidth?: string;
  width?: string;
}) => {
  const t = useT();
  return (
    <Box minWidth={minWidth} width={width}>
      <SingleSelect
        aria-label={label}
        placeholder={label}
        value={value}
        onChange={(next: string | number) =>
          onChange(options.find(([option]) => option === String(next))?.[0] ?? '')
        }
        onClear={() => onChange('')}
        // The design system's own label is English ("Clear").
        clearLabel={t('common.clearFilter', { filter: label })}
      >
        {options.map(([option, name]) => (
          <SingleSelectOption key={option} value={option}>
            {name}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Box>
  );
};
