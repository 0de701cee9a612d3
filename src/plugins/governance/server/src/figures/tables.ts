import type { Core } from '@strapi/strapi';
import { dbNames } from '../utils/db-names';
import {
  MESSAGE_DAY,
  MESSAGE_ENTRY,
  MESSAGE_MONTH,
  PUBLICATION_COLUMN,
  PUBLICATION_DAY,
  PUBLICATION_ENTRY,
  PUBLICATION_MONTH,
} from '../uids';
import type { CellTable } from './cells';

/** The tables, with Strapi's own names for them and their columns. */
export const publicationTables = (strapi: Core.Strapi) => {
  const entry = dbNames(strapi, PUBLICATION_ENTRY);
  const day = dbNames(strapi, PUBLICATION_DAY);
  const month = dbNames(strapi, PUBLICATION_MONTH);
  const column = dbNames(strapi, PUBLICATION_COLUMN);
  const counts = (names: typeof day) => [
    names.column('articles'),
    names.column('rawArticles'),
    names.column('specialTopics'),
  ];
  return {
    entry,
    day,
    month,
    column,
    days: {
      table: day.table,
      keys: [day.column('siteId'), day.column('columnName'), day.column('day')],
      counts: counts(day),
      latestColumn: day.column('lastPublishedAt'),
    } satisfies CellTable,
    months: {
      table: month.table,
      keys: [month.column('siteId'), month.column('columnName'), month.column('month')],
      counts: counts(month),
    } satisfies CellTable,
    columns: {
      table: column.table,
      keys: [column.column('siteId'), column.column('columnName')],
      counts: [column.column('articles'), column.column('rawArticles')],
      latestColumn: column.column('lastPublishedAt'),
    } satisfies CellTable,
  };
};

/** The message figures' tables, with Strapi's own names for them and their columns. */
export const messageTables = (strapi: Core.Strapi) => {
  const entry = dbNames(strapi, MESSAGE_ENTRY);
  const day = dbNames(strapi, MESSAGE_DAY);
  const month = dbNames(strapi, MESSAGE_MONTH);
  const counts = (names: typeof day) => [
    names.column('messages'),
    names.column('answered'),
    names.column('replied'),
  ];
  return {
    entry,
    day,
    month,
    days: {
      table: day.table,
      keys: [day.column('siteId'), day.column('day')],
      counts: counts(day),
    } satisfies CellTable,
    months: {
      table: month.table,
      keys: [month.column('siteId'), month.column('month')],
      counts: counts(month),
    } satisfies CellTable,
  };
};
