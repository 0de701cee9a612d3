import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useArticleColumns } from '../api/oversight';
import { useT } from '../hooks/useT';

/** What the Content Manager gives a custom field's input, as far as this one uses it. */
interface ColumnInputProps {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  labelAction?: ReactNode;
}

const isRow = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * The site the form has chosen, from the relation field's pending change: the document id of a
 * site just picked, null when the site was removed, undefined while the saved site stands.
 */
const chosenSite = (value: unknown): string | null | undefined => {
  if (!isRow(value)) return undefined;
  const connect = Array.isArray(value.connect) ? value.connect : [];
  const picked = connect.at(-1);
  if (isRow(picked)) {
    const api = isRow(picked.apiData) ? picked.apiData : picked;
    return typeof api.documentId === 'string' ? api.documentId : undefined;
  }
  const disconnect = Array.isArray(value.disconnect) ? value.disconnect : [];
  return disconnect.length > 0 ? null : undefined;
};

const NONE = '';

/**
 * 栏目 in the article's edit view (the custom field `plugin::governance.column`): a choice among
 * the columns the article's site has set up, which oversight judges, instead of free text. It
 * follows the site chosen in the form. A column the site does not have (typed before this list,
 * or left from another site) stays shown, marked, until the editor chooses again; the server
 * refuses to save it.
 */
const ColumnInput = ({ name, label, hint, required, disabled, labelAction }: ColumnInputProps) => {
  const t = useT();
  const field = useField<string | null>(name);
  const site = chosenSite(useField('site').value);
  const { id } = useParams<{ id?: string }>();
  const article = id && id !== 'create' ? id : undefined;
  // No site in the form: nothing to choose from until one is chosen.
  const { data, isLoading } = useArticleColumns(
    site === undefined ? { article } : { site: site ?? undefined },
    site !== null
  );
  const value = field.value ?? NONE;
  const columns = site === null ? [] : (data?.columns ?? []);
  const known = columns.some((column) => column.name === value);
  const stray = value !== NONE && (site === null || (data !== undefined && !known));

  const note =
    site === null || (data !== undefined && !data.site)
      ? t('columns.input.noSite')
      : data?.site && columns.length === 0
        ? t('columns.input.noColumns', { site: data.site.name })
        : undefined;

  return (
    <Field.Root
      name={name}
      required={required}
      hint={note ?? hint}
      error={field.error ?? (stray ? t('columns.input.stray', { column: value }) : undefined)}
    >
      <Field.Label action={labelAction}>{label}</Field.Label>
      <SingleSelect
        value={value}
        disabled={disabled || isLoading}
        onChange={(next: string | number) =>
          field.onChange(name, String(next) === NONE ? null : String(next))
        }
      >
        <SingleSelectOption value={NONE}>{t('columns.input.none')}</SingleSelectOption>
        {columns.map((column) => (
          <SingleSelectOption key={column.name} value={column.name}>
            {column.name}（{t(`oversight.kind.${column.kind}`)}）
          </SingleSelectOption>
        ))}
        {stray ? (
          <SingleSelectOption value={value} disabled>
            {t('columns.input.strayOption', { column: value })}
          </SingleSelectOption>
        ) : null}
      </SingleSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

export default ColumnInput;
