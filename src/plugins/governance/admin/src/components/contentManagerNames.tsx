import { Badge, Flex, Typography } from '@strapi/design-system';
import { InputRenderer } from '@strapi/strapi/admin';
import {
  ENUM_NAMES,
  HANDLING_STATUS,
  prefixByField,
} from '../../../shared/contracts/content-manager';
import { useNameOf, useT } from '../hooks/useT';
import { CITIZEN_MESSAGE } from '../../../shared/uids';

/**
 * Chinese names for enumeration values in Strapi's Content Manager. Strapi shows a value as it
 * is stored ("consultation"); the stored values stay (the server, the public API and the
 * validation of allowed values use them) and each is named from the plugin's translations,
 * `ENUM_NAMES` saying under which key (shared/contracts/content-manager.ts):
 * - list cells: a cell formatter, through the list view's column hook;
 * - filters: the option labels, through the filter hook, with Strapi's own input so that the
 *   chip of an applied filter shows the name too (it shows the raw value otherwise);
 * - the edit view's select: Strapi names an option by its bare value as a translation id, so
 *   those values are registered under their bare value too (`bareValueNames`).
 */

const PREFIX_BY_FIELD = prefixByField();

/** The plugin's strings per locale, as registerTrads loaded them (unprefixed keys). */
const loaded: Record<string, Record<string, string>> = {};

/** Keeps a locale's strings for the filter hook, which runs outside React's intl context. */
export const rememberStrings = (locale: string, data: Record<string, string>) => {
  loaded[locale] = data;
};

/* ---------------------------------------------------------------------------------------------
 * List cells
 * -------------------------------------------------------------------------------------------*/

interface Header {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: unknown;
  [key: string]: unknown;
}
interface ColumnHookArgs {
  displayedHeaders: Header[];
  layout: { metadatas?: Record<string, unknown> };
}
type Row = Record<string, unknown>;

const EnumCell = ({ prefix, value }: { prefix: string; value: unknown }) => {
  const nameOf = useNameOf(prefix);
  if (typeof value !== 'string' || value === '')
    return <Typography textColor="neutral800">-</Typography>;
  return <Typography textColor="neutral800">{nameOf(value)}</Typography>;
};

const HandlingStatusCell = ({ status }: { status: unknown }) => {
  const t = useT();
  if (typeof status !== 'string') return <Typography textColor="neutral800">-</Typography>;
  return (
    <Flex>
      <Badge>{t(`messages.status.${status}`)}</Badge>
    </Flex>
  );
};

/**
 * The list's enumeration columns in words. A real field named `status` (a citizen message's)
 * would be drawn by Strapi as its own draft/publish status whatever the formatter, so that
 * column takes the name under which the server hands the message's status over; it cannot be
 * sorted by that name (filtering by 办理状态 works).
 */
export const withEnumColumns = ({ displayedHeaders, layout }: ColumnHookArgs) => ({
  layout,
  displayedHeaders: displayedHeaders.map((header): Header => {
    if (header.attribute?.type !== 'enumeration' || header.cellFormatter) return header;
    if (header.name === 'status')
      return {
        ...header,
        name: HANDLING_STATUS,
        sortable: false,
        cellFormatter: (row: Row) => <HandlingStatusCell status={row[HANDLING_STATUS]} />,
      };
    return {
      ...header,
      cellFormatter: (row: Row, _header: unknown, { model }: { model: string }) => {
        const prefix = ENUM_NAMES[model]?.[header.name];
        const value = row[header.name];
        return prefix ? (
          <EnumCell prefix={prefix} value={value} />
        ) : (
          <Typography textColor="neutral800">{typeof value === 'string' ? value : '-'}</Typography>
        );
      },
    };
  }),
});

/* ---------------------------------------------------------------------------------------------
 * Filters
 * -------------------------------------------------------------------------------------------*/

interface Filter {
  name: string;
  type?: string;
  options?: Array<{ label?: string; value: string }>;
  [key: string]: unknown;
}
interface FilterHookArgs {
  displayedFilters: Filter[];
  layout: unknown;
}

/**
 * The filters' option names. The hook runs outside React's intl context: the admin's language
 * is the one Strapi keeps on `<html lang>` (set at start and on every change of language).
 */
export const withEnumFilters = ({ displayedFilters, layout }: FilterHookArgs) => {
  const strings = loaded[document.documentElement.lang] ?? loaded.en ?? {};
  return {
    layout,
    displayedFilters: displayedFilters.map((filter): Filter => {
      const prefix = PREFIX_BY_FIELD[filter.name];
      if (!prefix || filter.type !== 'enumeration' || !filter.options) return filter;
      return {
        ...filter,
        input: InputRenderer,
        options: filter.options.map((option) => ({
          ...option,
          label: strings[`${prefix}.${option.value}`] ?? option.label ?? option.value,
        })),
      };
    }),
  };
};

/* ---------------------------------------------------------------------------------------------
 * Edit view
 * -------------------------------------------------------------------------------------------*/

/**
 * 办理状态 beside a citizen message's form: Strapi's edit view does not receive the message's
 * own `status` (see HANDLING_STATUS), the server hands it over in the document's `meta`.
 * Signing for, replying and transferring happen in 留言办理.
 */
export const HandlingStatusPanel = ({
  model,
  meta,
}: {
  model: string;
  meta?: Record<string, unknown>;
}) => {
  const t = useT();
  if (model !== CITIZEN_MESSAGE || !meta) return null;
  const status = meta[HANDLING_STATUS];
  return {
    title: t('messages.cm.panel.title'),
    content: (
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex>
          <Badge>{typeof status === 'string' ? t(`messages.status.${status}`) : '-'}</Badge>
        </Flex>
        <Typography variant="pi" textColor="neutral600">
          {t('messages.cm.panel.hint')}
        </Typography>
      </Flex>
    ),
  };
};
