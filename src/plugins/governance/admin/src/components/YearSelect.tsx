import { Box, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useT } from '../hooks/useT';

/**
 * The year picker in a page's header (年份), newest first; a year from the URL outside the
 * list is offered too.
 */
export const YearSelect = ({
  years,
  value,
  onChange,
  minWidth = '12rem',
}: {
  years: readonly number[];
  value: number;
  onChange: (year: number) => void;
  minWidth?: string;
}) => {
  const t = useT();
  const options = [...new Set([...years, value])].sort((a, b) => b - a);
  return (
    <Box minWidth={minWidth}>
      <SingleSelect
        aria-label={t('overview.year')}
        value={String(value)}
        onChange={(next: string | number) => onChange(Number(next))}
      >
        {options.map((year) => (
          <SingleSelectOption key={year} value={String(year)}>
            {t('overview.yearOption', { year })}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Box>
  );
};
