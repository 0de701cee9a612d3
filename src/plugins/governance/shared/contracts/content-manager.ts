import { ARTICLE, CITIZEN_MESSAGE, SITE } from '../uids';

/**
 * What the plugin adds to Strapi's Content Manager for the application's types: the names of
 * enumeration values, and a citizen message's own status beside Strapi's document status.
 */

/**
 * The enumeration fields the Content Manager shows, per type, and the plugin translation key
 * under which each value is named (`<prefix>.<value>` in admin/src/translations/*.json, the
 * words the plugin's own pages use). The stored values stay English: the server, the public
 * API and the validation of allowed values use them.
 */
export const ENUM_NAMES: Record<string, Record<string, string>> = {
  [CITIZEN_MESSAGE]: {
    category: 'messages.category',
    originalCategory: 'messages.category',
    status: 'messages.status',
    satisfaction: 'messages.satisfaction',
    spotCheck: 'messages.verdict',
    invalidation: 'messages.invalidation',
  },
  [SITE]: { level: 'level', siteType: 'siteType' },
  [ARTICLE]: { reviewStatus: 'review.status' },
};

/**
 * Fields no edit view shows: an article's review state (the review panel shows it) and a
 * message's status (the 办理状态 panel shows it, see HANDLING_STATUS). Strapi names an edit
 * view's select options by the bare value as a translation id, one namespace for every type, so
 * only the other fields' values are registered that way: an article's `rejected` (已退回) and a
 * message's `rejected` (不予受理) would clash there.
 */
export const NOT_IN_EDIT_VIEWS = new Set(['reviewStatus', 'status']);

/** The prefix of each enumeration field, by field name (one meaning per name, unit-tested). */
export const prefixByField = (): Record<string, string> => {
  const prefixes: Record<string, string> = {};
  const clashes = new Set<string>();
  for (const fields of Object.values(ENUM_NAMES))
    for (const [field, prefix] of Object.entries(fields)) {
      if (prefixes[field] !== undefined && prefixes[field] !== prefix) clashes.add(field);
      prefixes[field] = prefix;
    }
  for (const field of clashes) delete prefixes[field];
  return prefixes;
};

/**
 * The translations of the enumeration values by their bare value ("consultation": "咨询"), from
 * the plugin's own strings (`data`, unprefixed): Strapi names an edit view's select options and
 * the list filters' options that way. The edit views' fields name theirs alone; the values of
 * the fields no edit view shows are added where they do not clash, and a value two of them
 * share is named by both (rejected: 不予受理／已退回). The filters show each field's own name
 * (withEnumFilters), so that joined name is only what Strapi looks up, never what is shown.
 */
export const bareValueNames = (data: Record<string, string>): Record<string, string> => {
  const valuesOf = (field: string, prefix: string) =>
    Object.entries(data)
      .filter(
        ([key]) => key.startsWith(`${prefix}.`) && !key.slice(prefix.length + 1).includes('.')
      )
      .map(([key, word]) => [key.slice(prefix.length + 1), word] as const);
  const names: Record<string, string> = {};
  const hidden: Record<string, string[]> = {};
  for (const fields of Object.values(ENUM_NAMES))
    for (const [field, prefix] of Object.entries(fields))
      for (const [value, word] of valuesOf(field, prefix)) {
        if (!NOT_IN_EDIT_VIEWS.has(field)) names[value] = word;
        else if (!hidden[value]?.includes(word)) (hidden[value] ??= []).push(word);
      }
  for (const [value, words] of Object.entries(hidden)) names[value] ??= words.join('／');
  return names;
};

/**
 * Strapi 5's Content Manager answers a type without draft/publish with its own document status
 * in a field named `status` (always "published" in the list, absent in the edit view), over the
 * citizen message's own `status`. The plugin hands the message's status over under this name:
 * on each row of `GET /content-manager/collection-types/<message uid>` and in the `meta` of
 * `GET /content-manager/collection-types/<message uid>/:id`.
 */
export const HANDLING_STATUS = 'handlingStatus';
