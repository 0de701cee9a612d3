import { Box, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import {
  SITE_LEVELS,
  type RuleStatus,
  type SiteLevel,
  type SiteOversight,
} from '../../api/oversight';
import { FilterSelect, optionsOf } from '../../components/FilterSelect';
import { SearchBox } from '../../components/SearchBox';
import { useT } from '../../hooks/useT';
import { nearestDaysLeft } from './verdicts';

const STATUSES: RuleStatus[] = ['tripped', 'warning', 'ok'];
/** The status filter's values, none chosen first. */
export const STATUS_CHOICES: Array<Filters['status']> = ['', ...STATUSES];
export const SORTS = ['status', 'name', 'daysLeft'] as const;
export type Sort = (typeof SORTS)[number];

export interface Filters {
  status: RuleStatus | '';
  level: SiteLevel | '';
  city: string;
  query: string;
}

export const NO_FILTERS: Filters = { status: '', level: '', city: '', query: '' };

const matches = (row: SiteOversight, filters: Filters) =>
  (!filters.status || row.status === filters.status) &&
  (!filters.level || row.site.level === filters.level) &&
  (!filters.city || row.site.city === filters.city) &&
  (!filters.query || row.site.name.includes(filters.query.trim()));

/**
 * The rows that pass the filters, in the chosen order. The server's own order (the failing
 * first, then the nearest to failing) is the default; ties in the others keep it.
 */
export const filtered = (rows: SiteOversight[], filters: Filters, sort: Sort) => {
  const passing = rows.filter((row) => matches(row, filters));
  if (sort === 'status') return passing;
  const byName = (a: SiteOversight, b: SiteOversight) =>
    a.site.name.localeCompare(b.site.name, 'zh');
  // Two sites that time alone does not trip (Infinity − Infinity) are equal too.
  const byDaysLeft = (a: SiteOversight, b: SiteOversight) =>
    nearestDaysLeft(a) - nearestDaysLeft(b) || 0;
  // Array.prototype.sort is stable: equal rows keep the server's order.
  return passing.sort(sort === 'name' ? byName : byDaysLeft);
};

/** The site table's search, its status, level and city filters, and its order. */
export const OversightFilters = ({
  filters,
  cities,
  sort,
  onFilter,
  onSort,
}: {
  filters: Filters;
  cities: string[];
  sort: Sort;
  onFilter: (change: Partial<Filters>) => void;
  onSort: (sort: Sort) => void;
}) => {
  const t = useT();
  return (
    <Flex gap={4} wrap="wrap" alignItems="flex-end">
      <Box minWidth="16rem">
        <SearchBox
          name="search"
          label={t('oversight.filter.search')}
          clearLabel={t('oversight.filter.searchClear')}
          value={filters.query}
          onChange={(query) => onFilter({ query })}
        />
      </Box>
      <FilterSelect
        minWidth="14rem"
        label={t('oversight.filter.status')}
        value={filters.status}
        options={optionsOf(STATUSES, (status) => t(`oversight.status.${status}`))}
        onChange={(status) => onFilter({ status })}
      />
      <FilterSelect
        minWidth="14rem"
        label={t('oversight.filter.level')}
        value={filters.level}
        options={optionsOf(SITE_LEVELS, (level) => t(`oversight.level.${level}`))}
        onChange={(level) => onFilter({ level })}
      />
      <FilterSelect
        minWidth="14rem"
        label={t('oversight.filter.city')}
        value={filters.city}
        options={optionsOf(cities, (city) => city)}
        onChange={(city) => onFilter({ city })}
      />
      <Box minWidth="16rem">
        <SingleSelect
          aria-label={t('oversight.sort.label')}
          value={sort}
          onChange={(value: string | number) =>
            onSort(SORTS.find((name) => name === value) ?? sort)
          }
        >
          {SORTS.map((name) => (
            <SingleSelectOption key={name} value={name}>
              {t(`oversight.sort.${name}`)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
    </Flex>
  );
};
