import { Searchbar } from '@strapi/design-system';
import { useT } from '../hooks/useT';

/** A list's search field, its name as placeholder and label; cleared back to everything. */
export const SearchBox = ({
  name = 'q',
  label,
  value,
  onChange,
  clearLabel,
  maxLength,
}: {
  name?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** 清除 by default. */
  clearLabel?: string;
  /** The server's limit on a search. */
  maxLength?: number;
}) => {
  const t = useT();
  return (
    <Searchbar
      name={name}
      maxLength={maxLength}
      value={value}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      onClear={() => onChange('')}
      clearLabel={clearLabel ?? t('sites.searchClear')}
      placeholder={label}
    >
      {label}
    </Searchbar>
  );
};
